package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Money;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.RequestLog;
import ai.burncloud.database.Token;
import ai.burncloud.database.User;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Holds are atomic: concurrent requests can never together spend more than the quota. */
class QuotaConcurrencyTest {
    @Test
    void twoHundredConcurrentRequestsNeverOverdrawAToken() throws Exception {
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start()) {
            // each answer: 19 prompt + 10 completion tokens; at $1/M each way that is $0.000029
            up.always(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
            gw.openAiChannel("a", up, List.of("gpt-4o"), 0, 0);
            gw.price("gpt-4o", "1", "1");
            User u = gw.user("team", "default", null);
            // the hold per request: 88 bytes / 4 = 22 prompt + max_tokens 10 = 32 tokens = $0.000032;
            // a quota of ten holds and a bit: at most 10 in flight at once; the real cost (29,000) lets N = 12 succeed
            // in all, never more
            String body =
                    "{\"model\":\"gpt-4o\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hello there!\"}]}";
            assertThat(body.length()).isEqualTo(88);
            long quota = 10 * 32_000L + 31_999L;
            GatewayFixture.IssuedToken t =
                    gw.tokenWith(u, Money.toDollars(quota).toPlainString(), List.of(), List.of(), 0, -1);
            gw.sync();

            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(gw.http()
                        .sendAsync(
                                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                                        .timeout(Duration.ofSeconds(30))
                                        .header("authorization", "Bearer " + t.key())
                                        .header("content-type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()));
            }
            int ok = 0;
            int refused = 0;
            for (var c : calls) {
                int status = c.get().statusCode();
                if (status == 200) {
                    ok++;
                } else {
                    assertThat(status).isEqualTo(402);
                    refused++;
                }
            }
            assertThat(ok + refused).isEqualTo(200);
            assertThat(ok).isBetween(1, (int) (quota / 29_000L));

            List<RequestLog> logs = gw.logs();
            long logged = logs.stream()
                    .filter(l -> l.status() == 200)
                    .mapToLong(RequestLog::cost)
                    .sum();
            assertThat(logs.stream().filter(l -> l.status() == 200)).hasSize(ok);
            assertThat(logged).isEqualTo(ok * 29_000L);
            Token after = gw.repos().tokens().findById(t.token().id()).orElseThrow();
            assertThat(after.usedQuota()).isEqualTo(logged);
            assertThat(after.usedQuota()).isLessThanOrEqualTo(quota);
            // once the holds are gone the remaining quota admits more, until it is spent
            int more = 0;
            while (gw.post("/v1/chat/completions", t.key(), body).statusCode() == 200) {
                more++;
            }
            Token spent = gw.repos().tokens().findById(t.token().id()).orElseThrow();
            gw.logs();
            spent = gw.repos().tokens().findById(t.token().id()).orElseThrow();
            assertThat(spent.usedQuota()).isEqualTo((ok + more) * 29_000L).isLessThanOrEqualTo(quota);
            // what is left is less than one more hold
            assertThat(quota - spent.usedQuota()).isLessThan(32_000L);
        }
    }

    @Test
    void aUsersBalanceIsChargedAndStopsSpendingAcrossTokens() {
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start()) {
            up.always(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
            gw.openAiChannel("a", up, List.of("gpt-4o"), 0, 0);
            gw.price("gpt-4o", "1", "1");
            User u = gw.user("solo", "default", "0.0001");
            String k1 = gw.token(u, null, List.of(), 0);
            String k2 = gw.token(u, null, List.of(), 0);
            gw.sync();
            String body =
                    "{\"model\":\"gpt-4o\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hello there!\"}]}";
            int ok = 0;
            for (int i = 0; i < 10; i++) {
                if (gw.post("/v1/chat/completions", (i % 2 == 0) ? k1 : k2, body)
                                .statusCode()
                        == 200) {
                    ok++;
                }
            }
            gw.logs();
            User after = gw.repos().users().findById(u.id()).orElseThrow();
            assertThat(after.balance()).isEqualTo(100_000L - ok * 29_000L).isGreaterThanOrEqualTo(0);
            assertThat(after.usedQuota()).isEqualTo(ok * 29_000L);
            // holds of 32,000 settle at 29,000: 100,000 -> 71,000 -> 42,000 -> 13,000, and 13,000 < 32,000 stops it
            assertThat(ok).isEqualTo(3);
            assertThat(after.balance()).isEqualTo(13_000L);
        }
    }
}
