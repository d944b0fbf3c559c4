package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.ChannelStatus;
import ai.burncloud.database.Status;
import ai.burncloud.database.TokenUpdate;
import ai.burncloud.database.User;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refusal from the README's error table, in OpenAI's shape, and none of them billed. */
class AdmissionErrorsTest {
    private static final String CHAT =
            "{\"model\":\"gpt-4o\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private FakeUpstream upstream;
    private GatewayFixture gw;
    private User alice;

    @BeforeEach
    void setUp() {
        upstream = FakeUpstream.start();
        upstream.always(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
        gw = GatewayFixture.start();
        gw.openAiChannel("a", upstream, List.of("gpt-4o", "unpriced"), 0, 0);
        gw.price("gpt-4o", "2.5", "10");
        alice = gw.user("alice", "default", "1");
        gw.sync();
    }

    @AfterEach
    void tearDown() {
        gw.close();
        upstream.close();
    }

    private static JsonNode error(HttpResponse<String> res) {
        JsonNode e = Json.parse(res.body()).path("error");
        assertThat(e.path("message").asText()).isNotBlank();
        assertThat(e.path("type").isTextual()).isTrue();
        return e;
    }

    @Test
    void missingUnknownAndDisabledKeysAre401InvalidToken() {
        HttpResponse<String> missing = gw.post("/v1/chat/completions", null, CHAT);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(error(missing).path("code").asText()).isEqualTo("invalid_token");
        assertThat(error(missing).path("type").asText()).isEqualTo("invalid_request_error");

        assertThat(gw.post("/v1/chat/completions", "sk-not-a-real-key", CHAT).statusCode())
                .isEqualTo(401);

        GatewayFixture.IssuedToken t = gw.tokenWith(alice, null, List.of(), List.of(), 0, -1);
        gw.repos().tokens().update(t.token().id(), TokenUpdate.status(Status.DISABLED));
        gw.sync();
        HttpResponse<String> disabled = gw.post("/v1/chat/completions", t.key(), CHAT);
        assertThat(disabled.statusCode()).isEqualTo(401);
        assertThat(error(disabled).path("code").asText()).isEqualTo("invalid_token");
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void anExpiredTokenIs401TokenExpired() {
        String key = gw.tokenWith(alice, null, List.of(), List.of(), 0, System.currentTimeMillis() / 1000 - 1)
                .key();
        gw.sync();
        HttpResponse<String> res = gw.post("/v1/chat/completions", key, CHAT);
        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(error(res).path("code").asText()).isEqualTo("token_expired");
    }

    @Test
    void aModelOutsideTheAllowListOrACallerOutsideTheIpRangesIs403() {
        String limited = gw.token(alice, null, List.of("gpt-3.5-turbo"), 0);
        String elsewhere = gw.tokenWith(alice, null, List.of(), List.of("10.0.0.0/8"), 0, -1)
                .key();
        String local = gw.tokenWith(alice, null, List.of(), List.of("127.0.0.0/8", "::1"), 0, -1)
                .key();
        gw.sync();
        HttpResponse<String> model = gw.post("/v1/chat/completions", limited, CHAT);
        assertThat(model.statusCode()).isEqualTo(403);
        assertThat(error(model).path("code").asText()).isEqualTo("permission_denied");
        assertThat(error(model).path("type").asText()).isEqualTo("permission_error");
        assertThat(gw.post("/v1/chat/completions", elsewhere, CHAT).statusCode())
                .isEqualTo(403);
        assertThat(gw.post("/v1/chat/completions", local, CHAT).statusCode()).isEqualTo(200);
    }

    @Test
    void anExhaustedQuotaIs402AndAnExhaustedBalanceToo() {
        String poor = gw.token(alice, "0.000001", List.of(), 0); // one micro-dollar
        gw.sync();
        HttpResponse<String> res = gw.post("/v1/chat/completions", poor, CHAT);
        assertThat(res.statusCode()).isEqualTo(402);
        assertThat(error(res).path("code").asText()).isEqualTo("insufficient_quota");
        assertThat(error(res).path("type").asText()).isEqualTo("insufficient_quota_error");

        User broke = gw.user("broke", "default", "0");
        String key = gw.token(broke, null, List.of(), 0);
        gw.sync();
        assertThat(gw.post("/v1/chat/completions", key, CHAT).statusCode()).isEqualTo(402);
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void theRateLimitIs429WithRetryAfter() {
        String key = gw.token(alice, null, List.of(), 2);
        gw.sync();
        assertThat(gw.post("/v1/chat/completions", key, CHAT).statusCode()).isEqualTo(200);
        assertThat(gw.post("/v1/chat/completions", key, CHAT).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = gw.post("/v1/chat/completions", key, CHAT);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(error(limited).path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(limited.headers().firstValue("retry-after"))
                .get()
                .satisfies(v -> assertThat(Long.parseLong(v)).isBetween(1L, 30L));
    }

    @Test
    void anUnknownModelIs404AndDisabledChannelsAreAGatewaySide503() {
        String key = gw.token(alice, null, List.of(), 0);
        gw.sync();
        HttpResponse<String> unknown = gw.post("/v1/chat/completions", key, CHAT.replace("gpt-4o", "no-such-model"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown).path("code").asText()).isEqualTo("model_not_found");

        long id = gw.repos().channels().all().get(0).id();
        gw.repos().channels().setStatus(id, ChannelStatus.DISABLED, "maintenance");
        gw.sync();
        HttpResponse<String> off = gw.post("/v1/chat/completions", key, CHAT);
        assertThat(off.statusCode()).isEqualTo(503);
        assertThat(error(off).path("code").asText()).isEqualTo("service_unavailable");
        assertThat(off.headers().firstValue("x-burncloud-rejected-by")).contains("gateway");
    }

    @Test
    void anUnpricedModelIsRefusedWith400UnlessAllowed() {
        String key = gw.token(alice, null, List.of(), 0);
        gw.sync();
        HttpResponse<String> res = gw.post("/v1/chat/completions", key, CHAT.replace("gpt-4o", "unpriced"));
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(error(res).path("message").asText()).contains("unpriced").contains("price");
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void unpricedModelsCostNothingAndAreMarkedWhenAllowed() {
        gw.close();
        gw = GatewayFixture.start(Map.of("BILLING_ALLOW_UNPRICED", "true"));
        gw.openAiChannel("a", upstream, List.of("unpriced"), 0, 0);
        String key = gw.rootToken();
        gw.sync();
        assertThat(gw.post("/v1/chat/completions", key, CHAT.replace("gpt-4o", "unpriced"))
                        .statusCode())
                .isEqualTo(200);
        var log = gw.logs().get(0);
        assertThat(log.cost()).isZero();
        assertThat(log.priceMissing()).isTrue();
    }

    @Test
    void rejectedRequestsAreLoggedButNeverCharged() {
        String key = gw.token(alice, null, List.of("other"), 0);
        gw.sync();
        gw.post("/v1/chat/completions", key, CHAT);
        var log = gw.logs().get(0);
        assertThat(log.settlement()).isEqualTo("rejected");
        assertThat(log.status()).isEqualTo(403);
        assertThat(log.cost()).isZero();
        assertThat(gw.repos().users().findById(alice.id()).orElseThrow().balance())
                .isEqualTo(alice.balance());
    }
}
