package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Anthropic SDK's {@code toolRunner} on the message-threads beta sends {@code thread} and only the
 * tool result. No channel but Anthropic's own holds the thread, so every other channel type refuses it
 * as Anthropic does: a 400 in Anthropic's shape with {@code error.details.error_code:
 * thread_unsupported_request}, which clients act on; nothing reaches the upstream and nothing is charged.
 * An Anthropic channel gets the request as sent.
 */
class ThreadRefusalTest {
    private static final String THREAD = """
            {"model":"m","max_tokens":5,"thread":{"type":"continue"},
             "messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"42"}]}]}""";

    @ParameterizedTest
    @EnumSource(
            value = ChannelType.class,
            names = {"OPENAI", "QWEN", "GEMINI", "BEDROCK", "ANTHROPIC"})
    void aThreadIsRefusedWithAnthropicsErrorCodeWhereverTheChannelCannotHoldIt(ChannelType type) {
        try (FakeUpstream upstream = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(Map.of())) {
            upstream.always(Reply.json(200, Fixtures.text("anthropic/message.openapi-spec-example.json")));
            String model = type == ChannelType.BEDROCK ? "anthropic.claude-sonnet-4-5-v1:0" : "m";
            String config = type == ChannelType.BEDROCK ? "{\"region\":\"us-east-1\"}" : null;
            String key = type == ChannelType.BEDROCK ? "AKID|SECRET" : "k";
            gw.channel("c", type, upstream.baseUrl(), key, List.of("m"), 0, 0, Map.of("m", model), config);
            gw.price("m", "1", "1");
            String token = gw.rootToken();
            gw.sync();

            HttpResponse<String> res = gw.post("/v1/messages", token, THREAD);

            if (type == ChannelType.ANTHROPIC) {
                assertThat(res.statusCode()).isEqualTo(200);
                assertThat(Json.parse(upstream.received().get(0).bodyText()).path("thread"))
                        .isEqualTo(Json.parse("{\"type\":\"continue\"}"));
                return;
            }
            assertThat(res.statusCode()).isEqualTo(400);
            JsonNode body = Json.parse(res.body());
            assertThat(body.path("type").asText()).isEqualTo("error");
            assertThat(body.at("/error/type").asText()).isEqualTo("invalid_request_error");
            assertThat(body.at("/error/details/error_code").asText()).isEqualTo("thread_unsupported_request");
            assertThat(body.at("/error/message").asText())
                    .contains("\"thread\"")
                    .contains(type.id() + " channels");
            assertThat(upstream.received()).isEmpty();
            assertThat(gw.logs().get(0).settlement()).isEqualTo("rejected");
            assertThat(gw.logs().get(0).cost()).isZero();
        }
    }
}
