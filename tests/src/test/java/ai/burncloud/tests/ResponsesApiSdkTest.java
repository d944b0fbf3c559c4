package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK's {@code responses()} against Claude and Gemini channels: the gateway
 * converts the Responses API through chat, and the SDK's own models must parse (and validate) every
 * answer and every stream event, with the usage shown equal to the usage billed.
 */
class ResponsesApiSdkTest {
    private static FakeUpstream anthropic;
    private static FakeUpstream gemini;
    private static RunningGateway gw;
    private static OpenAIClient client;
    private static String key;

    @BeforeAll
    static void start() {
        anthropic = FakeUpstream.start();
        gemini = FakeUpstream.start();
        gw = RunningGateway.start();
        gw.addChannel("claude", "anthropic", anthropic.baseUrl(), List.of("claude-sonnet-4-5"), null);
        gw.addChannel("gemini", "gemini", gemini.baseUrl(), List.of("gemini-2.0-flash"), null);
        gw.price("claude-sonnet-4-5", "3", "15");
        gw.price("gemini-2.0-flash", "0.1", "0.4");
        key = gw.token();
        gw.sync();
        client = OpenAIOkHttpClient.builder()
                .apiKey(key)
                .baseUrl(gw.openAiBaseUrl())
                .maxRetries(0)
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        gw.close();
        anthropic.close();
        gemini.close();
    }

    @BeforeEach
    void reset() {
        anthropic.clear();
        gemini.clear();
    }

    private static final FunctionTool WEATHER = FunctionTool.builder()
            .name("get_weather")
            .description("Current weather")
            .strict(false)
            .parameters(FunctionTool.Parameters.builder()
                    .putAdditionalProperty("type", JsonValue.from("object"))
                    .putAdditionalProperty("properties", JsonValue.from(Map.of("location", Map.of("type", "string"))))
                    .build())
            .build();

    /** The log row of the latest request, checked against the usage the client was shown. */
    private static RequestLog billedAs(ResponseUsage shown, long inputPrice, long outputPrice) {
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(shown.inputTokens());
        assertThat(log.completionTokens()).isEqualTo(shown.outputTokens());
        assertThat(log.estimated()).isFalse();
        assertThat(log.cost()).isEqualTo(shown.inputTokens() * inputPrice + shown.outputTokens() * outputPrice);
        return log;
    }

    private static String text(Response r) {
        StringBuilder sb = new StringBuilder();
        for (ResponseOutputItem item : r.output()) {
            item.message()
                    .ifPresent(m -> m.content().forEach(c -> c.outputText().ifPresent(t -> sb.append(t.text()))));
        }
        return sb.toString();
    }

