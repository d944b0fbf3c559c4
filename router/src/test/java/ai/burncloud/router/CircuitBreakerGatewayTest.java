package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import ai.burncloud.router.translate.Translators;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Circuit breakers as a client meets them, on a hand-driven clock (no sleeping through cooldowns):
 * one model's 429s leave the channel's other models served, refusals are logged as {@code rejected},
 * and every way a half-open probe can end gives the channel back.
 */
class CircuitBreakerGatewayTest {
    private static final String OK = Fixtures.text("openai/chat-completion.openapi-spec-example.json");
    private static final long COOLDOWN_NANOS = 30_000_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    private final FakeUpstream up = FakeUpstream.start();
    private GatewayFixture gw;
    private String key;

    @BeforeEach
    void setUp() {
        gw = GatewayFixture.start(
                Map.of(
                        "RETRY_TIMES",
                        "0",
                        "CIRCUIT_FAILURES",
                        "3",
                        "CIRCUIT_COOLDOWN_S",
                        "30",
                        "CLIENT_GONE_DRAIN_SECONDS",
                        "0"),
                new RouterServer.Seams(clock::get, Translators.standard()));
        gw.openAiChannel("a", up, List.of("gpt-4o", "gpt-4o-mini"), 0, 0);
        gw.price("gpt-4o", "1", "1");
        gw.price("gpt-4o-mini", "1", "1");
        key = gw.rootToken();
        gw.sync();
    }

    @AfterEach
    void tearDown() {
        gw.close();
        up.close();
    }

    private HttpResponse<String> chat(String model) {
        return gw.post(
                "/v1/chat/completions",
                key,
                "{\"model\":\"" + model + "\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    /** Opens gpt-4o's breaker on the channel with three 503s. */
    private void openGpt4o() {
        up.enqueue(Reply.json(503, "{}"), Reply.json(503, "{}"), Reply.json(503, "{}"));
        for (int i = 0; i < 3; i++) {
            assertThat(chat("gpt-4o").statusCode()).isEqualTo(503);
        }
        assertThat(up.received()).hasSize(3);
        HttpResponse<String> refused = chat("gpt-4o");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("x-burncloud-rejected-by")).contains("gateway");
        assertThat(up.received()).as("an open breaker sends nothing upstream").hasSize(3);
    }

    @Test
    void fourHundredTwentyNinesOnOneModelLeaveTheOtherModelsServed() {
        up.otherwise(r -> r.bodyText().contains("\"gpt-4o\"")
                ? Reply.json(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\"}}")
                : Reply.json(200, OK));
        for (int i = 0; i < 3; i++) {
            assertThat(chat("gpt-4o").statusCode()).isEqualTo(429);
        }
        assertThat(chat("gpt-4o").statusCode()).as("gpt-4o backs off").isEqualTo(503);
        for (int i = 0; i < 5; i++) {
            assertThat(chat("gpt-4o-mini").statusCode())
                    .as("gpt-4o-mini on the same channel")
                    .isEqualTo(200);
        }
        RequestLog refusal =
                gw.logs().stream().filter(l -> l.status() == 503).findFirst().orElseThrow();
        assertThat(refusal.settlement()).isEqualTo("rejected");
        assertThat(refusal.errorCode()).isEqualTo("service_unavailable");
    }

    @Test
    void aProbeAnsweredWithAClientErrorClosesTheBreaker() {
        openGpt4o();
        clock.addAndGet(COOLDOWN_NANOS);
        up.enqueue(Reply.json(400, "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}"));
        assertThat(chat("gpt-4o").statusCode()).isEqualTo(400);
        up.always(Reply.json(200, OK));
        for (int i = 0; i < 3; i++) {
            assertThat(chat("gpt-4o").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aProbeThatSucceedsClosesTheBreaker() {
        openGpt4o();
        clock.addAndGet(COOLDOWN_NANOS);
        up.always(Reply.json(200, OK));
        assertThat(chat("gpt-4o").statusCode()).isEqualTo(200);
        assertThat(chat("gpt-4o").statusCode()).isEqualTo(200);
        assertThat(up.received()).hasSize(5);
    }

    @Test
    void aProbeThatFailsOpensItForAnotherCooldown() {
        openGpt4o();
        clock.addAndGet(COOLDOWN_NANOS);
        up.enqueue(Reply.json(500, "{}"));
        assertThat(chat("gpt-4o").statusCode()).isEqualTo(500);
        up.always(Reply.json(200, OK));
        assertThat(chat("gpt-4o").statusCode()).isEqualTo(503);
        clock.addAndGet(COOLDOWN_NANOS);
        assertThat(chat("gpt-4o").statusCode()).isEqualTo(200);
    }

    @Test
    void aProbeWhoseClientLeftBeforeTheAnswerGivesItsSlotBack() throws Exception {
        openGpt4o();
        clock.addAndGet(COOLDOWN_NANOS);
        up.enqueue(Reply.stall());
        String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", gw.router().port())) {
            s.getOutputStream()
                    .write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                                    + "\r\n\r\n" + body)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (up.received().size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(up.received()).as("the probe reached the upstream").hasSize(4);
        }
        gw.awaitIdle();
        up.always(Reply.json(200, OK));
        assertThat(chat("gpt-4o").statusCode()).as("the next request may probe").isEqualTo(200);
    }

    @Test
    void aProbeTheGatewayAnswersItselfGivesItsSlotBack() {
        openGpt4o();
        clock.addAndGet(COOLDOWN_NANOS);
        // counting tokens for an OpenAI channel is answered locally: the probe never reaches the upstream
        HttpResponse<String> counted = gw.post(
                "/v1/messages/count_tokens",
                key,
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(counted.statusCode()).isEqualTo(200);
        assertThat(up.received()).hasSize(3);
        up.always(Reply.json(200, OK));
        assertThat(chat("gpt-4o").statusCode()).as("the next request may probe").isEqualTo(200);
    }
}
