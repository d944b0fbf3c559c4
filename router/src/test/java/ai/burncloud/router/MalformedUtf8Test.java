package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.Json;
import ai.burncloud.database.RequestLog;
import ai.burncloud.database.User;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.GatewayFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9: a body whose JSON strings hold bytes that are not UTF-8 is the client's error at every
 * door — a 400 in the door's own error shape, nothing sent upstream (a same-dialect body would have
 * gone byte for byte), nothing charged. Each door gets a channel of its own dialect, the case where
 * the body is forwarded without ever being decoded.
 */
class MalformedUtf8Test {
    /** Each breaks UTF-8 differently; all sit inside a JSON string the router never reads. */
    private static final List<String> MALFORMED = List.of(
            "c0af", // overlong "/"
            "e080af", // overlong "/" in three bytes
            "f08282ac", // overlong "€" in four bytes
            "80", // a continuation byte with no lead
            "bfbf", // two of them
            "eda080", // U+D800, a surrogate, encoded
            "edbfbf", // U+DFFF
            "eda0bdedb880", // a surrogate pair encoded as two sequences (CESU-8)
            "e282", // "€" cut short
            "f09f98", // an emoji cut short
            "f4908080", // over U+10FFFF
            "f5", // never in UTF-8
            "ff");

    static Stream<Arguments> doors() {
        String chat = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a%sb\"}]}";
        String anthropic = "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"a%sb\"}]}";
        String gemini = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"a%sb\"}]}]}";
        return Stream.of(
                Arguments.of("openai", ChannelType.OPENAI, "/v1/chat/completions", chat),
                Arguments.of("openai", ChannelType.OPENAI, "/v1/completions", "{\"model\":\"m\",\"prompt\":\"a%sb\"}"),
                Arguments.of("openai", ChannelType.OPENAI, "/v1/embeddings", "{\"model\":\"m\",\"input\":\"a%sb\"}"),
                Arguments.of("openai", ChannelType.OPENAI, "/v1/responses", "{\"model\":\"m\",\"input\":\"a%sb\"}"),
                Arguments.of("anthropic", ChannelType.ANTHROPIC, "/v1/messages", anthropic),
                Arguments.of("anthropic", ChannelType.ANTHROPIC, "/v1/messages/count_tokens", anthropic),
                Arguments.of("gemini", ChannelType.GEMINI, "/v1beta/models/m:generateContent", gemini),
                Arguments.of("gemini", ChannelType.GEMINI, "/v1beta/models/m:streamGenerateContent?alt=sse", gemini),
                Arguments.of("gemini", ChannelType.GEMINI, "/v1beta/models/m:countTokens", gemini));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("doors")
    void invalidUtf8InAStringIsA400InTheDoorsDialectNeverForwardedNeverCharged(
            String dialect, ChannelType type, String path, String template) {
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(Map.of("RETRY_TIMES", "0"))) {
            // a forwarded request would get this 500 and the test would see a 5xx, not the 400 it expects
            String base = type == ChannelType.OPENAI ? up.baseUrl() + "/v1" : up.baseUrl();
            gw.channel("c", type, base, "sk-upstream", List.of("m"), 0, 0, Map.of(), null);
            gw.price("m", "1", "1");
            User alice = gw.user("alice", "default", "5");
            String key = gw.token(alice, null, List.of(), 0);
            gw.sync();
            long balance = gw.repos().users().findById(alice.id()).orElseThrow().balance();

            for (String hex : MALFORMED) {
                byte[] body = withBytes(template, HexFormat.of().parseHex(hex));
                HttpResponse<String> res = post(gw, path, key, body);
                assertThat(res.statusCode()).as(hex).isEqualTo(400);
                assertErrorShape(dialect, Json.parse(res.body()), hex);
            }
            // the same bytes in a field name, and in the model itself
            byte[] inName = withBytes("{\"model\":\"m\",\"x%s\":1,\"messages\":[]}", new byte[] {(byte) 0xC0, 0x41});
            assertThat(post(gw, path, key, inName).statusCode()).isEqualTo(400);
            byte[] inModel = withBytes("{\"model\":\"m%s\",\"messages\":[]}", new byte[] {(byte) 0xED, (byte) 0xA0});
            assertThat(post(gw, path, key, inModel).statusCode()).isEqualTo(400);

            assertThat(up.received()).as("requests the upstream saw").isEmpty();
            List<RequestLog> rows = gw.logs();
            assertThat(rows).hasSize(MALFORMED.size() + 2).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.cost()).isZero();
            });
            assertThat(gw.repos().users().findById(alice.id()).orElseThrow().balance())
                    .isEqualTo(balance);
        }
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("doors")
    void wellFormedUtf8OfEveryLengthStillPasses(String dialect, ChannelType type, String path, String template) {
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(Map.of("RETRY_TIMES", "0"))) {
            up.always(FakeUpstream.Reply.json(503, "{\"error\":{\"message\":\"busy\"}}"));
            String base = type == ChannelType.OPENAI ? up.baseUrl() + "/v1" : up.baseUrl();
            gw.channel("c", type, base, "sk-upstream", List.of("m"), 0, 0, Map.of(), null);
            gw.price("m", "1", "1");
            String key = gw.rootToken();
            gw.sync();
            // one, two, three and four bytes, and the edges of each range
            String text = "é 你好 😀 \u0080\u07ff\u0800\uffff\ud7ff\ue000 \udbff\udfff";
            HttpResponse<String> res =
                    post(gw, path, key, template.formatted(text).getBytes(StandardCharsets.UTF_8));
            assertThat(res.statusCode()).as(res.body()).isNotEqualTo(400);
            assertThat(res.body()).doesNotContain("UTF-8");
        }
    }

    private static void assertErrorShape(String dialect, JsonNode json, String hex) {
        switch (dialect) {
            case "anthropic" -> {
                assertThat(json.path("type").asText()).as(hex).isEqualTo("error");
                assertThat(json.path("error").path("type").asText()).as(hex).isEqualTo("invalid_request_error");
                assertThat(json.path("error").path("message").asText()).contains("UTF-8");
            }
            case "gemini" -> {
                assertThat(json.path("error").path("code").asInt()).as(hex).isEqualTo(400);
                assertThat(json.path("error").path("status").asText()).as(hex).isEqualTo("INVALID_ARGUMENT");
                assertThat(json.path("error").path("message").asText()).contains("UTF-8");
            }
            default -> {
                assertThat(json.path("error").path("code").asText()).as(hex).isEqualTo("invalid_request");
                assertThat(json.path("error").path("type").asText()).as(hex).isEqualTo("invalid_request_error");
                assertThat(json.path("error").path("message").asText()).contains("UTF-8");
            }
        }
    }

    private static byte[] withBytes(String template, byte[] bad) {
        int at = template.indexOf("%s");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(template.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(template.substring(at + 2).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static HttpResponse<String> post(GatewayFixture gw, String path, String key, byte[] body) {
        return gw.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("authorization", "Bearer " + key)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }
}