    private static List<ResponseStreamEvent> stream(ResponseCreateParams params) {
        List<ResponseStreamEvent> events = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> s = client.responses().createStreaming(params)) {
            s.stream().forEach(e -> events.add(e.validate()));
        }
        return events;
    }

    private static Response completed(List<ResponseStreamEvent> events) {
        assertThat(events.get(0).isCreated()).isTrue();
        ResponseStreamEvent last = events.get(events.size() - 1);
        assertThat(last.isCompleted()).as("last event is response.completed").isTrue();
        return last.asCompleted().response();
    }

    @Test
    void createThroughAClaudeChannel() {
        anthropic.enqueue(Reply.json(200, Fixtures.text("anthropic/message.openapi-spec-example.json")));
        Response r = client.responses()
                .create(ResponseCreateParams.builder()
                        .model("claude-sonnet-4-5")
                        .instructions("Be brief.")
                        .input("Who are you?")
                        .maxOutputTokens(1000)
                        .temperature(0.5)
                        .build())
                .validate();

        assertThat(r.id()).startsWith("resp_");
        assertThat(text(r)).isEqualTo("Hi! My name is Claude.");
        assertThat(r.usage().orElseThrow().inputTokens()).isEqualTo(2095);
        assertThat(r.usage().orElseThrow().totalTokens()).isEqualTo(2095 + 503);
        billedAs(r.usage().orElseThrow(), 3_000, 15_000);
        JsonNode sent = Json.parse(anthropic.received().get(0).bodyText());
        assertThat(anthropic.received().get(0).uri()).isEqualTo("/v1/messages");
        assertThat(sent.path("system").asText()).isEqualTo("Be brief.");
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(1000);
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.5);
    }

    @Test
    void createStreamingThroughAClaudeChannel() {
        anthropic.enqueue(Reply.stream(
                Fixtures.bytes("anthropic/messages-stream.recorded-real.sse"), "text/event-stream", 90, 0));
        List<ResponseStreamEvent> events = stream(ResponseCreateParams.builder()
                .model("claude-sonnet-4-5")
                .input("Two ids as JSON")
                .build());

        StringBuilder deltas = new StringBuilder();
        events.forEach(e -> e.outputTextDelta().ifPresent(d -> deltas.append(d.delta())));
        assertThat(deltas.toString()).isEqualTo("[12345,67890]");
        Response done = completed(events);
        assertThat(text(done)).isEqualTo("[12345,67890]");
        assertThat(done.usage().orElseThrow().inputTokens()).isEqualTo(135);
        assertThat(done.usage().orElseThrow().outputTokens()).isEqualTo(10);
        billedAs(done.usage().orElseThrow(), 3_000, 15_000);
        assertThat(gw.logs().get(0).stream()).isTrue();
    }

    @Test
    void aFunctionCallRoundTripThroughAClaudeChannel() {
        anthropic.enqueue(Reply.stream(
                Fixtures.bytes("anthropic/messages-stream.tool_use_response.sse"), "text/event-stream", 64, 0));
        EasyInputMessage question = EasyInputMessage.builder()
                .role(EasyInputMessage.Role.USER)
                .content("What's the weather in Paris?")
                .build();
        List<ResponseStreamEvent> events = stream(ResponseCreateParams.builder()
                .model("claude-sonnet-4-5")
                .inputOfResponse(List.of(ResponseInputItem.ofEasyInputMessage(question)))
                .addTool(WEATHER)
                .build());
        Response first = completed(events);
        ResponseFunctionToolCall call = first.output().stream()
                .filter(ResponseOutputItem::isFunctionCall)
                .map(ResponseOutputItem::asFunctionCall)
                .findFirst()
                .orElseThrow();
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.callId()).isEqualTo("toolu_01NRLabsLyVHZPKxbKvkfSMn");
        assertThat(Json.parse(call.arguments()).path("location").asText()).isEqualTo("Paris");
        billedAs(first.usage().orElseThrow(), 3_000, 15_000);

        anthropic.enqueue(Reply.json(200, Fixtures.text("anthropic/message.openapi-spec-example.json")));
        Response second = client.responses()
                .create(ResponseCreateParams.builder()
                        .model("claude-sonnet-4-5")
                        .inputOfResponse(List.of(
                                ResponseInputItem.ofEasyInputMessage(question),
                                ResponseInputItem.ofFunctionCall(call),
                                ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                                        .callId(call.callId())
                                        .output("18C and sunny")
                                        .build())))
                        .addTool(WEATHER)
                        .build());
        assertThat(text(second)).isEqualTo("Hi! My name is Claude.");
        JsonNode sent = Json.parse(anthropic.received().get(1).bodyText());
        assertThat(sent.at("/messages/1/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(sent.at("/messages/1/content/0/id").asText()).isEqualTo(call.callId());
        assertThat(sent.at("/messages/2/content/0/tool_use_id").asText()).isEqualTo(call.callId());
        assertThat(sent.at("/messages/2/content/0/content/0/text").asText()).isEqualTo("18C and sunny");
        assertThat(sent.at("/tools/0/name").asText()).isEqualTo("get_weather");
        billedAs(second.usage().orElseThrow(), 3_000, 15_000);
    }

    @Test
    void createStreamingThroughAGeminiChannel() {
        gemini.enqueue(Reply.stream(
                Fixtures.bytes("gemini/streamGenerateContent-alt-sse.text.sse"), "text/event-stream", 333, 0));
        Response done = completed(stream(ResponseCreateParams.builder()
                .model("gemini-2.0-flash")
                .input("Why is the sky blue?")
                .build()));
        assertThat(text(done)).startsWith("The sky is blue due to");
        assertThat(gemini.received().get(0).uri())
                .isEqualTo("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse");
        billedAs(done.usage().orElseThrow(), 100, 400);
    }

    @Test
    void aFunctionCallRoundTripThroughAGeminiChannel() {
        gemini.enqueue(Reply.stream(
                Fixtures.bytes("gemini/streamGenerateContent-alt-sse.functionCall.sse"), "text/event-stream", 100, 0));
        Response first = completed(stream(ResponseCreateParams.builder()
                .model("gemini-2.0-flash")
                .input("10 / 2?")
                .build()));
        ResponseFunctionToolCall call = first.output().get(0).asFunctionCall();
        assertThat(call.name()).isEqualTo("customDivide");
        billedAs(first.usage().orElseThrow(), 100, 400);

        gemini.enqueue(Reply.json(200, """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"It is 5."}]},"finishReason":"STOP"}],
                 "usageMetadata":{"promptTokenCount":30,"candidatesTokenCount":4,"totalTokenCount":34}}"""));
        Response second = client.responses()
                .create(ResponseCreateParams.builder()
                        .model("gemini-2.0-flash")
                        .inputOfResponse(List.of(
                                ResponseInputItem.ofFunctionCall(call),
                                ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                                        .callId(call.callId())
                                        .output("{\"result\":5}")
                                        .build())))
                        .build());
        assertThat(text(second)).isEqualTo("It is 5.");
        JsonNode sent = Json.parse(gemini.received().get(1).bodyText());
        assertThat(sent.at("/contents/0/parts/0/functionCall/name").asText()).isEqualTo("customDivide");
        assertThat(sent.at("/contents/1/parts/0/functionResponse/name").asText())
                .isEqualTo("customDivide");
        assertThat(sent.at("/contents/1/parts/0/functionResponse/response/result")
                        .asInt())
                .isEqualTo(5);
        billedAs(second.usage().orElseThrow(), 100, 400);
    }

    /**
     * A request shaped as Codex CLI sends it to a custom provider (fields as in openai/codex's
     * {@code ResponsesApiRequest}; written by us, not captured): instructions, message items with
     * {@code input_text}, a previous turn's reasoning item, function tools, {@code tool_choice}
     * auto, {@code reasoning}, {@code store:false}, {@code include}, {@code prompt_cache_key},
     * {@code text.verbosity}, always streamed. Codex acts on {@code response.output_item.done} and
     * ends its turn on {@code response.completed}.
     */
    @Test
    void aCodexShapedRequestStreamsThroughAClaudeChannel() throws Exception {
        anthropic.enqueue(Reply.stream(
                Fixtures.bytes("anthropic/messages-stream.tool_use_response.sse"), "text/event-stream", 50, 0));
        String codex = """
                {"model":"claude-sonnet-4-5","instructions":"You are Codex, a coding agent.",
                 "input":[
                  {"type":"message","role":"user","content":[{"type":"input_text","text":"<environment_context>cwd=/w</environment_context>"}]},
                  {"type":"message","role":"user","content":[{"type":"input_text","text":"weather in Paris?"}]},
                  {"type":"reasoning","summary":[],"encrypted_content":null}],
                 "tools":[{"type":"function","name":"get_weather","description":"Current weather","strict":false,
                   "parameters":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"],
                     "additionalProperties":false}}],
                 "tool_choice":"auto","parallel_tool_calls":false,"reasoning":{"effort":"medium","summary":"auto"},
                 "store":false,"stream":true,"include":["reasoning.encrypted_content"],
                 "prompt_cache_key":"0198f1c2-thread","text":{"verbosity":"medium"}}""";
        HttpResponse<String> res = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gw.openAiBaseUrl() + "/responses"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .header("Accept", "text/event-stream")
                                .POST(HttpRequest.BodyPublishers.ofString(codex))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<JsonNode> events = res.body()
                .lines()
                .filter(l -> l.startsWith("data: "))
                .map(l -> Json.parse(l.substring(6)))
                .toList();
        JsonNode call = events.stream()
                .filter(e -> e.path("type").asText().equals("response.output_item.done"))
                .map(e -> e.get("item"))
                .filter(i -> i.path("type").asText().equals("function_call"))
                .findFirst()
                .orElseThrow();
        assertThat(call.path("call_id").asText()).isEqualTo("toolu_01NRLabsLyVHZPKxbKvkfSMn");
        assertThat(Json.parse(call.path("arguments").asText()).path("location").asText())
                .isEqualTo("Paris");
        JsonNode completed = events.get(events.size() - 1);
        assertThat(completed.path("type").asText()).isEqualTo("response.completed");
        assertThat(completed.at("/response/id").asText()).startsWith("resp_");
        long input = completed.at("/response/usage/input_tokens").asLong();
        long output = completed.at("/response/usage/output_tokens").asLong();
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(input).isEqualTo(377);
        assertThat(log.completionTokens()).isEqualTo(output).isEqualTo(65);

        JsonNode sent = Json.parse(anthropic.received().get(0).bodyText());
        assertThat(sent.path("system").asText()).isEqualTo("You are Codex, a coding agent.");
        assertThat(sent.path("messages")).hasSize(1); // the two user items share one turn; reasoning dropped
        assertThat(sent.at("/messages/0/content")).hasSize(2);
        assertThat(sent.path("tool_choice"))
                .isEqualTo(Json.parse("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"));
        assertThat(sent.path("stream").asBoolean()).isTrue();
    }

    @Test
    void previousResponseIdIsRefusedInOpenAisShapeAndNothingIsSent() {
        assertThatThrownBy(() -> client.responses()
                        .create(ResponseCreateParams.builder()
                                .model("claude-sonnet-4-5")
                                .previousResponseId("resp_abc")
                                .input("and then?")
                                .build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("previous_response_id").contains("no response store");
                });
        assertThat(anthropic.received()).isEmpty();
    }
}
