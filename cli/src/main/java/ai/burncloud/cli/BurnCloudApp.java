package ai.burncloud.cli;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.Json;
import ai.burncloud.common.Version;
import ai.burncloud.database.Database;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The running gateway: database, data plane and control plane on one port.
 *
 * <p>PLACEHOLDER (replaced by the Netty router): opens the database, migrates it and answers
 * {@code GET /health}.
 */
public final class BurnCloudApp implements AutoCloseable {
    private final Database database;
    private final HttpServer server;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private BurnCloudApp(Database database, HttpServer server) {
        this.database = database;
        this.server = server;
    }

    /** Opens the database (migrating it) and starts listening on {@code HOST:PORT}. */
    public static BurnCloudApp start(BurnCloudConfig config) {
        Database db = Database.open(config.databaseUrl());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
            server.createContext("/health", exchange -> {
                byte[] body = Json.writeBytes(Map.of(
                        "status", "ok", "version", Version.current(), "database", db.kind().name().toLowerCase()));
                exchange.getResponseHeaders().add("content-type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new BurnCloudApp(db, server);
        } catch (IOException e) {
            db.close();
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        server.stop(0);
        database.close();
        stopped.countDown();
    }
}
