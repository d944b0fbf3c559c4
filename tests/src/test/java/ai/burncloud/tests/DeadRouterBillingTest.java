package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Money;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.Database;
import ai.burncloud.database.JournalEntry;
import ai.burncloud.database.LogQuery;
import ai.burncloud.database.NewUser;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.RequestLog;
import ai.burncloud.database.Role;
import ai.burncloud.database.User;
import ai.burncloud.database.testing.TestDatabases;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.service.CreatedToken;
import ai.burncloud.service.TokenAdmin;
import ai.burncloud.service.TokenRequest;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Three real routers on one PostgreSQL database with streams in flight on each; one is killed with
 * {@code kill -9}. Every stream it was serving is logged and billed {@code interrupted} by a
 * survivor within a bounded time — once, though both survivors sweep for it — and the others'
 * streams finish and are billed as usual: the token's used quota and the user's balance are exactly
 * the sums of the rows.
 */
class DeadRouterBillingTest {
    private static final int FLUSH_MS = 200;
    private static final int STREAMS_PER_ROUTER = 6;
    /** A journal unrefreshed this long belongs to a dead router: max(5 s, 10 flushes). */
    private static final long STALE_MS = 5_000;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aKilledRoutersStreamsAreBilledInterruptedOnceBySurvivors() throws Exception {
        // a recorded stream replayed one event every 600 ms (about 20 s): all are mid-way at the kill
        byte[] recorded = Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse");
        String request = "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"What is the weather like in San Francisco?\"}]}";
        try (TestDatabases.PostgresSchema schema = TestDatabases.freshPostgresSchema();
                Database db = Database.open(schema.url());
                FakeUpstream up = FakeUpstream.start()) {
            up.always(Reply.stream(recorded, "text/event-stream", recorded.length / 34 + 1, 600));
            Repositories repos = RouterCluster.repositories(db);
            FakeOpenAiChannel.add(repos, up);
            long balance = 10 * Money.NANOS_PER_DOLLAR;
            User alice = repos.users().create(new NewUser("alice", null, Role.USER, "default", balance, null, null));
            CreatedToken key =
                    new TokenAdmin(repos).create(new TokenRequest("k", "alice", "5", null, null, null, null));

            try (RouterCluster cluster = RouterCluster.start(
                    schema, 3, Map.of("LOG_FLUSH_INTERVAL_MS", String.valueOf(FLUSH_MS), "IO_THREADS", "1"))) {
                Map<Integer, List<StreamingCall>> byRouter = new HashMap<>();
                // the victim's streams last: they are the youngest when it dies
                for (int r = 2; r >= 0; r--) {
                    List<StreamingCall> calls = new ArrayList<>();
                    for (int i = 0; i < STREAMS_PER_ROUTER; i++) {
                        calls.add(StreamingCall.open(http, cluster.get(r).baseUrl(), key.key(), request));
                    }
                    byRouter.put(r, calls);
                }
                List<StreamingCall> victims = byRouter.get(0);
                Set<String> victimIds = victims.stream().map(s -> s.requestId).collect(Collectors.toSet());
                for (StreamingCall s : victims) {
                    s.awaitEvents(3);
                }
                // the dead router's requests are the ones in its journal: wait until they all are
                awaitJournaled(repos, victimIds);

                cluster.get(0).kill();
                long killedAt = System.nanoTime();
                for (StreamingCall s : victims) {
                    assertThat(s.awaitEnd()).as("a stream cut by the kill").isFalse();
                }

                Map<String, RequestLog> settled = awaitLogged(repos, victimIds, killedAt);
                long tookMs = (System.nanoTime() - killedAt) / 1_000_000;
                System.out.printf(
                        "dead router: %d streams billed interrupted %d ms after kill -9 (journal stale after %d ms)%n",
                        victimIds.size(), tookMs, STALE_MS);
                // stale after 5 s, swept every 2.5 s, on a shared and busy machine
                assertThat(tookMs).as("time to bill the dead router's streams").isLessThan(STALE_MS + 10_000);
                for (String id : victimIds) {
                    RequestLog row = settled.get(id);
                    assertThat(row.settlement()).isEqualTo("interrupted");
                    assertThat(row.status()).isEqualTo(500);
                    assertThat(row.estimated()).isTrue();
                    assertThat(row.promptTokens()).isPositive();
                    assertThat(row.completionTokens())
                            .as("tokens streamed before the last journal point")
                            .isPositive();
                    // $1 per 1M prompt tokens, $2 per 1M completion tokens
                    assertThat(row.cost()).isEqualTo(row.promptTokens() * 1_000 + row.completionTokens() * 2_000);
                }

                // the survivors' streams were never touched
                for (int r = 1; r < 3; r++) {
                    for (StreamingCall s : byRouter.get(r)) {
                        assertThat(s.awaitEnd())
                                .as("a stream on a surviving router")
                                .isTrue();
                    }
                }
                Thread.sleep(4L * FLUSH_MS);
                List<RequestLog> rows = awaitRows(repos, 3 * STREAMS_PER_ROUTER);
                // one row per request: toMap refuses a request settled twice
                Map<String, String> settlement =
                        rows.stream().collect(Collectors.toMap(RequestLog::requestId, RequestLog::settlement));
                assertThat(settlement).hasSize(3 * STREAMS_PER_ROUTER);
                settlement.forEach(
                        (id, how) -> assertThat(how).isEqualTo(victimIds.contains(id) ? "interrupted" : "completed"));
                long charged = rows.stream().mapToLong(RequestLog::cost).sum();
                assertThat(repos.tokens()
                                .findById(key.token().id())
                                .orElseThrow()
                                .usedQuota())
                        .isEqualTo(charged);
                assertThat(repos.users().findById(alice.id()).orElseThrow().balance())
                        .isEqualTo(balance - charged);
                assertThat(repos.journal().abandoned("nobody", Long.MAX_VALUE)).isEmpty();
            }
        }
    }

    private static void awaitJournaled(Repositories repos, Set<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Set<String> journaled = repos.journal().abandoned("nobody", Long.MAX_VALUE).stream()
                    .map(JournalEntry::requestId)
                    .collect(Collectors.toSet());
            if (journaled.containsAll(ids)) {
                return;
            }
            assertThat(System.nanoTime()).as("streams journaled").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static Map<String, RequestLog> awaitLogged(Repositories repos, Set<String> ids, long since)
            throws InterruptedException {
        long deadline = since + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Map<String, RequestLog> found = new HashMap<>();
            for (RequestLog row : repos.logs().query(LogQuery.all(1, 1000)).items()) {
                if (ids.contains(row.requestId())) {
                    found.put(row.requestId(), row);
                }
            }
            if (found.keySet().containsAll(ids)) {
                return found;
            }
            assertThat(System.nanoTime()).as("the dead router's streams logged").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static List<RequestLog> awaitRows(Repositories repos, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            List<RequestLog> rows = repos.logs().query(LogQuery.all(1, 1000)).items();
            if (rows.size() >= count) {
                return rows;
            }
            assertThat(System.nanoTime()).as("every stream logged").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
