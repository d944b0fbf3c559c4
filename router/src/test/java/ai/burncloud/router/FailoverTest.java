package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelStatus;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failover walks down priority tiers, never re-picks a failed channel, and stops at RETRY_TIMES. */
class FailoverTest {
    private static final String OK = Fixtures.text("openai/chat-completion.openapi-spec-example.json");
    private static final String CHAT =
            "{\"model\":\"gpt-4o\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private final FakeUpstream a = FakeUpstream.start();
    private final FakeUpstream b = FakeUpstream.start();
    private final FakeUpstream c = FakeUpstream.start();
    /** The breakers' clock, moved by hand: a cooldown passes without sleeping. */
    private final java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(1L << 40);

    private GatewayFixture gw;
    private String key;
    private Channel ca;
    private Channel cb;
    private Channel cc;

    @BeforeEach
    void setUp() {
        gw = GatewayFixture.start(
                Map.of("RETRY_TIMES", "2", "CIRCUIT_FAILURES", "3", "CIRCUIT_COOLDOWN_S", "1"),
                new RouterServer.Seams(clock::get, ai.burncloud.router.translate.Translators.standard()));
        ca = gw.openAiChannel("a", a, List.of("gpt-4o"), 10, 0);
        cb = gw.openAiChannel("b", b, List.of("gpt-4o"), 5, 0);
        cc = gw.openAiChannel("c", c, List.of("gpt-4o"), 0, 0);
        gw.price("gpt-4o", "1", "1");
        key = gw.rootToken();
        gw.sync();
    }

    @AfterEach
    void tearDown() {
        gw.close();
        a.close();
        b.close();
        c.close();
    }

    @Test
    void aFailingChannelIsLeftForTheNextTierWithTheSameBody() {
        a.enqueue(Reply.json(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));
        b.enqueue(Reply.reset());
        c.enqueue(Reply.json(200, OK));

        HttpResponse<String> res = gw.post("/v1/chat/completions", key, CHAT);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(a.received()).hasSize(1);
        assertThat(b.received()).hasSize(1);
        assertThat(c.received()).hasSize(1);
        assertThat(List.of(
                        a.received().get(0).bodyText(),
                        b.received().get(0).bodyText(),
                        c.received().get(0).bodyText()))
                .containsOnly(CHAT);
        RequestLog log = gw.logs().get(0);
        assertThat(log.channelId()).isEqualTo(cc.id());
        assertThat(log.retryTrail()).isEqualTo(ca.id() + ":503," + cb.id() + ":error," + cc.id() + ":200");
        assertThat(log.settlement()).isEqualTo("completed");
    }

    @Test
    void noChannelIsTriedTwiceAndTheLastUpstreamErrorReachesTheClientInOpenAiShape() {
        a.always(Reply.json(500, "{\"error\":{\"message\":\"a down\",\"type\":\"server_error\"}}"));
        b.always(Reply.json(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\"}}"));
        c.always(Reply.json(502, "<html>bad gateway</html>"));

        HttpResponse<String> res = gw.post("/v1/chat/completions", key, CHAT);

        assertThat(a.received()).hasSize(1);
        assertThat(b.received()).hasSize(1);
        assertThat(c.received()).hasSize(1);
        assertThat(res.statusCode()).isEqualTo(502);
        assertThat(res.headers().firstValue("x-burncloud-rejected-by")).isEmpty();
        assertThat(Json.parse(res.body()).path("error").path("message").asText())
                .contains("502")
                .contains("bad gateway");
        RequestLog log = gw.logs().get(0);
        assertThat(log.settlement()).isEqualTo("upstream_failed");
        assertThat(log.cost()).isZero();
    }

    @Test
    void retryTimesBoundsTheAttempts() {
        gw.close();
        gw = GatewayFixture.start(Map.of("RETRY_TIMES", "1"));
        gw.openAiChannel("a", a, List.of("gpt-4o"), 10, 0);
        gw.openAiChannel("b", b, List.of("gpt-4o"), 5, 0);
        gw.openAiChannel("c", c, List.of("gpt-4o"), 0, 0);
        gw.price("gpt-4o", "1", "1");
        String k = gw.rootToken();
        gw.sync();
        a.always(Reply.json(500, "{}"));
        b.always(Reply.json(500, "{}"));
        c.always(Reply.json(200, OK));
        assertThat(gw.post("/v1/chat/completions", k, CHAT).statusCode()).isEqualTo(500);
        assertThat(c.received()).isEmpty();
    }

