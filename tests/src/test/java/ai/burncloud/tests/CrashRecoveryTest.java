package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.common.Json;
import ai.burncloud.common.Money;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.Database;
import ai.burncloud.database.LogQuery;
import ai.burncloud.database.NewUser;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.RequestLog;
import ai.burncloud.database.Role;
import ai.burncloud.database.User;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.SlowStreams;
import ai.burncloud.service.ChannelAdmin;
import ai.burncloud.service.ChannelRequest;
import ai.burncloud.service.CreatedToken;
import ai.burncloud.service.PriceAdmin;
import ai.burncloud.service.TokenAdmin;
import ai.burncloud.service.TokenRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the real jar in the middle of streams and calls, then a restart on the same database:
 * every request that reached the upstream more than a flush interval before the kill is in the log
 * (streams as {@code interrupted}, billed by their journaled progress; finished calls as they ended),
 * and the token's used quota and the user's balance are exactly the sums of the rows.
 */
class CrashRecoveryTest {
    private static final int FLUSH_MS = 200;
    private static final int STREAMS = 8;
    private static final String ROOT_PASSWORD = "crash-root-password";
    private static final String CALL =
            "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}";

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void afterKillNineEveryRequestThatReachedTheUpstreamIsLoggedAndChargedExactlyOnce() throws Exception {
        String url = GatewayProcess.databaseUrl(dir);
        try (FakeUpstream up = FakeUpstream.start()) {
            // streams: 400 events 25 ms apart (ten seconds: they are all in the middle when the kill comes)
            byte[] slow = SlowStreams.openAi(400);
            String answer = Fixtures.text("openai/chat-completion.openapi-spec-example.json");
            up.otherwise(r -> r.bodyText().contains("\"stream\":true")
                    ? Reply.stream(slow, "text/event-stream", SlowStreams.eventBytes(), 25)
                    : Reply.json(200, answer));
            Setup setup = configure(url, up);
            Map<String, String> env = Map.of(
                    "LOG_FLUSH_INTERVAL_MS",
                    String.valueOf(FLUSH_MS),
                    "SNAPSHOT_REFRESH_MS",
                    "250",
                    "IO_THREADS",
                    "2",
                    "BURNCLOUD_ROOT_PASSWORD",
                    ROOT_PASSWORD);

            GatewayProcess first = GatewayProcess.startIn(dir, env);
            Set<String> finishedEarly = new HashSet<>();
            List<StreamingCall> streams = new ArrayList<>();
            Map<String, Long> callsEndedAt = new ConcurrentHashMap<>();
            long killedAt;
            try {
                for (int i = 0; i < 10; i++) {
                    finishedEarly.add(call(first, setup.key()));
                }
                for (int i = 0; i < STREAMS; i++) {
                    streams.add(StreamingCall.open(http, first.baseUrl(), setup.key(), SlowStreams.request()));
                }
                for (StreamingCall s : streams) {
                    s.awaitEvents(10);
                }
                // calls keep finishing right up to the kill
                AtomicBoolean firing = new AtomicBoolean(true);
                Thread caller = new Thread(() -> {
                    while (firing.get()) {
                        try {
                            String id = call(first, setup.key());
                            callsEndedAt.put(id, System.nanoTime());
                        } catch (RuntimeException | AssertionError e) {
                            return; // the router is gone
                        }
                    }
                });
                caller.start();
                // every stream is now several flush intervals old
                Thread.sleep(4L * FLUSH_MS);
                killedAt = System.nanoTime();
                first.kill();
                firing.set(false);
                caller.join(10_000);
            } finally {
                first.close();
            }
            for (StreamingCall s : streams) {
                assertThat(s.awaitEnd()).as("the stream was cut by the kill").isFalse();
                assertThat(s.firstByteAt).isLessThan(killedAt - TimeUnit.MILLISECONDS.toNanos(FLUSH_MS));
            }

            try (GatewayProcess second = GatewayProcess.startIn(dir, env)) {
                // visible through the API at once: a SQLite database has one router, so the restart settles it all
                String root = login(second);
                JsonNode page = get(second, "/api/logs?settlement=interrupted&size=100", root);
                Set<String> interrupted = new HashSet<>();
                Set<String> streamIds = new HashSet<>();
                streams.forEach(s -> streamIds.add(s.requestId));
                page.path("items").forEach(row -> {
                    String id = row.path("request_id").asText();
                    interrupted.add(id);
                    assertThat(row.path("status").asInt()).isEqualTo(500);
                    assertThat(row.path("estimated").asBoolean()).isTrue();
                    long prompt = row.path("prompt_tokens").asLong();
                    long completion = row.path("completion_tokens").asLong();
                    assertThat(prompt).isPositive();
                    if (streamIds.contains(id)) {
                        assertThat(completion)
                                .as("tokens counted before the last journal point")
                                .isPositive();
                    } else {
                        // a call in flight at the last flush that ended after it: its row was still in memory
                        assertThat(row.path("stream").asBoolean()).isFalse();
                        assertThat(finishedEarly).doesNotContain(id);
                    }
                    // $1 per 1M prompt tokens, $2 per 1M completion tokens
                    assertThat(row.path("cost").decimalValue())
                            .isEqualByComparingTo(BigDecimal.valueOf(prompt * 1_000 + completion * 2_000, 9));
                });
                assertThat(interrupted).containsAll(streamIds);

                // the restarted router serves, and the database it reads is the one checked below
                assertThat(call(second, setup.key())).isNotBlank();
            }

            try (Database db = Database.open(DatabaseUrl.parse(url))) {
                Repositories repos = Repositories.over(db);
                List<RequestLog> rows =
                        repos.logs().query(LogQuery.all(1, 1000)).items();
                // one row per request: toMap refuses a request settled twice
                Map<String, String> settlement =
                        rows.stream().collect(Collectors.toMap(RequestLog::requestId, RequestLog::settlement));
                for (String id : finishedEarly) {
                    assertThat(settlement).containsEntry(id, "completed");
                }
                // a call that finished more than one flush (plus the flush's own time) before the kill is logged
                long bound = TimeUnit.MILLISECONDS.toNanos(2L * FLUSH_MS);
                long lostWindowNanos = 0;
                for (Map.Entry<String, Long> c : callsEndedAt.entrySet()) {
                    long beforeKill = killedAt - c.getValue();
                    if (!settlement.containsKey(c.getKey())) {
                        lostWindowNanos = Math.max(lostWindowNanos, beforeKill);
                        assertThat(beforeKill)
                                .as(
                                        "call %s ended %d ms before the kill and is not logged",
                                        c.getKey(), beforeKill / 1_000_000)
                                .isLessThan(bound);
                    } else if (beforeKill >= bound) {
                        assertThat(settlement.get(c.getKey())).isEqualTo("completed");
                    }
                }
                System.out.printf(
                        "crash bound: %d calls finished in the last run, lost ones ended at most %d ms before the kill"
                                + " (flush interval %d ms)%n",
                        callsEndedAt.size(), lostWindowNanos / 1_000_000, FLUSH_MS);

                long charged = rows.stream()
                        .filter(r -> r.tokenId() != null && r.tokenId() == setup.tokenId())
                        .mapToLong(RequestLog::cost)
                        .sum();
                assertThat(charged).isPositive();
                assertThat(repos.tokens()
                                .findById(setup.tokenId())
                                .orElseThrow()
                                .usedQuota())
                        .isEqualTo(charged);
                assertThat(repos.users().findById(setup.userId()).orElseThrow().balance())
                        .isEqualTo(setup.balance() - charged);
                assertThat(repos.journal().abandoned("nobody", Long.MAX_VALUE)).isEmpty();
            }
        }
    }

