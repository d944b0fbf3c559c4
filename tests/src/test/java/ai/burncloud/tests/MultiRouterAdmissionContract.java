package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.ConfigLoader;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.Database;
import ai.burncloud.database.KeyCipher;
import ai.burncloud.database.NewUser;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.Role;
import ai.burncloud.database.testing.TestDatabases;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.service.ChannelAdmin;
import ai.burncloud.service.ChannelRequest;
import ai.burncloud.service.CreatedToken;
import ai.burncloud.service.PriceAdmin;
import ai.burncloud.service.TokenAdmin;
import ai.burncloud.service.TokenRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Three real routers on one PostgreSQL database (a schema of its own), called round-robin, admit
 * exactly what one router would: a key's quota, its owner's balance and its requests per minute are
 * never exceeded, whatever router each call reaches. Subclasses choose how the routers share
 * admission (the database alone, or Redis).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MultiRouterAdmissionContract {
    static final int ROUTERS = 3;
    static final int N = 20;
    /** 76 bytes: a hold of 19 prompt tokens + max_tokens 10 — exactly what the fixture reports (19 + 10). */
    static final String CALL =
            "{\"model\":\"gpt-4o\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"\"}]}";
    /** 19 × $1/M + 10 × $2/M in nano-dollars: each call holds and costs exactly this. */
    static final long COST = 39_000;

    static final String SECRET_KEY = "bXVsdGktcm91dGVyLWFkbWlzc2lvbi10ZXN0LWtleSE=";

    private TestDatabases.PostgresSchema schema;
    private FakeUpstream upstream;
    Database db;
    Repositories repos;
    RouterCluster cluster;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Environment the routers start with besides the database (e.g. REDIS_URL). */
    abstract Map<String, String> sharingEnv();

    /** Called once the routers run (subclasses wait for them to see each other). */
    void awaitSharing() throws Exception {}

    @BeforeAll
    void startRouters() throws Exception {
        schema = TestDatabases.freshPostgresSchema();
        Map<String, String> env = new HashMap<>(sharingEnv());
        env.put("DATABASE_URL", schema.urlText());
        env.put("BURNCLOUD_SECRET_KEY", SECRET_KEY);
        env.put("IO_THREADS", "1");
        BurnCloudConfig config = ConfigLoader.fromMap(env);
        db = Database.open(config.databaseUrl());
        repos = Repositories.over(db, KeyCipher.from(config));
        upstream = FakeUpstream.start();
        upstream.always(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
        new ChannelAdmin(repos)
                .add(new ChannelRequest(
                        "fake",
                        "openai",
                        upstream.baseUrl() + "/v1",
                        "sk-up",
                        List.of("gpt-4o"),
                        null,
                        null,
                        null,
                        null,
                        null));
        new PriceAdmin(repos).set("gpt-4o", "1", "2", null);
        cluster = RouterCluster.start(ROUTERS, env);
        awaitSharing();
    }

    @AfterAll
    void stopRouters() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (upstream != null) {
            upstream.close();
        }
        if (db != null) {
            db.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void aQuotaForNCallsAdmitsExactlyNOfFiveNAcrossRouters() throws Exception {
        String user = newUser("-1");
        CreatedToken t = new TokenAdmin(repos)
                .create(new TokenRequest("quota", user, dollars(N * COST), null, null, null, null));
        Outcome o = fire(5 * N, t.key());
        System.out.printf("quota for %d calls: %s%n", N, o);
        assertThat(o.count(200)).isEqualTo(N);
        assertThat(o.count(402)).isEqualTo(4 * N);
        awaitLogged("token_id", t.token().id(), 5 * N);
        assertThat(query("SELECT used_quota FROM tokens WHERE id = ?", t.token().id()))
                .isEqualTo(N * COST)
                .isEqualTo(query(
                        "SELECT sum(cost) FROM request_logs WHERE token_id = ?",
                        t.token().id()));
    }

    @Test
    void aBalanceForNCallsIsNeverOverdrawnByTheOwnersKeysOnAnyRouter() throws Exception {
        String user = newUser(dollars(N * COST));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(new TokenAdmin(repos)
                    .create(new TokenRequest("k" + i, user, null, null, null, null, null))
                    .key());
        }
        Outcome o = fire(5 * N, keys.toArray(String[]::new));
        System.out.printf("balance for %d calls, 3 keys: %s%n", N, o);
        assertThat(o.count(200)).isEqualTo(N);
        long userId = repos.users().findByUsername(user).orElseThrow().id();
        awaitLogged("user_id", userId, 5 * N);
        assertThat(query("SELECT balance FROM users WHERE id = ?", userId)).isZero();
    }

    @Test
    void sixtyRequestsPerMinuteAdmitsSixtyOfTwoHundred() throws Exception {
        String user = newUser("-1");
        CreatedToken t = new TokenAdmin(repos).create(new TokenRequest("rpm", user, null, null, null, null, 60));
        long start = System.nanoTime();
        Outcome o = fire(200, t.key());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("rpm 60, 200 calls in %.2f s: %s%n", seconds, o);
        // a bucket of 60 that regains one a second: 60 while the 200 calls take under a second
        assertThat(o.count(200)).isBetween(60, 60 + (int) seconds);
        assertThat(o.count(429)).isEqualTo(200 - o.count(200));
    }

    /** Fires {@code calls} at once, round-robin over the routers and over {@code keys}. */
    Outcome fire(int calls, String... keys) {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            answers.add(http.sendAsync(
                    HttpRequest.newBuilder(URI.create(cluster.nextBaseUrl() + "/v1/chat/completions"))
                            .timeout(Duration.ofSeconds(30))
                            .header("authorization", "Bearer " + keys[i % keys.length])
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(CALL))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> byStatus = new HashMap<>();
        Map<String, String> sample = new HashMap<>();
        for (CompletableFuture<HttpResponse<String>> a : answers) {
            HttpResponse<String> r = a.join();
            byStatus.merge(r.statusCode(), 1, Integer::sum);
            sample.putIfAbsent(String.valueOf(r.statusCode()), r.body());
            r.headers().firstValue("x-burncloud-rejected-by").ifPresent(v -> sample.put("rejected-by", v));
        }
        return new Outcome(byStatus, sample);
    }

    record Outcome(Map<Integer, Integer> byStatus, Map<String, String> sample) {
        int count(int status) {
            return byStatus.getOrDefault(status, 0);
        }

        @Override
        public String toString() {
            return "statuses " + byStatus;
        }
    }

    String newUser(String balance) {
        String name = "u" + System.nanoTime();
        repos.users()
                .create(new NewUser(
                        name,
                        null,
                        Role.USER,
                        "default",
                        balance.equals("-1")
                                ? -1
                                : new BigDecimal(balance).movePointRight(9).longValueExact(),
                        null,
                        null));
        return name;
    }

    static String dollars(long nanos) {
        return BigDecimal.valueOf(nanos).movePointLeft(9).toPlainString();
    }

    /** Waits until every call of the key or user is in the request log (the routers flush every 50 ms). */
    void awaitLogged(String column, long id, int rows) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long logged = 0;
        while (System.nanoTime() < deadline) {
            logged = query("SELECT count(*) FROM request_logs WHERE " + column + " = ?", id);
            if (logged >= rows) {
                Thread.sleep(200); // the charges are in the same transactions as the rows
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("only " + logged + " of " + rows + " calls were logged");
    }

    long query(String sql, long id) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
