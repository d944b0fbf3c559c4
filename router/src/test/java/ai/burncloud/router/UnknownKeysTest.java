package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ApiKeys;
import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Keys the router's snapshot does not know yet, with the snapshot poll effectively off (a minute):
 * a key written to the database by someone else works on its first request, and made-up keys cost
 * the database only a bounded number of lookups.
 */
class UnknownKeysTest {
    private static final String CHAT =
            "{\"model\":\"gpt-4o\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void aKeyWrittenByAnotherProcessWorksOnItsFirstRequest() throws Exception {
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(Map.of("SNAPSHOT_REFRESH_MS", "60000"))) {
            up.always(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
            gw.openAiChannel("up", up, List.of("gpt-4o"), 0, 0);
            gw.price("gpt-4o", "1", "1");
            gw.sync();
            for (int i = 0; i < 20; i++) {
                // written straight to the database, as `burncloud token create` in another process does
                String key = gw.rootToken();
                HttpResponse<String> r = gw.post("/v1/chat/completions", key, CHAT);
                assertThat(r.statusCode()).as("key %d: %s", i, r.body()).isEqualTo(200);
            }
            // a disabled key found this way is still refused: the snapshot judges it
            var disabled = gw.tokenWith(gw.root(), null, List.of(), List.of(), 0, -1);
            gw.repos()
                    .tokens()
                    .update(
                            disabled.token().id(),
                            ai.burncloud.database.TokenUpdate.status(ai.burncloud.database.Status.DISABLED));
            HttpResponse<String> r = gw.post("/v1/chat/completions", disabled.key(), CHAT);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("disabled");
        }
    }

    @Test
    void aFloodOfRandomWellFormedKeysCausesABoundedNumberOfDatabaseLookups() throws Exception {
        try (GatewayFixture gw = GatewayFixture.start(Map.of("SNAPSHOT_REFRESH_MS", "60000"))) {
            ExecutorService clients = Executors.newFixedThreadPool(16);
            long started = System.nanoTime();
            try {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 600; i++) {
                    answers.add(clients.submit(() -> gw.post("/v1/chat/completions", ApiKeys.generate(), CHAT)));
                }
                for (Future<HttpResponse<String>> f : answers) {
                    HttpResponse<String> r = f.get();
                    assertThat(r.statusCode()).isEqualTo(401);
                    assertThat(Json.parse(r.body()).path("error").path("code").asText())
                            .isEqualTo("invalid_token");
                }
            } finally {
                clients.shutdownNow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            KeyLookup.Limits limits = KeyLookup.Limits.STANDARD;
            // the budget: a burst, then a steady trickle however many keys arrive
            long bound = limits.burst() + (long) Math.ceil(seconds * limits.perSecond());
            assertThat(gw.router().keyLookups()).isPositive().isLessThanOrEqualTo(bound);
        }
    }
}
