package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.GatewayFixture;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed Gemini "parts" (fuzzed shapes that answered 500) are the client's 400, in Gemini's shape. */
class MalformedGeminiPartsTest {
    private static FakeUpstream upstream;
    private static GatewayFixture gw;
    private static String key;

    @BeforeAll
    static void start() {
        upstream = FakeUpstream.start();
        gw = GatewayFixture.start();
        gw.openAiChannel("a", upstream, List.of("gpt-4o"), 0, 0);
        gw.price("gpt-4o", "1", "1");
        key = gw.rootToken();
        gw.sync();
        // what reaches the upstream is answered normally: only the gateway's own answers are under test
        upstream.otherwise(r -> FakeUpstream.Reply.json(
                200,
                "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}"));
    }

    @AfterAll
    static void stop() {
        gw.close();
        upstream.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[1]",
                "[null]",
                "[\"x\"]",
                "[[]]",
                "[{\"text\":{}}]",
                "[{\"text\":[1]}]",
                "[{\"inlineData\":\"x\"}]",
                "[{\"inlineData\":null}]",
                "[{\"inlineData\":{\"data\":{}}}]",
                "[{\"fileData\":1}]",
                "[{\"fileData\":null}]",
                "[{\"functionCall\":\"x\"}]",
                "[{\"functionCall\":null}]",
                "[{\"functionCall\":{\"name\":{}}}]",
                "[{\"functionCall\":{\"name\":\"f\",\"args\":\"x\"}}]",
                "[{\"functionResponse\":1}]",
                "[{\"functionResponse\":null}]",
                "[{\"functionResponse\":{\"name\":\"f\",\"response\":\"x\"}}]",
                "[{\"functionResponse\":{\"name\":[],\"response\":{}}}]",
                "[{}]",
                "{\"a\":1}",
                "\"text\"",
                "null"
            })
    void malformedPartsAre400NotServerErrors(String parts) {
        HttpResponse<String> res = gw.post(
                "/v1beta/models/gpt-4o:generateContent",
                key,
                "{\"contents\":[{\"role\":\"user\",\"parts\":" + parts + "}]}");
        assertThat(res.statusCode()).as(parts + " -> " + res.body()).isLessThan(500);
        if (res.statusCode() >= 400) {
            assertThat(Json.parse(res.body()).path("error").path("status").asText())
                    .isNotBlank();
        }
    }
}
