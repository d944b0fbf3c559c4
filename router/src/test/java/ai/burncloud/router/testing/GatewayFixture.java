package ai.burncloud.router.testing;

import ai.burncloud.common.ApiKeys;
import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.ChannelType;
import ai.burncloud.common.ConfigLoader;
import ai.burncloud.common.Money;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelSpec;
import ai.burncloud.database.Database;
import ai.burncloud.database.NewToken;
import ai.burncloud.database.NewUser;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.RequestLog;
import ai.burncloud.database.Role;
import ai.burncloud.database.Token;
import ai.burncloud.database.User;
import ai.burncloud.router.RouterServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real router on a loopback port over a fresh SQLite file, with helpers to configure it the way
 * an operator would (channels, tokens, prices) and to call it like a client.
 */
public final class GatewayFixture implements AutoCloseable {
    private final Path dir;
    private final Database db;
    private final Repositories repos;
    private final RouterServer router;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private GatewayFixture(Path dir, Database db, Repositories repos, RouterServer router) {
        this.dir = dir;
        this.db = db;
        this.repos = repos;
        this.router = router;
    }

    public static GatewayFixture start() {
        return start(Map.of());
    }

    /** Starts with configuration overrides (environment-variable names, e.g. RETRY_TIMES). */
    public static GatewayFixture start(Map<String, String> env) {
        return start(env, RouterServer.Seams.standard());
    }

    /** Starts with configuration overrides and replaced parts (a hand-driven clock, failing translators). */
    public static GatewayFixture start(Map<String, String> env, RouterServer.Seams seams) {
        try {
            Path dir = Files.createTempDirectory("burncloud-test");
            Map<String, String> values = new HashMap<>();
            values.put("HOST", "127.0.0.1");
            values.put("PORT", "0");
            values.put("SNAPSHOT_REFRESH_MS", "50");
            values.put("LOG_FLUSH_INTERVAL_MS", "50");
            values.put("UPSTREAM_READ_TIMEOUT_MS", "2000");
            values.put("UPSTREAM_CONNECT_TIMEOUT_MS", "1000");
            values.put("CLIENT_GONE_DRAIN_SECONDS", "5");
            values.put("IO_THREADS", "2");
            values.put("DATABASE_URL", "sqlite:" + dir.resolve("test.db"));
            values.putAll(env);
            BurnCloudConfig config = ConfigLoader.fromMap(values);
            Database db = Database.open(config.databaseUrl());
            Repositories repos = Repositories.over(db);
            RouterServer router = RouterServer.start(config, repos, 0, seams);
            return new GatewayFixture(dir, db, repos, router);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Repositories repos() {
        return repos;
    }

    public RouterServer router() {
        return router;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + router.port();
    }

    public User root() {
        return repos.users().findByUsername("root").orElseThrow();
    }

    public User user(String name, String group, String balanceDollars) {
        return repos.users()
                .create(new NewUser(
                        name,
                        null,
                        Role.USER,
                        group,
                        balanceDollars == null ? Money.UNLIMITED : Money.parseDollars(balanceDollars),
                        null,
                        null));
    }

    /** Creates a token and returns its plaintext key. */
    public String token(User owner, String quotaDollars, List<String> models, int rpm) {
        return tokenWith(owner, quotaDollars, models, List.of(), rpm, -1).key();
    }

    public IssuedToken tokenWith(
            User owner, String quotaDollars, List<String> models, List<String> ipRanges, int rpm, long expiresAt) {
        String key = ApiKeys.generate();
        Token t = repos.tokens()
                .create(new NewToken(
                        owner.id(),
                        "test",
                        ApiKeys.hash(key),
                        ApiKeys.displayPrefix(key),
                        quotaDollars == null ? Money.UNLIMITED : Money.parseDollars(quotaDollars),
                        expiresAt,
                        models,
                        ipRanges,
                        null,
                        rpm));
        return new IssuedToken(t, key);
    }

    public record IssuedToken(Token token, String key) {}

    /** An unlimited root token (what `burncloud token create` gives by default). */
    public String rootToken() {
        return token(root(), null, List.of(), 0);
    }

    public Channel openAiChannel(String name, FakeUpstream upstream, List<String> models, int priority, int weight) {
        return channel(
                name,
                ChannelType.OPENAI,
                upstream.baseUrl() + "/v1",
                "sk-upstream-" + name,
                models,
                priority,
                weight,
                Map.of(),
                null);
    }

    public Channel channel(
            String name,
            ChannelType type,
            String baseUrl,
            String key,
            List<String> models,
            int priority,
            int weight,
            Map<String, String> mapping,
            String config) {
        return repos.channels()
                .create(new ChannelSpec(
                        name, type, baseUrl, key, models, List.of("default"), priority, weight, mapping, config));
    }

    public void price(String model, String input, String output) {
        repos.prices().setPrice(model, Money.parseDollars(input), Money.parseDollars(output), null);
    }

    /** Makes the router see the configuration written so far (it would within SNAPSHOT_REFRESH_MS anyway). */
    public void sync() {
        router.stateSync().refreshNow();
    }

    /** Waits until no request is in flight (a client sees the end of a response just before it settles). */
    public void awaitIdle() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (router.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (router.inFlight() > 0) {
            throw new AssertionError(router.inFlight() + " requests still in flight");
        }
    }

    /** Writes pending request logs and returns all of them, newest first. */
    public List<RequestLog> logs() {
        awaitIdle();
        router.stateSync().flushNow();
        return repos.logs().query(ai.burncloud.database.LogQuery.all(1, 1000)).items();
    }

    public HttpResponse<String> post(String path, String key, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            b.header("authorization", "Bearer " + key);
        }
        return send(b.build());
    }

    public HttpResponse<String> get(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (key != null) {
            b.header("authorization", "Bearer " + key);
        }
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        try {
            router.close();
        } finally {
            db.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp files: the OS cleans up eventually
            }
        }
    }
}
