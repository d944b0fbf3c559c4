package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.GatewayFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each SDK's {@code models.list()} gets the shape it parses: Google's GenAI SDKs read
 * {@code {"models":[{"name":"models/…"}],"nextPageToken"}}, Anthropic's read
 * {@code {"data":[{"type":"model"}],"has_more","first_id","last_id"}}. An OpenAI-shaped answer made
 * both return an empty list.
 */
class ModelListDialectsTest {
    private static final List<String> MODELS = List.of("claude-a", "claude-b", "gemini-c", "gpt-d", "gpt-e");
    private static FakeUpstream up;
    private static GatewayFixture gw;
    private static String key;

    @BeforeAll
    static void start() {
        up = FakeUpstream.start();
        gw = GatewayFixture.start();
        gw.openAiChannel("all", up, MODELS, 0, 0);
        key = gw.rootToken();
        gw.sync();
    }

    @AfterAll
    static void stop() {
        gw.close();
        up.close();
    }

    private static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return gw.send(b.build());
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    @Test
    void geminiPagesWithPageSizeAndPageToken() {
        JsonNode first = ok(get("/v1beta/models?pageSize=2", "x-goog-api-key", key));
        assertThat(names(first.path("models"), "name")).containsExactly("models/claude-a", "models/claude-b");
        assertThat(first.at("/models/0/supportedGenerationMethods").toString()).contains("generateContent");

        List<String> all = new ArrayList<>(names(first.path("models"), "name"));
        String token = first.path("nextPageToken").asText();
        while (!token.isEmpty()) {
            JsonNode page = ok(get("/v1beta/models?pageSize=2&pageToken=" + token, "x-goog-api-key", key));
            all.addAll(names(page.path("models"), "name"));
            token = page.path("nextPageToken").asText("");
        }
        assertThat(all).containsExactly(MODELS.stream().map(m -> "models/" + m).toArray(String[]::new));

        // the current Google SDKs call /v1/models with their own key header, and ?key= works too
        assertThat(ok(get("/v1/models", "x-goog-api-key", key)).path("models").size())
                .isEqualTo(5);
        assertThat(ok(get("/v1beta/models?key=" + key)).path("models").size()).isEqualTo(5);
        assertThat(ok(get("/v1beta/models/gemini-c", "x-goog-api-key", key))
                        .path("name")
                        .asText())
                .isEqualTo("models/gemini-c");
    }

    @Test
    void geminiErrorsAreInGeminisShape() {
        HttpResponse<String> missing = get("/v1beta/models/nope", "x-goog-api-key", key);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Json.parse(missing.body()).at("/error/status").asText()).isEqualTo("NOT_FOUND");
        HttpResponse<String> badToken = get("/v1beta/models?pageToken=%21%21", "x-goog-api-key", key);
        assertThat(badToken.statusCode()).isEqualTo(400);
        assertThat(Json.parse(badToken.body()).at("/error/code").asInt()).isEqualTo(400);
        HttpResponse<String> anonymous = get("/v1beta/models");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(Json.parse(anonymous.body()).at("/error/status").asText()).isNotEmpty();
    }

    @Test
    void anthropicHonoursLimitAfterIdAndBeforeId() {
        String[] anthropic = {"x-api-key", key, "anthropic-version", "2023-06-01"};
        JsonNode first = ok(get("/v1/models?limit=2", anthropic));
        assertThat(names(first.path("data"), "id")).containsExactly("claude-a", "claude-b");
        assertThat(first.at("/data/0/type").asText()).isEqualTo("model");
        assertThat(first.path("has_more").asBoolean()).isTrue();
        assertThat(first.path("first_id").asText()).isEqualTo("claude-a");
        assertThat(first.path("last_id").asText()).isEqualTo("claude-b");

        JsonNode next = ok(get("/v1/models?limit=2&after_id=claude-b", anthropic));
        assertThat(names(next.path("data"), "id")).containsExactly("gemini-c", "gpt-d");
        JsonNode last = ok(get("/v1/models?limit=2&after_id=gpt-d", anthropic));
        assertThat(names(last.path("data"), "id")).containsExactly("gpt-e");
        assertThat(last.path("has_more").asBoolean()).isFalse();
        JsonNode back = ok(get("/v1/models?limit=2&before_id=gemini-c", anthropic));
        assertThat(names(back.path("data"), "id")).containsExactly("claude-a", "claude-b");
        assertThat(back.path("has_more").asBoolean()).isFalse();

        // the Anthropic Java SDK sends a bearer token with anthropic-version
        JsonNode bearer = ok(get("/v1/models", "authorization", "Bearer " + key, "anthropic-version", "2023-06-01"));
        assertThat(bearer.path("data").size()).isEqualTo(5);
        assertThat(ok(get("/v1/models/gpt-d", anthropic)).path("type").asText()).isEqualTo("model");

        HttpResponse<String> badLimit = get("/v1/models?limit=0", anthropic);
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(Json.parse(badLimit.body()).path("type").asText()).isEqualTo("error");
    }

    @Test
    void openAiClientsKeepOpenAisShape() {
        JsonNode list = ok(get("/v1/models", "authorization", "Bearer " + key));
        assertThat(list.path("object").asText()).isEqualTo("list");
        assertThat(names(list.path("data"), "id")).containsExactlyElementsOf(MODELS);
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(m -> out.add(m.path(field).asText()));
        return out;
    }
}
