package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.cli.BurnCloudApp;
import ai.burncloud.common.ConfigLoader;
import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.router.testing.FakeUpstream;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole gateway in-process on port 0 (database, data plane, control plane behind the one public
 * port) driven only through HTTP as an operator and a user would: the issue-5 flow.
 */
abstract class FullApiFlowContract {
    static final String ROOT_PASSWORD = "flow-root-password";
    static final String METRICS_TOKEN = "flow-metrics-token";

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakeUpstream upstream;
    private BurnCloudApp app;
    private String base;

    /** The DATABASE_URL of a fresh database for this run. */
    abstract String databaseUrl() throws Exception;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
        if (upstream != null) {
            upstream.close();
            upstream = null;
        }
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path keyDir;

    @Test
    void operatorSetsUpAUserWhoseCallIsLoggedCountedBilledAndMetered() throws Exception {
        upstream = FakeUpstream.start();
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", databaseUrl());
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("BURNCLOUD_ROOT_PASSWORD", ROOT_PASSWORD);
        env.put("METRICS_TOKEN", METRICS_TOKEN);
        env.put("SNAPSHOT_REFRESH_MS", "100");
        env.put("LOG_FLUSH_INTERVAL_MS", "100");
        env.put("IO_THREADS", "2");
        // the PostgreSQL default would be ./burncloud.key in the module directory
        env.put("SECRET_KEY_FILE", keyDir.resolve("burncloud.key").toString());
        app = BurnCloudApp.start(ConfigLoader.fromMap(env));
        base = "http://127.0.0.1:" + app.port();

        assertThat(call("GET", "/api/status", null, null)
                        .json()
                        .path("database")
                        .asText())
                .isEqualTo(expectedKind());

        // root logs in through the public port: cookie and access token
        Reply login =
                call("POST", "/api/auth/login", "{\"username\":\"root\",\"password\":\"" + ROOT_PASSWORD + "\"}", null);
        assertThat(login.status).isEqualTo(200);
        assertThat(login.response.headers().firstValue("set-cookie").orElseThrow())
                .contains("burncloud_session=")
                .containsIgnoringCase("HttpOnly");
        String root = login.json().path("access_token").asText();

        // a user, a group ratio, a channel on the fake upstream, prices, a token for the user
        long alice = call(
                        "POST",
                        "/api/users",
                        "{\"username\":\"alice\",\"password\":\"alice-password\",\"group\":\"vip\",\"balance\":10}",
                        root)
                .expect(201)
                .json()
                .path("id")
                .asLong();
        call("POST", "/api/ratios/groups", "{\"group\":\"vip\",\"ratio\":0.5}", root)
                .expect(200);
        long channel = call(
                        "POST",
                        "/api/channels",
                        "{\"name\":\"fake\",\"type\":\"openai\",\"base_url\":\"" + upstream.baseUrl()
                                + "/v1\",\"key\":\"sk-upstream-flow-key-123456\",\"models\":[\"gpt-4o\"],"
                                + "\"groups\":[\"vip\"]}",
                        root)
                .expect(201)
                .json()
                .path("id")
                .asLong();
        call("POST", "/api/prices", "{\"model\":\"gpt-4o\",\"input\":2.5,\"output\":10}", root)
                .expect(200);
        String key = call("POST", "/api/tokens", "{\"name\":\"alice-app\",\"user_id\":" + alice + "}", root)
                .expect(201)
                .json()
                .path("key")
                .asText();
        long configured = System.nanoTime();

        // the running router sees all of it within a second
        waitFor(() -> call("GET", "/v1/models", null, key).body.contains("\"gpt-4o\""), "the router to list gpt-4o");
        assertThat(Duration.ofNanos(System.nanoTime() - configured)).isLessThan(Duration.ofSeconds(1));

        upstream.enqueue(
                FakeUpstream.Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
        Reply chat = call(
                "POST",
                "/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}",
                key);
        assertThat(chat.status).as(chat.body).isEqualTo(200);
        // 19 prompt x $2.5/M + 10 completion x $10/M = $0.0001475, x 0.5 for group vip
        String cost = "0.00007375";

        String aliceToken = call(
                        "POST", "/api/auth/login", "{\"username\":\"alice\",\"password\":\"alice-password\"}", null)
                .expect(200)
                .json()
                .path("access_token")
                .asText();
        waitFor(
                () -> call("GET", "/api/logs", null, aliceToken)
                                .json()
                                .path("total")
                                .asLong()
                        == 1,
                "the log row");
        JsonNode row =
                call("GET", "/api/logs", null, aliceToken).json().path("items").get(0);
        assertThat(row.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(row.path("status").asInt()).isEqualTo(200);
        assertThat(row.path("prompt_tokens").asLong()).isEqualTo(19);
        assertThat(row.path("completion_tokens").asLong()).isEqualTo(10);
        assertThat(row.path("cost").decimalValue()).isEqualByComparingTo(cost);
        assertThat(row.path("user_id").asLong()).isEqualTo(alice);
        assertThat(call("GET", "/api/logs?channel=" + channel, null, root)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);

        for (String who : List.of(root, aliceToken)) {
            JsonNode summary =
                    call("GET", "/api/stats/summary", null, who).expect(200).json();
            assertThat(summary.path("requests").asLong()).isEqualTo(1);
            assertThat(summary.path("errors").asLong()).isZero();
            assertThat(summary.path("tokens").asLong()).isEqualTo(29);
            assertThat(summary.path("cost").decimalValue()).isEqualByComparingTo(cost);
            assertThat(summary.path("latency_p50_ms").isNull()).isFalse();
        }

        waitFor(
                () -> call("GET", "/api/me", null, aliceToken)
                                .json()
                                .path("balance")
                                .decimalValue()
                                .compareTo(new java.math.BigDecimal("9.99992625"))
                        == 0,
                "the balance to be charged exactly once");

        Reply metrics = call("GET", "/metrics", null, METRICS_TOKEN).expect(200);
        assertThat(metrics.body)
                .contains("burncloud_requests_total{channel=\"" + channel + "\",model=\"gpt-4o\",status=\"200\"} 1.0")
                .contains("burncloud_tokens_total{model=\"gpt-4o\",type=\"prompt\"} 19.0")
                .contains("burncloud_tokens_total{model=\"gpt-4o\",type=\"completion\"} 10.0")
                .contains("burncloud_cost_dollars_total{model=\"gpt-4o\"} 7.375E-5")
                .contains("burncloud_request_latency_seconds_count{model=\"gpt-4o\"} 1")
                .doesNotContain("sk-upstream-flow-key-123456");
        assertThat(call("GET", "/metrics", null, null).status).isEqualTo(401);

        // planes do not mix credentials
        assertThat(call("POST", "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}", root).status)
                .isEqualTo(401);
        assertThat(call("GET", "/api/me", null, key).status).isEqualTo(401);

        // a redemption code credits exactly once under concurrency
        String code = call("POST", "/api/redemptions", "{\"name\":\"flow\",\"amount\":2.5,\"count\":1}", root)
                .expect(201)
                .json()
                .path("items")
                .get(0)
                .path("code")
                .asText();
        List<Integer> redeems =
                concurrently(8, i -> call("POST", "/api/redeem", "{\"code\":\"" + code + "\"}", aliceToken).status);
        assertThat(redeems).filteredOn(s -> s == 200).hasSize(1);
        assertThat(redeems).filteredOn(s -> s != 200).containsOnly(404);
        assertThat(call("GET", "/api/me", null, aliceToken)
                        .json()
                        .path("balance")
                        .decimalValue())
                .isEqualByComparingTo("12.49992625");

        // an invitation credits the invitee and the inviter exactly once
        String invite = call("GET", "/api/me", null, aliceToken)
                .json()
                .path("invite_code")
                .asText();
        call(
                        "PATCH",
                        "/api/options",
                        "{\"registration_enabled\":true,\"invite_bonus_invitee\":1,\"invite_bonus_inviter\":0.5}",
                        root)
                .expect(200);
        List<Integer> signUps = concurrently(
                6,
                i -> call(
                                "POST",
                                "/api/auth/register",
                                "{\"username\":\"carol\",\"password\":\"carol-password\",\"invite_code\":\"" + invite
                                        + "\"}",
                                null)
                        .status);
        assertThat(signUps).filteredOn(s -> s == 201).hasSize(1);
        assertThat(signUps).filteredOn(s -> s != 201).containsOnly(409);
        assertThat(call("GET", "/api/me", null, aliceToken)
                        .json()
                        .path("balance")
                        .decimalValue())
                .isEqualByComparingTo("12.99992625");
        String carol = call("POST", "/api/auth/login", "{\"username\":\"carol\",\"password\":\"carol-password\"}", null)
                .expect(200)
                .json()
                .path("access_token")
                .asText();
        JsonNode carolMe = call("GET", "/api/me", null, carol).json();
        assertThat(carolMe.path("balance").decimalValue()).isEqualByComparingTo("1");
        assertThat(carolMe.path("inviter_id").asLong()).isEqualTo(alice);
        // carol sees none of alice's logs
        assertThat(call("GET", "/api/logs", null, carol).json().path("total").asLong())
                .isZero();
    }

    abstract String expectedKind();

    private List<Integer> concurrently(int n, java.util.function.IntFunction<Integer> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(() -> task.apply(index));
            }
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private record Reply(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            return Json.parse(body);
        }

        Reply expect(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return this;
        }
    }

    private Reply call(String method, String path, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("content-type", "application/json");
        }
        if (bearer != null) {
            b.header("authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
