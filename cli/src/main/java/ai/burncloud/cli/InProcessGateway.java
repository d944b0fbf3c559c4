package ai.burncloud.cli;

import ai.burncloud.client.GatewayStarter;
import ai.burncloud.client.LocalGateway;
import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.database.Role;
import ai.burncloud.database.User;
import ai.burncloud.service.ConsoleLogin;
import ai.burncloud.service.ConsoleSessions;
import ai.burncloud.service.LoginThrottle;
import ai.burncloud.service.PasswordHasher;
import ai.burncloud.service.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway the desktop client starts when nothing answers on this machine: {@link BurnCloudApp}
 * with the configuration {@code burncloud router} would use, and a console session of root's made
 * directly in the database (the window's owner is the machine's user, who could read the database
 * anyway; no password is needed or printed). Closing it ends the session and stops the gateway
 * gracefully.
 */
public final class InProcessGateway implements LocalGateway {
    private static final Logger log = LoggerFactory.getLogger(InProcessGateway.class);
    /** The session only needs to outlive the window; it is deleted when the window closes. */
    private static final Duration SESSION_TTL = Duration.ofDays(1);

    private final BurnCloudApp app;
    private final String baseUrl;
    private final String accessToken;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** SIGTERM or Ctrl-C while the window is open stops the gateway as gracefully as closing it. */
    private final Thread shutdownHook = new Thread(this::stop, "burncloud-shutdown");

    private InProcessGateway(BurnCloudApp app, String baseUrl, String accessToken) {
        this.app = app;
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** What {@code burncloud client} hands the window: starts the gateway {@code router} would run. */
    public static GatewayStarter starter(BurnCloudConfig config, Consumer<BurnCloudApp> onStarted) {
        return () -> {
            Logging.level(config.logLevel());
            InProcessGateway gateway = start(config);
            onStarted.accept(gateway.app);
            return gateway;
        };
    }

    static InProcessGateway start(BurnCloudConfig config) throws InterruptedException {
        BurnCloudApp app = BurnCloudApp.start(config);
        try {
            User root = app.repositories().users().all().stream()
                    .filter(u -> u.role() == Role.ROOT)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the database has no root user"));
            // the hasher is never used to check a password here: the lowest cost keeps start-up quick
            ConsoleSessions sessions = new ConsoleSessions(
                    app.repositories(),
                    new PasswordHasher(4),
                    LoginThrottle.standard(),
                    Clock.systemUTC(),
                    SESSION_TTL);
            ConsoleLogin login = sessions.open(root);
            String url = "http://127.0.0.1:" + app.port();
            log.info("BurnCloud gateway running in the desktop client at {} (database {})", url, config.databaseUrl());
            return new InProcessGateway(app, url, login.secret());
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String accessToken() {
        return accessToken;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the gateway
        }
        stop();
    }

    private void stop() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            app.repositories().sessions().delete(Secrets.hash(accessToken));
        } catch (RuntimeException e) {
            log.warn("could not end the desktop session: {}", e.getMessage());
        }
        app.close();
        log.info("BurnCloud gateway stopped");
    }
}
