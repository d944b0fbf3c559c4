package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.Channel;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A channel whose translator cannot express a request (here OpenAI's {@code "n": 2} for an Anthropic
 * channel) hands it to a channel that can, without spending a retry; only when none can does the
 * client get the refusal, as a free {@code rejected} 400 in its dialect.
 */
class RefusalFailoverTest {
    private static final String OK = Fixtures.text("openai/chat-completion.openapi-spec-example.json");
    private static final String TWO_CHOICES =
            "{\"model\":\"m\",\"n\":2,\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void aRefusingChannelHandsTheRequestToOneThatCanEvenWithNoRetriesLeft() {
        try (FakeUpstream anthropic = FakeUpstream.start();
                FakeUpstream openai = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(Map.of("RETRY_TIMES", "0"))) {
            openai.always(Reply.json(200, OK));
            Channel a = gw.channel(
                    "claude", ChannelType.ANTHROPIC, anthropic.baseUrl(), "k", List.of("m"), 10, 0, Map.of(), null);
            Channel o = gw.openAiChannel("openai", openai, List.of("m"), 0, 0);
            gw.price("m", "1", "1");
            String key = gw.rootToken();
            gw.sync();

            HttpResponse<String> res = gw.post("/v1/chat/completions", key, TWO_CHOICES);

            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(anthropic.received()).isEmpty();
            assertThat(openai.received()).hasSize(1);
            RequestLog row = gw.logs().get(0);
            assertThat(row.retryTrail()).isEqualTo(a.id() + ":refused," + o.id() + ":200");
            assertThat(row.settlement()).isEqualTo("completed");
        }
    }

    @Test
    void whenNoChannelCanExpressItTheClientGetsTheRefusalFree() {
        try (FakeUpstream anthropic = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(Map.of())) {
            gw.channel("claude", ChannelType.ANTHROPIC, anthropic.baseUrl(), "k", List.of("m"), 0, 0, Map.of(), null);
            gw.price("m", "1", "1");
            String key = gw.rootToken();
            gw.sync();

            HttpResponse<String> res = gw.post("/v1/chat/completions", key, TWO_CHOICES);

            assertThat(res.statusCode()).isEqualTo(400);
            assertThat(Json.parse(res.body()).path("error").path("message").asText())
                    .contains("\"n\" > 1");
            assertThat(anthropic.received()).isEmpty();
            RequestLog row = gw.logs().get(0);
            assertThat(row.settlement()).isEqualTo("rejected");
            assertThat(row.cost()).isZero();
        }
    }
}
