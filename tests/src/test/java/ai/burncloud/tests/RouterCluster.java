package ai.burncloud.tests;

import ai.burncloud.common.Json;
import ai.burncloud.database.Database;
import ai.burncloud.database.KeyCipher;
import ai.burncloud.database.KeySource;
import ai.burncloud.database.MasterKey;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Several real routers ({@link GatewayProcess}) on one database, started together, called round-robin. */
final class RouterCluster implements AutoCloseable {
    /** The master key every router and the test share (BURNCLOUD_SECRET_KEY), as a deployment must. */
    private static final String SECRET_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    private final List<GatewayProcess> routers;
    private final AtomicInteger next = new AtomicInteger();

    private RouterCluster(List<GatewayProcess> routers) {
        this.routers = routers;
    }

    /** Starts {@code size} routers in parallel, each in a folder of its own, with the same {@code env}. */
    static RouterCluster start(int size, Map<String, String> env) {
        List<CompletableFuture<GatewayProcess>> starting = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return GatewayProcess.startIn(
                            Files.createTempDirectory("burncloud-cluster"),
                            new HashMap<>(env),
                            java.time.Duration.ofSeconds(180));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        List<GatewayProcess> routers = new ArrayList<>();
        RuntimeException failed = null;
        for (CompletableFuture<GatewayProcess> f : starting) {
            try {
                routers.add(f.join());
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        if (failed != null) {
            routers.forEach(GatewayProcess::close);
            throw failed;
        }
        return new RouterCluster(routers);
    }

    /**
     * {@code size} routers on one PostgreSQL schema sharing one master key. The schema must already be
     * migrated (open it once first), and configured through {@link #repositories}.
     */
    static RouterCluster start(TestDatabases.PostgresSchema schema, int size, Map<String, String> env) {
        Map<String, String> values = new HashMap<>(env);
        values.put("DATABASE_URL", schema.urlText());
        values.put("BURNCLOUD_SECRET_KEY", SECRET_KEY);
        return start(size, values);
    }

    /** The database as the routers see it (upstream keys under the shared master key). */
    static Repositories repositories(Database db) {
        return Repositories.over(db, new KeyCipher(KeySource.fixed(MasterKey.parse(SECRET_KEY, "the test"))));
    }

    /** The configuration version a router serves, from its {@code /health}. */
    static long appliedVersion(HttpClient http, GatewayProcess router) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(router.baseUrl() + "/health"))
                            .timeout(java.time.Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.parse(r.body()).path("config_version").asLong(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    GatewayProcess get(int i) {
        return routers.get(i);
    }

    /** The next router's base URL, round-robin. */
    String nextBaseUrl() {
        return routers.get(Math.floorMod(next.getAndIncrement(), routers.size()))
                .baseUrl();
    }

    List<GatewayProcess> routers() {
        return routers;
    }

    @Override
    public void close() {
        routers.forEach(GatewayProcess::close);
    }
}
