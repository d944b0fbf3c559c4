package ai.burncloud.cli;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.Version;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code burncloud router}: the headless server, until SIGTERM or Ctrl-C. */
@Command(
        name = "router",
        description = "Run the gateway server (data plane and control plane) on HOST:PORT until stopped.")
final class RouterCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RouterCommand.class);

    private final CliContext ctx;

    RouterCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        BurnCloudConfig config = ctx.config();
        Logging.level(config.logLevel());
        BurnCloudApp app = BurnCloudApp.start(config);
        Thread hook = new Thread(app::close, "burncloud-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        log.info(
                "BurnCloud {} listening on http://{}:{} (database {})",
                Version.current(),
                config.host(),
                app.port(),
                config.databaseUrl());
        ctx.routerStarted(app);
        app.awaitStop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what stopped us
        }
        log.info("BurnCloud stopped");
        return ExitCode.OK;
    }
}
