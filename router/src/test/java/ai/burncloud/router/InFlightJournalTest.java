package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Money;
import ai.burncloud.database.JournalEntry;
import ai.burncloud.database.JournalUpdate;
import ai.burncloud.database.RequestLog;
import ai.burncloud.database.UsageBatch;
import ai.burncloud.database.User;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import ai.burncloud.router.testing.SlowStreams;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The in-flight journal of a running router: written with each flush, emptied by settlements, swept. */
class InFlightJournalTest {
    @Test
    void streamsInFlightAreJournaledWithTheirProgressAndLeaveTheJournalWhenTheySettle() throws Exception {
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start()) {
            // 40 events, 50 ms apart: about two seconds of streaming
            up.always(Reply.stream(SlowStreams.openAi(40), "text/event-stream", SlowStreams.eventBytes(), 50));
            gw.openAiChannel("slow", up, List.of("gpt-4o"), 0, 0);
            gw.price("gpt-4o", "1", "2"); // a prompt token costs 1,000 nano-dollars, a completion token 2,000
            String key = gw.rootToken();
            gw.sync();

            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(gw.http()
                        .sendAsync(
                                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                                        .header("authorization", "Bearer " + key)
                                        .POST(HttpRequest.BodyPublishers.ofString(SlowStreams.request()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()));
            }

            List<JournalEntry> early = waitFor(() -> journal(gw), j -> j.size() == 3 && completion(j) > 0);
            List<JournalEntry> later =
                    waitFor(() -> journal(gw), j -> j.size() == 3 && completion(j) > completion(early));
            for (JournalEntry e : later) {
                assertThat(e.promptTokens()).isPositive();
                assertThat(e.stream()).isTrue();
                assertThat(e.model()).isEqualTo("gpt-4o");
                assertThat(e.cost()).isEqualTo(e.promptTokens() * 1_000 + e.completionTokens() * 2_000);
                // counted locally from what went by, never more than the whole answer
                assertThat(e.completionTokens()).isLessThan(200);
            }

            for (CompletableFuture<HttpResponse<String>> c : calls) {
                assertThat(c.get().statusCode()).isEqualTo(200);
            }
            List<RequestLog> logs = gw.logs();
            assertThat(logs)
                    .extracting(RequestLog::settlement)
                    .containsOnly("completed")
                    .hasSize(3);
            assertThat(logs).extracting(RequestLog::completionTokens).containsOnly(120L);
            gw.router().stateSync().flushNow();
            assertThat(journal(gw)).isEmpty();
        }
    }

    @Test
    void requestsAStoppedRouterLeftInTheJournalAreSettledAsInterruptedOnceAndCharged() throws Exception {
        try (GatewayFixture gw = GatewayFixture.start()) {
            User alice = gw.user("alice", "default", "10");
            GatewayFixture.IssuedToken token = gw.tokenWith(alice, "5", List.of(), List.of(), 0, -1);
            gw.sync();
            long old = System.currentTimeMillis() - 60_000;
            List<JournalEntry> left = List.of(
                    entry("dead-router", "req_a", old, alice.id(), token.token().id(), 3_000_000L),
                    entry("dead-router", "req_b", old, alice.id(), token.token().id(), 7_000_000L));
            gw.repos()
                    .usage()
                    .record(new UsageBatch(
                            List.of(), Map.of(), Map.of(), Map.of(), Map.of(), new JournalUpdate("dead-router", left)));

            List<RequestLog> rows = waitFor(
                    () -> gw.logs().stream()
                            .filter(r -> r.settlement().equals("interrupted"))
                            .toList(),
                    r -> r.size() == 2);
            assertThat(rows).extracting(RequestLog::requestId).containsExactlyInAnyOrder("req_a", "req_b");
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.estimated()).isTrue();
                assertThat(r.errorCode()).isEqualTo("interrupted");
                assertThat(r.promptTokens()).isEqualTo(40);
                assertThat(r.completionTokens()).isEqualTo(25);
            });
            long charged = 10_000_000L;
            assertThat(gw.repos()
                            .tokens()
                            .findById(token.token().id())
                            .orElseThrow()
                            .usedQuota())
                    .isEqualTo(charged);
            assertThat(gw.repos().users().findById(alice.id()).orElseThrow().balance())
                    .isEqualTo(10 * Money.NANOS_PER_DOLLAR - charged);
            // the running router's ledger knows: what the key may still spend went down by the charge
            assertThat(gw.router().ledger().tokenAvailable(token.token().id()))
                    .hasValue(5 * Money.NANOS_PER_DOLLAR - charged);
            assertThat(journal(gw)).isEmpty();
        }
    }

    private static JournalEntry entry(String instance, String id, long at, long user, long token, long cost) {
        return new JournalEntry(
                instance,
                id,
                at,
                at - 500,
                user,
                token,
                "/v1/chat/completions",
                "gpt-4o",
                true,
                40,
                25,
                cost,
                false,
                "127.0.0.1");
    }

    private static List<JournalEntry> journal(GatewayFixture gw) {
        return gw.repos().journal().abandoned("a-router-that-is-not-there", Long.MAX_VALUE);
    }

    private static long completion(List<JournalEntry> journal) {
        return journal.stream().mapToLong(JournalEntry::completionTokens).sum();
    }

    private static <T> T waitFor(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting; last seen: " + value);
            }
            Thread.sleep(20);
            value = read.get();
        }
        return value;
    }
}