    private record Setup(String key, long tokenId, long userId, long balance) {}

    /** What an operator sets up before starting the router: a channel, prices, a user with a balance, a key. */
    private static Setup configure(String url, FakeUpstream up) {
        try (Database db = Database.open(DatabaseUrl.parse(url))) {
            Repositories repos = Repositories.over(db);
            new ChannelAdmin(repos)
                    .add(new ChannelRequest(
                            "fake",
                            "openai",
                            up.baseUrl() + "/v1",
                            "sk-upstream-crash",
                            List.of("gpt-4o"),
                            null,
                            null,
                            null,
                            null,
                            null));
            new PriceAdmin(repos).set("gpt-4o", "1", "2", null);
            long balance = 10 * Money.NANOS_PER_DOLLAR;
            User alice = repos.users().create(new NewUser("alice", null, Role.USER, "default", balance, null, null));
            CreatedToken t =
                    new TokenAdmin(repos).create(new TokenRequest("crash", "alice", "5", null, null, null, null));
            return new Setup(t.key(), t.token().id(), alice.id(), balance);
        }
    }

    /** One non-stream call; its request id. */
    private String call(GatewayProcess gw, String key) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(10))
                .header("authorization", "Bearer " + key)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CALL))
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.headers().firstValue("x-request-id").orElseThrow();
    }

    private String login(GatewayProcess gw) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/api/auth/login"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"root\",\"password\":\"" + ROOT_PASSWORD + "\"}"))
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body()).path("access_token").asText();
    }

    private JsonNode get(GatewayProcess gw, String path, String bearer) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + path))
                .header("authorization", "Bearer " + bearer)
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
