package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client that asks {@code stream_options.include_usage} gets its usage chunk even from a host that
 * ignores the option: BurnCloud's own count, the same numbers it bills, and the log row says estimated.
 */
class UsageSynthesisTest {
    /** The recorded stream with its usage chunk cut out: what a host ignoring include_usage sends. */
    private static final String WITHOUT_USAGE =
            withoutUsage(Fixtures.text("openai/chat-stream-include-usage.weather-sf.sse"));

    private static String withoutUsage(String sse) {
        StringBuilder sb = new StringBuilder();
        for (String event : sse.split("\n\n")) {
            if (!event.contains("\"usage\"")) {
                sb.append(event).append("\n\n");
            }
        }
        return sb.toString();
    }

    private static List<String> dataLines(String body) {
        List<String> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data: ")) {
                out.add(line.substring(6));
            }
        }
        return out;
    }

    @Test
    void aHostIgnoringIncludeUsageStillGivesTheClientAUsageChunkBeforeDone() {
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(Map.of())) {
            up.always(Reply.sse(WITHOUT_USAGE.getBytes(StandardCharsets.UTF_8)));
            gw.openAiChannel("compat", up, List.of("gpt-4o"), 0, 0);
            gw.price("gpt-4o", "1", "2");
            String key = gw.rootToken();
            gw.sync();

            String body = gw.post(
                            "/v1/chat/completions",
                            key,
                            "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                                    + "\"messages\":[{\"role\":\"user\",\"content\":\"What is the weather in SF?\"}]}")
                    .body();

            List<String> data = dataLines(body);
            assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
            JsonNode usageChunk = Json.parse(data.get(data.size() - 2));
            assertThat(usageChunk.path("choices").isArray()).isTrue();
            assertThat(usageChunk.path("choices")).isEmpty();
            assertThat(usageChunk.path("id").asText()).isEqualTo("chatcmpl-ABfw031mOJeYCSHe4yI2ZjOA6kMJL");
            assertThat(usageChunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            JsonNode usage = usageChunk.path("usage");
            assertThat(usage.path("prompt_tokens").asLong()).isPositive();
            assertThat(usage.path("completion_tokens").asLong()).isPositive();
            assertThat(usage.path("total_tokens").asLong())
                    .isEqualTo(usage.path("prompt_tokens").asLong()
                            + usage.path("completion_tokens").asLong());
            assertThat(data.stream().filter(d -> d.contains("\"usage\"")).count())
                    .isEqualTo(1);

            RequestLog row = gw.logs().get(0);
            assertThat(row.estimated()).isTrue();
            assertThat(row.promptTokens()).isEqualTo(usage.path("prompt_tokens").asLong());
            assertThat(row.completionTokens())
                    .isEqualTo(usage.path("completion_tokens").asLong());
        }
    }

    @Test
    void aClientThatDidNotAskGetsNoUsageChunk() {
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(Map.of())) {
            up.always(Reply.sse(WITHOUT_USAGE.getBytes(StandardCharsets.UTF_8)));
            gw.openAiChannel("compat", up, List.of("gpt-4o"), 0, 0);
            gw.price("gpt-4o", "1", "2");
            String key = gw.rootToken();
            gw.sync();
            String body = gw.post(
                            "/v1/chat/completions",
                            key,
                            "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .body();
            assertThat(body).doesNotContain("\"usage\"").endsWith("data: [DONE]\n\n");
        }
    }

    @Test
    void aHostThatHonoursIncludeUsageIsRelayedAsItSentIt() {
        byte[] recorded = Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse");
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(Map.of())) {
            up.always(Reply.sse(recorded));
            gw.openAiChannel("openai", up, List.of("gpt-4o"), 0, 0);
            gw.price("gpt-4o", "1", "2");
            String key = gw.rootToken();
            gw.sync();
            String body = gw.post(
                            "/v1/chat/completions",
                            key,
                            "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                                    + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .body();
            assertThat(body).isEqualTo(new String(recorded, StandardCharsets.UTF_8));
            assertThat(gw.logs().get(0).estimated()).isFalse();
        }
    }
}
