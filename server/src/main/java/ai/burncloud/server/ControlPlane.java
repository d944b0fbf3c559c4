package ai.burncloud.server;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.GatewayError;
import ai.burncloud.database.Repositories;
import ai.burncloud.service.DataPlaneView;
import ai.burncloud.service.PasswordHasher;
import ai.burncloud.service.RootAccount;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane: the REST API on a Vert.x HTTP server on a loopback port behind the public port
 * (the data plane forwards every non-data-plane path to it, adding X-Forwarded-For and the relay
 * secret that makes it believed). Start it first,
 * start the data plane with its port, then {@link #attach} the data plane so statistics, metrics and
 * speed tests can reach it. Database work runs on Vert.x worker threads, never on the event loop.
 */
public final class ControlPlane implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);
    private static final long MAINTENANCE_MS = 10_000;

    private final Vertx vertx;
    private final HttpServer server;
    private final ApiServices services;
    private final GatewayMetrics metrics;
    private final AtomicReference<DataPlaneView> dataPlane;
    private final List<ApiRoutes.Endpoint> endpoints;
    private final String relaySecret;

    private ControlPlane(
            Vertx vertx,
            HttpServer server,
            ApiServices services,
            GatewayMetrics metrics,
            AtomicReference<DataPlaneView> dataPlane,
            List<ApiRoutes.Endpoint> endpoints,
            String relaySecret) {
        this.vertx = vertx;
        this.relaySecret = relaySecret;
        this.server = server;
        this.services = services;
        this.metrics = metrics;
        this.dataPlane = dataPlane;
        this.endpoints = endpoints;
    }

    public static ControlPlane start(BurnCloudConfig config, Repositories repos) {
        return start(config, repos, PasswordHasher.standard(), Clock.systemUTC());
    }

    /** With a chosen bcrypt cost and clock (tests use a low cost). */
    public static ControlPlane start(BurnCloudConfig config, Repositories repos, PasswordHasher hasher, Clock clock) {
        RootAccount.ensurePassword(repos, hasher, config.rootPassword());
        ApiServices services = ApiServices.over(config, repos, hasher, clock);
        Vertx vertx = Vertx.vertx();
        try {
            AtomicReference<DataPlaneView> dataPlane = new AtomicReference<>();
            GatewayMetrics metrics = new GatewayMetrics(dataPlane, config.metricsMaxSeries());
            Router router = Router.router(vertx);
            RelayTrust relay = RelayTrust.withFreshSecret();
            router.route().handler(relay); // first: nothing may read X-Forwarded-For before it is vetted
            Blocking blocking = new Blocking(vertx, () -> syncDataPlane(dataPlane.get()));
            ApiRoutes routes = new ApiRoutes(
                    router,
                    new Authenticator(services.sessions(), blocking),
                    new AuditedRoutes(services.audit(), blocking));
            new AuthApi(services, blocking).register(routes);
            new UserApi(services, blocking).register(routes);
            new TokenApi(services, blocking).register(routes);
            new ChannelApi(services, blocking).register(routes);
            new PriceApi(services, blocking).register(routes);
            new RedemptionApi(services, blocking).register(routes);
            new LogApi(services, blocking).register(routes);
            new LogTailApi(services, blocking).register(routes);
            new StatsApi(services, blocking, dataPlane).register(routes);
            new OptionApi(services, blocking).register(routes);
            new StatusApi(services, blocking).register(routes);
            new AuditApi(services, blocking).register(routes);
            new ConfigApi(services, blocking).register(routes);
            new MetricsApi(services, blocking, metrics).register(routes);
            new ConsoleRoutes(ConsoleAssets.load()).register(router);
            errors(router);
            // the data plane's codec accepts request lines up to 8 KiB and headers up to 64 KiB and relays
            // them here: the control plane must accept the same, or it answers 431 and drops the connection
            // without saying so (no Connection: close), which the relay's pool then reused (a 502)
            HttpServer server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions()
                            .setMaxInitialLineLength(8192)
                            .setMaxHeaderSize(65536))
                    .requestHandler(router)
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            vertx.setPeriodic(MAINTENANCE_MS, id -> maintenance(vertx, services));
            return new ControlPlane(vertx, server, services, metrics, dataPlane, routes.endpoints(), relay.secret());
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("control plane failed to start: " + e.getMessage(), e);
        }
    }

    /** After a write: the data plane in this process serves it before the API answers (see Blocking). */
    private static void syncDataPlane(DataPlaneView view) {
        if (view == null) {
            return;
        }
        try {
            view.syncConfiguration();
        } catch (RuntimeException e) {
            // the write is committed; the data plane's own poll picks it up within SNAPSHOT_REFRESH_MS
            log.warn("could not bring the data plane up to the database at once: {}", e.getMessage());
        }
    }

    /** Unknown paths, wrong methods and oversized bodies answer in the API's error shape. */
    private static void errors(Router router) {
        router.route().handler(ctx -> Replies.error(ctx, GatewayError.NOT_FOUND, "no such endpoint"));
        router.errorHandler(404, ctx -> Replies.error(ctx, GatewayError.NOT_FOUND, "no such endpoint"));
        router.errorHandler(405, ctx -> Replies.error(ctx, GatewayError.METHOD_NOT_ALLOWED, "method not allowed here"));
        router.errorHandler(413, ctx -> Replies.error(ctx, GatewayError.PAYLOAD_TOO_LARGE, "request body too large"));
        router.errorHandler(400, ctx -> Replies.error(ctx, GatewayError.INVALID_REQUEST, "bad request"));
        router.errorHandler(500, ctx -> {
            if (ctx.failure() != null) {
                Replies.failure(ctx, ctx.failure());
            } else {
                Replies.error(ctx, GatewayError.SERVER_ERROR, "internal error");
            }
        });
    }

    /** Persists finished statistics minutes and drops expired sessions, on a worker. */
    private static void maintenance(Vertx vertx, ApiServices s) {
        vertx.executeBlocking(
                        () -> {
                            s.stats().flush();
                            s.sessions().purgeExpired();
                            s.audit().prune(s.config().auditRetentionDays());
                            return null;
                        },
                        false)
                .onFailure(e -> log.error("control-plane maintenance failed: {}", e.getMessage()));
    }

    /**
     * What the data plane's relay sends in {@code X-BurnCloud-Relay} so its {@code X-Forwarded-For}
     * is believed; made at start, per process.
     */
    public String relaySecret() {
        return relaySecret;
    }

    /** The loopback port the data plane forwards to. */
    public int port() {
        return server.actualPort();
    }

    /** Connects statistics, metrics and speed tests to the running data plane. */
    public void attach(DataPlaneView view) {
        if (dataPlane.compareAndSet(null, view)) {
            view.addListener(services.stats());
            view.addListener(metrics);
            services.tester().attach(view);
        }
    }

    /** Every endpoint registered (the OpenAPI document is tested against these). */
    public List<String> endpoints() {
        return endpoints.stream()
                .map(e -> e.method().name() + " " + e.openApiPath())
                .toList();
    }

    /** Persists finished statistics minutes now (the maintenance timer does it every 10 s). */
    void flushStatistics() {
        services.stats().flush();
    }

    /** Every endpoint with its access level (tests). */
    List<ApiRoutes.Endpoint> registered() {
        return endpoints;
    }

    @Override
    public void close() {
        services.tester().close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // shutting down anyway
        }
        try {
            services.stats().flushAll();
        } catch (RuntimeException e) {
            log.error("final statistics flush failed: {}", e.getMessage());
        }
    }
}
