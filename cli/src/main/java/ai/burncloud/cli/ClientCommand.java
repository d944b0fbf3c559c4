package ai.burncloud.cli;

import ai.burncloud.client.ConfigDirectory;
import ai.burncloud.client.DesktopLauncher;
import ai.burncloud.client.LaunchOptions;
import ai.burncloud.client.ServerAddress;
import ai.burncloud.common.BurnCloudConfig;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code burncloud client [--server URL]}: the desktop window, until it is closed. Without a server
 * it connects to this machine's gateway (http://127.0.0.1:PORT) and, when nothing answers there,
 * starts one in-process with the configuration {@code router} would use.
 */
@Command(
        name = "client",
        description = "Open the desktop client: --server URL, else this machine's gateway, "
                + "started in-process when nothing answers on PORT.")
final class ClientCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "A BurnCloud server to sign in to (default: BURNCLOUD_SERVER, else this machine).")
    String server;

    ClientCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        BurnCloudConfig config = ctx.config();
        if (!LaunchMode.hasDisplay(ctx.env())) {
            throw new ClientUnavailableException(
                    "no display available for the desktop client (set DISPLAY, or run 'burncloud router')", null);
        }
        Optional<String> remote = Optional.ofNullable(server)
                .filter(s -> !s.isBlank())
                .or(() -> ServerAddress.configured(ctx.settings()));
        LaunchOptions options = new LaunchOptions(
                remote,
                ServerAddress.local(config.port()),
                InProcessGateway.starter(config, ctx::routerStarted),
                ctx.env(),
                ConfigDirectory.resolve(ctx.env(), System.getProperty("os.name", ""), System.getProperty("user.home")));
        try {
            DesktopLauncher.launch(options);
        } catch (RuntimeException e) {
            throw new ClientUnavailableException("cannot start the desktop client: " + e.getMessage(), e);
        }
        return ExitCode.OK;
    }
}
