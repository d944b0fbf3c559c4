package ai.burncloud.server;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Json;
import ai.burncloud.database.Repositories;
import ai.burncloud.service.DataPlaneView;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/**
 * The control plane: a Vert.x HTTP server on a loopback port behind the public port (the data plane
 * forwards every non-data-plane path to it). Start it first, start the data plane with its port, then
 * {@link #attach} the data plane so monitoring and speed tests can reach it.
 *
 * <p>SKELETON: answers every path with a 404 in OpenAI's error shape until the REST API lands.
 */
public final class ControlPlane implements AutoCloseable {
    private final Vertx vertx;
    private final HttpServer server;

    private ControlPlane(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    public static ControlPlane start(BurnCloudConfig config, Repositories repos) {
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route()
                .handler(ctx -> ctx.response()
                        .setStatusCode(404)
                        .putHeader("content-type", "application/json")
                        .end(Json.write(
                                Json.openAiError(GatewayError.NOT_FOUND, "Unknown path " + ctx.normalizedPath()))));
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(router)
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            return new ControlPlane(vertx, server);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("control plane failed to start: " + e.getMessage(), e);
        }
    }

    /** The loopback port the data plane forwards to. */
    public int port() {
        return server.actualPort();
    }

    /** Connects monitoring, metrics and speed tests to the running data plane. */
    public void attach(DataPlaneView dataPlane) {}

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // shutting down anyway
        }
    }
}
