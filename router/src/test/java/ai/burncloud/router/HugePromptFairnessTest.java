package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 30 MB prompt of one repeated character (the tokenizer's worst case: it froze an event loop for
 * seconds, before admission and again at settlement) must not hold up anyone else. One event loop,
 * so both clients share it; no timing is asserted, only order: the other client is served while the
 * huge request's prompt is still being counted.
 */
class HugePromptFairnessTest {
    private static final String NO_USAGE = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
            + "\"finish_reason\":\"stop\"}]}";
    private static final String WITH_USAGE = "{\"id\":\"d\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}";

    private FakeUpstream upstream;
    private GatewayFixture gw;
    private String key;

    @BeforeEach
    void setUp() {
        upstream = FakeUpstream.start();
        gw = GatewayFixture.start(Map.of("IO_THREADS", "1", "LOCAL_COUNT_BUDGET_MS", "4000"));
        gw.openAiChannel("a", upstream, List.of("gpt-4o"), 0, 0);
        gw.price("gpt-4o", "1", "1");
        key = gw.rootToken();
        gw.sync();
        // the huge request's upstream reports no usage, so its prompt must be counted locally
        upstream.otherwise(r -> r.body().length > 1_000_000 ? Reply.json(200, NO_USAGE) : Reply.json(200, WITH_USAGE));
    }

    @AfterEach
    void tearDown() {
        gw.close();
        upstream.close();
    }

    @Test
    void anotherClientIsServedWhileAHugePromptIsCounted() throws Exception {
        String huge = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(30_000_000)
                + "\"}]}";
        CompletableFuture<HttpResponse<String>> big = gw.http()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                                .timeout(Duration.ofSeconds(120))
                                .header("authorization", "Bearer " + key)
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(huge))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        huge = null;
        // answered: admission did not tokenize it (that alone took minutes on the event loop)
        assertThat(big.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        // its prompt is being counted now; another client on the same event loop is served meanwhile
        int served = 0;
        while (gw.router().inFlight() > 0 && served < 3) {
            assertThat(gw.post("/v1/chat/completions", key, "{\"model\":\"gpt-4o\",\"messages\":[]}")
                            .statusCode())
                    .isEqualTo(200);
            served++;
        }
        assertThat(served)
                .as("requests served while the huge prompt was being counted")
                .isPositive();
        // the count ends within its budget and the huge request is billed for an estimated prompt
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (gw.router().inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        RequestLog hugeRow = gw.logs().stream()
                .filter(r -> r.promptTokens() > 1_000_000)
                .findFirst()
                .orElseThrow();
        assertThat(hugeRow.estimated()).isTrue();
        assertThat(hugeRow.cost()).isPositive();
    }
}
