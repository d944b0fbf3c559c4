package ai.burncloud.cli;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.ConfigLoader;
import ai.burncloud.common.LoggingConfig;
import ai.burncloud.common.Setting;
import ai.burncloud.common.Version;
import ai.burncloud.service.AccessLog;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on; wins over PORT and .env.")
    void port(String port) {
        ctx.flag(Setting.PORT, port);
    }

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on; wins over HOST and .env.")
    void host(String host) {
        ctx.flag(Setting.HOST, host);
    }

    @Override
    public Integer call() throws InterruptedException {
        BurnCloudConfig config = ctx.config();
        LoggingConfig logs = ConfigLoader.logging(ctx.settings());
        Logging.level(config.logLevel());
        Logging.destinations(logs);
        StopOnce stop = new StopOnce();
        // before the start, so that a SIGTERM while starting is a graceful stop too
        TermSignal.onTerm(stop::request);
        ParentWatch.stopWhenGone(ctx.env().get(JvmRelaunch.PARENT_PID), stop::request);
        Thread hook = new Thread(stop::request, "burncloud-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        BurnCloudApp app = BurnCloudApp.start(config);
        if (logs.accessLog()) {
            app.router().addListener(new AccessLog());
        }
        stop.started(app);
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
        Logging.flush();
        return ExitCode.OK;
    }
}
