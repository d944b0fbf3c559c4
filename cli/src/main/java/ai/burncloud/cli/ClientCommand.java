package ai.burncloud.cli;

import ai.burncloud.client.DesktopLauncher;
import ai.burncloud.client.ServerAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code burncloud client}: the desktop window, until it is closed. */
@Command(name = "client", description = "Open the desktop client (BURNCLOUD_SERVER, default http://localhost:PORT).")
final class ClientCommand implements Callable<Integer> {
    private final CliContext ctx;

    ClientCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String server = ServerAddress.resolve(ctx.settings(), () -> ctx.config().port());
        if (!LaunchMode.hasDisplay(ctx.env())) {
            throw new ClientUnavailableException(
                    "no display available for the desktop client (set DISPLAY, or run 'burncloud router')", null);
        }
        try {
            DesktopLauncher.launch(server);
        } catch (RuntimeException e) {
            throw new ClientUnavailableException("cannot start the desktop client: " + e.getMessage(), e);
        }
        return ExitCode.OK;
    }
}
