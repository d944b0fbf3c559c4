package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests captured from the real CLIs (Claude Code 2.1.332 and Codex CLI 0.171.0, run against a local
 * recorder; fixtures/clients/README.md) replayed byte for byte — their own headers, paths and bodies,
 * only the key and the model name changed to pick the channel — through the gateway to each channel
 * type, with the upstreams answering recorded traffic. Each test asserts what the CLI needs to go on:
 * the status, the stream's content type, the events it parses in the order it expects, tool calls it
 * can run, and the usage it is shown equal to the usage billed.
 */
class RecordedCliRequestsTest {
    private static final String BEDROCK_CLAUDE = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final String BEDROCK_NOVA = "amazon.nova-pro-v1:0";
    /** Headers the JDK client sets itself (or forbids), and the recorder's redaction placeholder. */
    private static final Set<String> NOT_REPLAYED = Set.of("authorization", "connection", "host", "content-length");

    private static FakeUpstream openai;
    private static FakeUpstream gemini;
    private static FakeUpstream bedrock;
    private static FakeUpstream anthropic;
    private static FakeUpstream qwen;
    private static RunningGateway gw;
    private static String key;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        openai = FakeUpstream.start();
        gemini = FakeUpstream.start();
        bedrock = FakeUpstream.start();
        anthropic = FakeUpstream.start();
        qwen = FakeUpstream.start();
        gw = RunningGateway.start();
        gw.addChannel("openai", "openai", openai.baseUrl() + "/v1", List.of("gpt-4o"), null);
        gw.addChannel("gemini", "gemini", gemini.baseUrl(), List.of("gemini-2.0-flash"), null);
        gw.addChannel(
                "bedrock",
                "bedrock",
                bedrock.baseUrl(),
                "AKIDEXAMPLE|wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                List.of(BEDROCK_CLAUDE, BEDROCK_NOVA),
                "{\"region\":\"us-east-1\"}");
        gw.addChannel("claude", "anthropic", anthropic.baseUrl(), List.of("claude-sonnet-4-5"), null);
        gw.addChannel("qwen", "qwen", qwen.baseUrl() + "/compatible-mode/v1", List.of("qwen-plus"), null);
        for (String model : List.of("gpt-4o", "gemini-2.0-flash", BEDROCK_CLAUDE, BEDROCK_NOVA, "claude-sonnet-4-5")) {
            gw.price(model, "3", "15");
        }
        gw.price("qwen-plus", "0.4", "1.2");
        key = gw.token();
        gw.sync();
    }

    @AfterAll
    static void stop() {
        gw.close();
        for (FakeUpstream f : List.of(openai, gemini, bedrock, anthropic, qwen)) {
            f.close();
        }
    }

    @BeforeEach
    void reset() {
        for (FakeUpstream f : List.of(openai, gemini, bedrock, anthropic, qwen)) {
            f.clear();
        }
    }

    /** A recorded request sent again with its own headers; {@code model} picks the channel. */
    private static HttpResponse<String> replay(String fixture, String model) throws Exception {
        JsonNode recorded = Json.parse(Fixtures.text(fixture));
        ObjectNode body = (ObjectNode) recorded.get("body").deepCopy();
        body.put("model", model);
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create(gw.baseUrl() + recorded.get("path").asText()))
                .timeout(Duration.ofSeconds(30))
                .header("authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(body)));
        recorded.get("headers").fields().forEachRemaining(h -> {
            if (!NOT_REPLAYED.contains(h.getKey())) {
                b.header(h.getKey(), h.getValue().asText());
            }
        });
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An SSE body as (event name, data JSON) pairs; every named event must name its own data's type. */
    private static List<JsonNode> events(HttpResponse<String> res) {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<JsonNode> out = new ArrayList<>();
        String event = null;
        for (String line : res.body().split("\r?\n")) {
            if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ")) {
                JsonNode data = Json.parse(line.substring(6));
                assertThat(data.path("type").asText()).as("event name").isEqualTo(event);
                out.add(data);
            }
        }
        return out;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    private static JsonNode sentJson(FakeUpstream upstream) {
        assertThat(upstream.received()).hasSize(1);
        return Json.parse(upstream.received().get(0).bodyText());
    }

    private static Reply sse(String fixture, int chunk) {
        return Reply.stream(Fixtures.bytes(fixture), "text/event-stream", chunk, 0);
    }

    private static Reply eventStream(String fixture) {
        return Reply.stream(Fixtures.bytes(fixture), "application/vnd.amazon.eventstream", 41, 0);
    }

    // ---- Claude Code (Anthropic door) ----

    /**
     * What Claude Code reads: {@code message_start} first, content blocks opened, filled and closed,
     * {@code message_delta} with the stop reason and usage, {@code message_stop} last; the output tokens
     * it is shown are the ones billed.
     */
    private static List<JsonNode> claudeCodeStream(HttpResponse<String> res) {
        List<JsonNode> events = events(res);
        List<String> types = types(events);
        assertThat(types.get(0)).isEqualTo("message_start");
        assertThat(types.get(types.size() - 1)).isEqualTo("message_stop");
        assertThat(types).contains("content_block_start", "content_block_delta", "content_block_stop", "message_delta");
        JsonNode delta = events.stream()
                .filter(e -> e.path("type").asText().equals("message_delta"))
                .reduce((a, b) -> b)
                .orElseThrow();
        RequestLog log = gw.logs().get(0);
        assertThat(log.settlement()).isEqualTo("completed");
        assertThat(delta.at("/usage/output_tokens").asLong()).isEqualTo(log.completionTokens());
        return events;
    }

    private static String text(List<JsonNode> anthropicEvents) {
        StringBuilder sb = new StringBuilder();
        anthropicEvents.forEach(e -> sb.append(e.at("/delta/text").asText("")));
        return sb.toString();
    }

    @Test
    void claudeCodesFirstTurnOnAnOpenAiChannel() throws Exception {
        openai.enqueue(sse("openai/chat-stream-include-usage.weather-sf.sse", 97));
        List<JsonNode> events = claudeCodeStream(replay("clients/claude-code/first-turn.request.json", "gpt-4o"));
        assertThat(text(events)).isNotBlank();

        JsonNode sent = sentJson(openai);
        assertThat(openai.received().get(0).uri()).isEqualTo("/v1/chat/completions");
        assertThat(sent.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(sent.path("messages").toString()).contains("You are a Claude agent");
        assertThat(sent.path("tools")).hasSize(12);
        assertThat(sent.path("user").asText()).hasSizeLessThanOrEqualTo(64); // the ~150-character user_id, hashed
        assertThat(sent.path("stream_options").path("include_usage").asBoolean())
                .isTrue();
        assertThat(sent.has("reasoning_effort")).as("gpt-4o does not reason").isFalse();
    }

    @Test
    void claudeCodesFirstTurnOnAGeminiChannel() throws Exception {
        gemini.enqueue(sse("gemini/streamGenerateContent-alt-sse.text.sse", 120));
        List<JsonNode> events =
                claudeCodeStream(replay("clients/claude-code/first-turn.request.json", "gemini-2.0-flash"));
        assertThat(text(events)).startsWith("The sky is blue");

        JsonNode sent = sentJson(gemini);
        assertThat(gemini.received().get(0).uri())
                .isEqualTo("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse");
        assertThat(sent.at("/systemInstruction/parts/1/text").asText()).contains("You are a Claude agent");
        assertThat(sent.at("/tools/0/functionDeclarations")).hasSize(12);
        assertThat(sent.at("/generationConfig/thinkingConfig/thinkingBudget").asInt())
                .isEqualTo(31999);
    }

    @Test
    void claudeCodesFirstTurnOnBedrockClaudeGoesThroughInvokeModelAsSent() throws Exception {
        bedrock.enqueue(eventStream("bedrock/invoke-with-response-stream.anthropic.eventstream.bin"));
        claudeCodeStream(replay("clients/claude-code/first-turn.request.json", BEDROCK_CLAUDE));

        assertThat(bedrock.received().get(0).uri())
                .isEqualTo("/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke-with-response-stream");
        JsonNode sent = sentJson(bedrock);
        JsonNode recorded = Json.parse(Fixtures.text("clients/claude-code/first-turn.request.json"))
                .get("body");
        assertThat(sent.path("anthropic_version").asText()).isEqualTo("bedrock-2023-05-31");
        assertThat(sent.path("thinking")).isEqualTo(recorded.path("thinking"));
        assertThat(sent.path("system")).isEqualTo(recorded.path("system"));
        assertThat(sent.path("tools")).isEqualTo(recorded.path("tools"));
        assertThat(sent.has("model")).isFalse();
    }

    @Test
    void claudeCodesFirstTurnOnBedrockConverse() throws Exception {
        bedrock.enqueue(eventStream("bedrock/converse-stream.text.eventstream.bin"));
        List<JsonNode> events = claudeCodeStream(replay("clients/claude-code/first-turn.request.json", BEDROCK_NOVA));
        assertThat(text(events)).isNotBlank();
        assertThat(bedrock.received().get(0).uri()).isEqualTo("/model/amazon.nova-pro-v1%3A0/converse-stream");
        JsonNode sent = sentJson(bedrock);
        assertThat(sent.at("/toolConfig/tools")).hasSize(12);
        assertThat(sent.path("system").toString()).contains("You are a Claude agent");
    }

    /**
     * The turn after Claude Code ran its Read tool: the recorded {@code tool_use} and {@code tool_result}
     * reach the OpenAI channel as a tool call and its result, and the model's next tool call comes back as
     * a {@code tool_use} block whose streamed input Claude Code can parse.
     */
    @Test
    void claudeCodesToolResultTurnOnAnOpenAiChannel() throws Exception {
        openai.enqueue(sse("openai/chat-stream-include-usage.tool-call.sse", 64));
        List<JsonNode> events = claudeCodeStream(replay("clients/claude-code/tool-result-turn.request.json", "gpt-4o"));
        JsonNode toolStart = events.stream()
                .filter(e -> e.at("/content_block/type").asText().equals("tool_use"))
                .findFirst()
                .orElseThrow();
        assertThat(toolStart.at("/content_block/name").asText()).isEqualTo("get_weather");
        assertThat(toolStart.at("/content_block/id").asText()).isEqualTo("call_CTf1nWJLqSeRgDqaCG27xZ74");
        StringBuilder input = new StringBuilder();
        events.forEach(e -> input.append(e.at("/delta/partial_json").asText("")));
        assertThat(Json.parse(input.toString()).path("city").asText()).isEqualTo("San Francisco");
        JsonNode stop = events.stream()
                .filter(e -> e.path("type").asText().equals("message_delta"))
                .findFirst()
                .orElseThrow();
        assertThat(stop.at("/delta/stop_reason").asText()).isEqualTo("tool_use");

        JsonNode messages = sentJson(openai).path("messages");
        JsonNode call = null;
        JsonNode result = null;
        for (JsonNode m : messages) {
            if (m.has("tool_calls")) {
                call = m.at("/tool_calls/0");
            }
            if (m.path("role").asText().equals("tool")) {
                result = m;
            }
        }
        assertThat(call.path("id").asText()).isEqualTo("toolu_rec_1");
        assertThat(call.at("/function/name").asText()).isEqualTo("Read");
        assertThat(result.path("tool_call_id").asText()).isEqualTo("toolu_rec_1");
        assertThat(result.path("content").toString()).contains("Hello from a file.");
    }

    @Test
    void claudeCodesToolResultTurnOnAGeminiChannel() throws Exception {
        gemini.enqueue(sse("gemini/streamGenerateContent-alt-sse.functionCall.sse", 80));
        List<JsonNode> events =
                claudeCodeStream(replay("clients/claude-code/tool-result-turn.request.json", "gemini-2.0-flash"));
        assertThat(events.stream()
                        .anyMatch(e -> e.at("/content_block/type").asText().equals("tool_use")))
                .isTrue();
        JsonNode contents = sentJson(gemini).path("contents");
        JsonNode last = contents.get(contents.size() - 1);
        JsonNode previous = contents.get(contents.size() - 2);
        assertThat(previous.at("/parts/0/functionCall/name").asText()).isEqualTo("Read");
        assertThat(last.at("/parts/0/functionResponse/name").asText()).isEqualTo("Read");
        assertThat(last.at("/parts/0/functionResponse").toString()).contains("Hello from a file.");
    }

    // ---- Codex CLI (Responses door) ----

    /**
     * What Codex reads: {@code response.created} first, items announced and finished, and the turn ends
     * only on {@code response.completed}, whose usage (shown as "tokens used") is the usage billed.
     */
    private static List<JsonNode> codexStream(HttpResponse<String> res) {
        List<JsonNode> events = events(res);
        List<String> types = types(events);
        assertThat(types.get(0)).isEqualTo("response.created");
        assertThat(types.get(types.size() - 1)).isEqualTo("response.completed");
        assertThat(types).contains("response.output_item.added", "response.output_item.done");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("sequence_number").asLong()).isEqualTo(i);
        }
        JsonNode usage = events.get(events.size() - 1).at("/response/usage");
        RequestLog log = gw.logs().get(0);
        assertThat(log.settlement()).isEqualTo("completed");
        assertThat(usage.path("input_tokens").asLong()).isEqualTo(log.promptTokens());
        assertThat(usage.path("output_tokens").asLong()).isEqualTo(log.completionTokens());
        return events;
    }

    private static String outputText(List<JsonNode> responsesEvents) {
        StringBuilder sb = new StringBuilder();
        responsesEvents.stream()
                .filter(e -> e.path("type").asText().equals("response.output_text.delta"))
                .forEach(e -> sb.append(e.path("delta").asText()));
        return sb.toString();
    }

    private static JsonNode finishedFunctionCall(List<JsonNode> responsesEvents) {
        return responsesEvents.stream()
                .filter(e -> e.path("type").asText().equals("response.output_item.done"))
                .map(e -> e.path("item"))
                .filter(i -> i.path("type").asText().equals("function_call"))
                .findFirst()
                .orElseThrow();
    }

    /** Codex's developer items join the instruction, its tools arrive flat, its web search offer is left out. */
    private static void assertCodexToolsAndInstructions(String sentBody) {
        assertThat(sentBody).contains("You are a coding agent running in the Codex CLI");
        assertThat(sentBody).contains("\"exec_command\"").contains("\"multi_agent_v1__spawn_agent\"");
        assertThat(sentBody).doesNotContain("external_web_access");
    }

    @Test
    void codexsFirstTurnOnAClaudeChannel() throws Exception {
        anthropic.enqueue(sse("anthropic/messages-stream.recorded-real.sse", 90));
        List<JsonNode> events = codexStream(replay("clients/codex/first-turn.request.json", "claude-sonnet-4-5"));
        assertThat(outputText(events)).isEqualTo("[12345,67890]");
        JsonNode sent = sentJson(anthropic);
        assertThat(anthropic.received().get(0).uri()).isEqualTo("/v1/messages");
        assertThat(sent.path("system").asText()).startsWith("You are a coding agent running in the Codex CLI");
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertCodexToolsAndInstructions(sent.toString());
    }

    @Test
    void codexsFirstTurnOnAGeminiChannel() throws Exception {
        gemini.enqueue(sse("gemini/streamGenerateContent-alt-sse.text.sse", 100));
        List<JsonNode> events = codexStream(replay("clients/codex/first-turn.request.json", "gemini-2.0-flash"));
        assertThat(outputText(events)).startsWith("The sky is blue");
        assertCodexToolsAndInstructions(sentJson(gemini).toString());
    }

    @Test
    void codexsFirstTurnOnAQwenChannelGoesThroughChatCompletions() throws Exception {
        qwen.enqueue(sse("dashscope/compatible-mode-chat-stream-include-usage.doc-example.sse", 150));
        List<JsonNode> events = codexStream(replay("clients/codex/first-turn.request.json", "qwen-plus"));
        assertThat(outputText(events)).endsWith("友谊时刻。");
        assertThat(qwen.received().get(0).uri()).isEqualTo("/compatible-mode/v1/chat/completions");
        JsonNode sent = sentJson(qwen);
        assertThat(sent.at("/stream_options/include_usage").asBoolean()).isTrue();
        assertCodexToolsAndInstructions(sent.toString());
        RequestLog log = gw.logs().get(0);
        assertThat(log.promptTokens()).isEqualTo(1276);
        assertThat(log.cost()).isEqualTo(1276 * 400L + 79 * 1_200L);
    }

    /**
     * The turn after Codex ran {@code exec_command}: its recorded {@code function_call} and
     * {@code function_call_output} reach Claude as a paired {@code tool_use} and {@code tool_result}, and
     * Claude's next tool call comes back as a {@code function_call} item Codex can run.
     */
    @Test
    void codexsFunctionCallOutputTurnOnAClaudeChannel() throws Exception {
        anthropic.enqueue(sse("anthropic/messages-stream.tool_use_response.sse", 64));
        List<JsonNode> events =
                codexStream(replay("clients/codex/function-call-output-turn.request.json", "claude-sonnet-4-5"));
        JsonNode call = finishedFunctionCall(events);
        assertThat(call.path("call_id").asText()).isEqualTo("toolu_01NRLabsLyVHZPKxbKvkfSMn");
        assertThat(call.path("name").asText()).isEqualTo("get_weather");
        assertThat(Json.parse(call.path("arguments").asText()).path("location").asText())
                .isEqualTo("Paris");

        JsonNode messages = sentJson(anthropic).path("messages");
        JsonNode assistant = messages.get(messages.size() - 2);
        JsonNode user = messages.get(messages.size() - 1);
        assertThat(assistant.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(assistant.at("/content/0/id").asText()).isEqualTo("call_rec_1");
        assertThat(assistant.at("/content/0/name").asText()).isEqualTo("exec_command");
        assertThat(user.at("/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(user.at("/content/0/tool_use_id").asText()).isEqualTo("call_rec_1");
        assertThat(user.at("/content/0").toString()).contains("Hello from a file.");
    }

    @Test
    void codexsFunctionCallOutputTurnOnAQwenChannel() throws Exception {
        qwen.enqueue(sse("openai/chat-stream-include-usage.tool-call.sse", 64));
        List<JsonNode> events =
                codexStream(replay("clients/codex/function-call-output-turn.request.json", "qwen-plus"));
        JsonNode call = finishedFunctionCall(events);
        assertThat(call.path("call_id").asText()).isEqualTo("call_CTf1nWJLqSeRgDqaCG27xZ74");
        assertThat(Json.parse(call.path("arguments").asText()).path("city").asText())
                .isEqualTo("San Francisco");

        JsonNode messages = sentJson(qwen).path("messages");
        JsonNode assistant = messages.get(messages.size() - 2);
        JsonNode tool = messages.get(messages.size() - 1);
        assertThat(assistant.at("/tool_calls/0/id").asText()).isEqualTo("call_rec_1");
        assertThat(assistant.at("/tool_calls/0/function/name").asText()).isEqualTo("exec_command");
        assertThat(tool.path("role").asText()).isEqualTo("tool");
        assertThat(tool.path("tool_call_id").asText()).isEqualTo("call_rec_1");
        assertThat(tool.path("content").asText()).contains("Hello from a file.");
    }

    @Test
    void codexsFunctionCallOutputTurnOnAGeminiChannel() throws Exception {
        gemini.enqueue(sse("gemini/streamGenerateContent-alt-sse.functionCall.sse", 100));
        List<JsonNode> events =
                codexStream(replay("clients/codex/function-call-output-turn.request.json", "gemini-2.0-flash"));
        assertThat(finishedFunctionCall(events).path("name").asText()).isEqualTo("customDivide");
        JsonNode contents = sentJson(gemini).path("contents");
        JsonNode last = contents.get(contents.size() - 1);
        assertThat(contents.get(contents.size() - 2)
                        .at("/parts/0/functionCall/name")
                        .asText())
                .isEqualTo("exec_command");
        assertThat(last.at("/parts/0/functionResponse/name").asText()).isEqualTo("exec_command");
        assertThat(last.at("/parts/0/functionResponse/response").toString()).contains("Hello from a file.");
    }
}
