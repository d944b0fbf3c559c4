package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The end-to-end scenarios of the live suite, each one request through the gateway as a client sends
 * it, then the request-log row checked against what the client was shown: the same tokens, and a cost
 * of exactly those tokens times the configured prices ({@link #INPUT_PRICE}, {@link #OUTPUT_PRICE}
 * dollars per 1M tokens).
 */
final class LiveScenarios {
    static final String INPUT_PRICE = "1";
    static final String OUTPUT_PRICE = "2";
    private static final String PROMPT = "Reply with one short friendly sentence.";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String key;
    private final GatewayAdmin admin;

    LiveScenarios(String baseUrl, String key, GatewayAdmin admin) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.admin = admin;
    }

    /** The usage a client was shown, in BurnCloud's terms. */
    record Usage(long prompt, long completion) {}

    void chat(String model) {
        ObjectNode body = chatBody(model);
        Answer a = post("/v1/chat/completions", body, "authorization", "Bearer " + key);
        assertThat(a.json().at("/choices/0/message/content").asText()).isNotBlank();
        billed(a, openAiUsage(a.json().path("usage")));
    }

    void stream(String model) {
        ObjectNode body = chatBody(model).put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        Answer a = post("/v1/chat/completions", body, "authorization", "Bearer " + key);
        StringBuilder text = new StringBuilder();
        JsonNode usage = null;
        for (JsonNode chunk : a.events()) {
            text.append(chunk.at("/choices/0/delta/content").asText(""));
            if (chunk.path("usage").isObject()) {
                usage = chunk.path("usage");
            }
        }
        assertThat(text.toString()).isNotBlank();
        assertThat(usage).as("a usage chunk at the end of the stream").isNotNull();
        billed(a, openAiUsage(usage));
    }

    void tools(String model) {
        ObjectNode body = chatBody(model).put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        body.withArray("messages").removeAll();
        body.withArray("messages")
                .addObject()
                .put("role", "user")
                .put("content", "What is the weather in Paris? Use the get_weather tool.");
        ObjectNode fn =
                body.putArray("tools").addObject().put("type", "function").putObject("function");
        fn.put("name", "get_weather").put("description", "Current weather in a city");
        ObjectNode params = fn.putObject("parameters").put("type", "object");
        params.putObject("properties").putObject("city").put("type", "string");
        params.putArray("required").add("city");
        body.put("max_tokens", 128);
        Answer a = post("/v1/chat/completions", body, "authorization", "Bearer " + key);
        List<String> names = new ArrayList<>();
        StringBuilder arguments = new StringBuilder();
        JsonNode usage = null;
        for (JsonNode chunk : a.events()) {
            for (JsonNode call : chunk.at("/choices/0/delta/tool_calls")) {
                if (call.at("/function/name").isTextual()) {
                    names.add(call.at("/function/name").asText());
                }
                arguments.append(call.at("/function/arguments").asText(""));
            }
            if (chunk.path("usage").isObject()) {
                usage = chunk.path("usage");
            }
        }
        assertThat(names).as("tool calls streamed").contains("get_weather");
        JsonNode args = parse(arguments.toString());
        assertThat(args.isObject()).as("arguments are a JSON object: " + args).isTrue();
        assertThat(args.elements()).toIterable().anyMatch(v -> !v.asText().isBlank());
        billed(a, openAiUsage(usage));
    }

    void anthropicDoor(String model) {
        ObjectNode body = Json.object().put("model", model).put("max_tokens", 64);
        body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
        Answer a = post("/v1/messages", body, "x-api-key", key, "anthropic-version", "2023-06-01");
        assertThat(a.json().path("type").asText()).isEqualTo("message");
        assertThat(a.json().at("/content/0/text").asText()).isNotBlank();
        JsonNode u = a.json().path("usage");
        billed(
                a,
                new Usage(
                        u.path("input_tokens").asLong()
                                + u.path("cache_read_input_tokens").asLong()
                                + u.path("cache_creation_input_tokens").asLong(),
                        u.path("output_tokens").asLong()));
    }

    void geminiDoor(String model) {
        ObjectNode body = Json.object();
        body.putArray("contents")
                .addObject()
                .put("role", "user")
                .putArray("parts")
                .addObject()
                .put("text", PROMPT);
        body.putObject("generationConfig").put("maxOutputTokens", 64);
        Answer a = post("/v1beta/models/" + model + ":generateContent", body, "x-goog-api-key", key);
        assertThat(a.json().at("/candidates/0/content/parts/0/text").asText()).isNotBlank();
        JsonNode u = a.json().path("usageMetadata");
        billed(
                a,
                new Usage(
                        u.path("promptTokenCount").asLong(),
                        u.path("candidatesTokenCount").asLong()
                                + u.path("thoughtsTokenCount").asLong()));
    }

    void embeddings(String model) {
        ObjectNode body = Json.object().put("model", model).put("input", "BurnCloud live check");
        Answer a = post("/v1/embeddings", body, "authorization", "Bearer " + key);
        assertThat(a.json().at("/data/0/embedding").size()).isPositive();
        billed(a, new Usage(a.json().at("/usage/prompt_tokens").asLong(), 0));
    }

    /**
     * A request for a model whose first channel is broken: it must be served by the real one, with the
     * broken channel in the log's retry trail.
     */
    void failover(String model, long brokenChannel, long realChannel) {
        Answer a = post("/v1/chat/completions", chatBody(model), "authorization", "Bearer " + key);
        assertThat(a.json().at("/choices/0/message/content").asText()).isNotBlank();
        JsonNode row = billed(a, openAiUsage(a.json().path("usage")));
        assertThat(row.path("channel_id").asLong()).isEqualTo(realChannel);
        assertThat(row.path("retry_trail").toString()).contains(Long.toString(brokenChannel));
    }

    private static ObjectNode chatBody(String model) {
        ObjectNode body = Json.object().put("model", model).put("max_tokens", 64);
        body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
        return body;
    }

    private static Usage openAiUsage(JsonNode usage) {
        assertThat(usage.path("prompt_tokens").asLong())
                .as("prompt tokens shown")
                .isPositive();
        return new Usage(
                usage.path("prompt_tokens").asLong(),
                usage.path("completion_tokens").asLong());
    }

    /** The log row must carry the usage the client was shown and cost exactly that at the set prices. */
    private JsonNode billed(Answer a, Usage shown) {
        JsonNode row = admin.logRow(a.requestId());
        assertThat(row.path("estimated").asBoolean())
                .as("usage reported by the provider, not estimated")
                .isFalse();
        assertThat(row.path("prompt_tokens").asLong())
                .as("prompt tokens billed")
                .isEqualTo(shown.prompt());
        assertThat(row.path("completion_tokens").asLong())
                .as("completion tokens billed")
                .isEqualTo(shown.completion());
        BigDecimal expected = new BigDecimal(INPUT_PRICE)
                .multiply(BigDecimal.valueOf(shown.prompt()))
                .add(new BigDecimal(OUTPUT_PRICE).multiply(BigDecimal.valueOf(shown.completion())))
                .movePointLeft(6);
        assertThat(new BigDecimal(row.path("cost").asText())).as("cost billed").isEqualByComparingTo(expected);
        return row;
    }

    /** One answer: 200 required; its request id, and its body as JSON or as SSE data events. */
    record Answer(String requestId, String body) {
        JsonNode json() {
            return parse(body);
        }

        List<JsonNode> events() {
            return Stream.of(body.split("\r?\n"))
                    .filter(l -> l.startsWith("data:"))
                    .map(l -> l.substring(5).strip())
                    .filter(d -> !d.equals("[DONE]") && !d.isEmpty())
                    .map(LiveScenarios::parse)
                    .toList();
        }
    }

    private Answer post(String path, JsonNode body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(120))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode())
                    .as("POST " + path + " answered " + r.body())
                    .isEqualTo(200);
            String id = r.headers().firstValue("x-request-id").orElseThrow();
            return new Answer(id, r.body());
        } catch (IOException e) {
            throw new AssertionError("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
