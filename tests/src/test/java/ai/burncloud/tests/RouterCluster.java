package ai.burncloud.tests;

import ai.burncloud.common.Json;
import ai.burncloud.database.Database;
import ai.burncloud.database.KeyCipher;
import ai.burncloud.database.KeySource;
import ai.burncloud.database.MasterKey;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.testing.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several real routers ({@link GatewayProcess}, the shipped jar) on one PostgreSQL schema, as an
 * operator scales out behind a load balancer. The schema must already be migrated (open it once
 * first), so the routers do not race to create it.
 */
final class RouterCluster implements AutoCloseable {
    /** The master key every router and the test share (BURNCLOUD_SECRET_KEY), as a deployment must. */
    private static final String SECRET_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    private final List<GatewayProcess> routers;

    private RouterCluster(List<GatewayProcess> routers) {
        this.routers = routers;
    }

    static RouterCluster start(TestDatabases.PostgresSchema schema, int size, Map<String, String> env) {
        List<GatewayProcess> started = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                Map<String, String> values = new HashMap<>(env);
                values.put("DATABASE_URL", schema.urlText());
                values.put("BURNCLOUD_SECRET_KEY", SECRET_KEY);
                started.add(GatewayProcess.start(values));
            }
            return new RouterCluster(started);
        } catch (RuntimeException e) {
            started.forEach(GatewayProcess::close);
            throw e;
        }
    }

    /** The database as the routers see it (upstream keys under the shared master key). */
    static Repositories repositories(Database db) {
        return Repositories.over(db, new KeyCipher(KeySource.fixed(MasterKey.parse(SECRET_KEY, "the test"))));
    }

    List<GatewayProcess> routers() {
        return routers;
    }

    GatewayProcess get(int i) {
        return routers.get(i);
    }

    /** The configuration version a router serves, from its {@code /health}. */
    static long appliedVersion(HttpClient http, GatewayProcess router) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(router.baseUrl() + "/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.parse(r.body()).path("config_version").asLong(-1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        routers.forEach(GatewayProcess::close);
    }
}