    @Test
    void aStalledUpstreamTimesOutAndTheNextOneAnswers() {
        a.enqueue(Reply.stall());
        b.enqueue(Reply.json(200, OK));
        long start = System.nanoTime();
        HttpResponse<String> res = gw.post("/v1/chat/completions", key, CHAT);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1900);
        assertThat(gw.logs().get(0).retryTrail()).startsWith(ca.id() + ":timeout");
    }

    @Test
    void clientErrorsAreNotRetried() {
        a.enqueue(Reply.json(
                400, "{\"error\":{\"message\":\"bad messages\",\"type\":\"invalid_request_error\",\"code\":null}}"));
        HttpResponse<String> res = gw.post("/v1/chat/completions", key, CHAT);
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(Json.parse(res.body()).path("error").path("message").asText())
                .isEqualTo("bad messages");
        assertThat(b.received()).isEmpty();
    }

    @Test
    void anUpstream401DisablesTheChannelAndRecordsWhy() {
        a.enqueue(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));
        b.enqueue(Reply.json(200, OK));
        assertThat(gw.post("/v1/chat/completions", key, CHAT).statusCode()).isEqualTo(200);
        gw.awaitIdle();
        long deadline = System.currentTimeMillis() + 5000;
        Channel after = gw.repos().channels().findById(ca.id()).orElseThrow();
        while (after.status() != ChannelStatus.AUTO_DISABLED && System.currentTimeMillis() < deadline) {
            after = gw.repos().channels().findById(ca.id()).orElseThrow();
        }
        assertThat(after.status()).isEqualTo(ChannelStatus.AUTO_DISABLED);
        assertThat(after.statusReason()).contains("401").contains("Incorrect API key");
        gw.sync();
        b.enqueue(Reply.json(200, OK));
        assertThat(gw.post("/v1/chat/completions", key, CHAT).statusCode()).isEqualTo(200);
        assertThat(a.received()).hasSize(1);
    }

    @Test
    void anUpstreamAuthErrorThatExhaustsTheRetriesIsA502UpstreamAuthErrorWithoutTheUpstreamsWords() {
        a.always(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-upstream-a\"}}"));
        b.always(Reply.json(403, "{\"error\":{\"message\":\"Your credit is exhausted, key sk-upstream-b\"}}"));
        c.always(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-upstream-c\"}}"));

        HttpResponse<String> res = gw.post("/v1/chat/completions", key, CHAT);

        assertThat(res.statusCode())
                .as("not a 401: the client's own key is fine")
                .isEqualTo(502);
        assertThat(Json.parse(res.body()).path("error").path("code").asText()).isEqualTo("upstream_auth_error");
        assertThat(res.body()).doesNotContain("sk-upstream").doesNotContain("Incorrect API key");
        RequestLog log = gw.logs().get(0);
        assertThat(log.settlement()).isEqualTo("upstream_failed");
        assertThat(log.errorCode()).isEqualTo("upstream_auth_error");
        assertThat(log.cost()).isZero();
    }

    @Test
    void theCircuitOpensAfterConsecutiveFailuresAndAHalfOpenProbeClosesIt() {
        a.always(Reply.json(503, "{}"));
        b.always(Reply.json(200, OK));
        for (int i = 0; i < 3; i++) {
            assertThat(gw.post("/v1/chat/completions", key, CHAT).statusCode()).isEqualTo(200);
        }
        assertThat(a.received()).hasSize(3);
        // open: a is skipped entirely
        assertThat(gw.post("/v1/chat/completions", key, CHAT).statusCode()).isEqualTo(200);
        assertThat(a.received()).hasSize(3);
        clock.addAndGet(1_000_000_000L); // the cooldown
        a.always(Reply.json(200, OK));
        assertThat(gw.post("/v1/chat/completions", key, CHAT).statusCode()).isEqualTo(200);
        assertThat(a.received()).hasSize(4); // the half-open probe
        assertThat(gw.post("/v1/chat/completions", key, CHAT).statusCode()).isEqualTo(200);
        assertThat(a.received()).hasSize(5); // closed again
    }

    @Test
    void whenEveryCircuitIsOpenTheGatewaySaysItRefused() {
        a.always(Reply.json(503, "{}"));
        b.always(Reply.json(503, "{}"));
        c.always(Reply.json(503, "{}"));
        for (int i = 0; i < 3; i++) {
            gw.post("/v1/chat/completions", key, CHAT);
        }
        HttpResponse<String> res = gw.post("/v1/chat/completions", key, CHAT);
        assertThat(res.statusCode()).isEqualTo(503);
        assertThat(res.headers().firstValue("x-burncloud-rejected-by")).contains("gateway");
        assertThat(Json.parse(res.body()).path("error").path("code").asText()).isEqualTo("service_unavailable");
    }
}
