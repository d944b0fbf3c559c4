package ai.burncloud.router.translate.openai;

import static ai.burncloud.router.translate.ConverterHarness.ALLOC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.ConverterHarness;
import ai.burncloud.router.translate.ConverterHarness.Run;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.Requests;
import ai.burncloud.router.translate.ResponsesStreams;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OpenAI Responses client ({@code /v1/responses}) → an OpenAI-dialect channel: passed through to hosts
 * that serve {@code /responses} (OpenAI, Azure), converted through {@code /chat/completions} for those
 * that do not (DashScope's compatible mode, chat-only hosts), with recorded chat answers replayed.
 */
class OpenAiResponsesToChatTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_750_000_000L), ZoneOffset.UTC);
    private final OpenAiToOpenAiTranslator translator = new OpenAiToOpenAiTranslator(CLOCK);
    private final UpstreamTarget qwen = Requests.target(ChannelType.QWEN, "qwen-plus");

    @ParameterizedTest(name = "{0} with config {1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "OPENAI | {}                         | OPENAI_RESPONSES",
                "AZURE  | {}                         | OPENAI_RESPONSES",
                "QWEN   | {}                         | OPENAI_CHAT_COMPLETIONS",
                "OPENAI | {\"responses_api\":\"chat\"}   | OPENAI_CHAT_COMPLETIONS",
                "QWEN   | {\"responses_api\":\"native\"} | OPENAI_RESPONSES"
            })
    void eachChannelTypeGetsResponsesWhereItsHostServesThem(ChannelType type, String config, UpstreamOperation op)
            throws Exception {
        String request = "{\"model\":\"m\",\"input\":\"Hi\"}";
        UpstreamBody body = translator.toUpstream(
                Requests.request(Operation.RESPONSES, request), Requests.target(type, "m", config), ALLOC);
        assertThat(body.operation()).isEqualTo(op);
        JsonNode sent = Requests.body(body);
        if (op == UpstreamOperation.OPENAI_RESPONSES) {
            assertThat(sent).as("the client's own bytes").isEqualTo(Json.parse(request));
        } else {
            assertThat(sent.at("/messages/0/content").asText()).isEqualTo("Hi");
        }
    }

    @Test
    void aCodexShapedTurnBecomesAChatRequestThatAsksForStreamedUsage() throws Exception {
        UpstreamBody body = translator.toUpstream(Requests.request(Operation.RESPONSES, """
                        {"model":"qwen-alias","instructions":"You are Codex.","stream":true,"store":false,
                         "include":["reasoning.encrypted_content"],"reasoning":{"summary":"auto"},
                         "tool_choice":"auto","parallel_tool_calls":false,"prompt_cache_key":"abc",
                         "max_output_tokens":500,"safety_identifier":"user-1",
                         "tools":[{"type":"function","name":"shell","description":"Runs a command","strict":false,
                           "parameters":{"type":"object","properties":{"cmd":{"type":"string"}},"required":["cmd"]}}],
                         "input":[
                          {"type":"message","role":"developer","content":[{"type":"input_text","text":"Sandbox: read-only."}]},
                          {"type":"message","role":"user","content":[{"type":"input_text","text":"list files"}]},
                          {"type":"reasoning","id":"rs_1","summary":[],"encrypted_content":"gAAAA"},
                          {"type":"function_call","call_id":"call_1","name":"shell","arguments":"{\\"cmd\\":\\"ls\\"}"},
                          {"type":"function_call_output","call_id":"call_1","output":"README.md"},
                          {"type":"message","role":"assistant","content":[{"type":"output_text","text":"One file."}]},
                          {"role":"user","content":"thanks"}]}"""), qwen, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.OPENAI_CHAT_COMPLETIONS);
        assertThat(body.stream()).isTrue();
        assertThat(Requests.body(body)).isEqualTo(Json.parse("""
                {"model":"qwen-plus","messages":[
                  {"role":"system","content":"You are Codex."},
                  {"role":"system","content":"Sandbox: read-only."},
                  {"role":"user","content":"list files"},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                    "function":{"name":"shell","arguments":"{\\"cmd\\":\\"ls\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"README.md"},
                  {"role":"assistant","content":"One file."},
                  {"role":"user","content":"thanks"}],
                 "tools":[{"type":"function","function":{"name":"shell","description":"Runs a command",
                   "parameters":{"type":"object","properties":{"cmd":{"type":"string"}},"required":["cmd"]}}}],
                 "tool_choice":"auto","parallel_tool_calls":false,"max_tokens":500,"user":"user-1",
                 "stream":true,"stream_options":{"include_usage":true}}"""));
    }

    private static final String NAMESPACED_TOOLS = """
            [{"type":"function","name":"exec_command","parameters":{"type":"object"}},
             {"type":"namespace","name":"multi_agent_v1","description":"Sub-agents.","tools":[
               {"type":"function","name":"spawn_agent","description":"Spawns one.","strict":false,
                "parameters":{"type":"object","properties":{"message":{"type":"string"}}}}]},
             {"type":"web_search","external_web_access":false}]""";

    /**
     * Codex 0.171 offers its sub-agent tools in a {@code namespace} and web search on every turn (see
     * fixtures/clients/codex): members go upstream as flat names, web search is left out, and a call
     * comes back with the client's namespace and name, as the next turn sends it.
     */
    @Test
    void namespacedToolsGoUpstreamFlatAndWebSearchIsLeftOut() throws Exception {
        UpstreamBody body = translator.toUpstream(
                Requests.request(Operation.RESPONSES, """
                        {"model":"m","tools":%s,"input":[{"role":"user","content":"delegate"},
                          {"type":"function_call","call_id":"call_9","namespace":"multi_agent_v1","name":"spawn_agent",
                           "arguments":"{}"},
                          {"type":"function_call_output","call_id":"call_9","output":"agent-1"}]}""".formatted(NAMESPACED_TOOLS)), qwen, ALLOC);
        JsonNode sent = Requests.body(body);
        assertThat(sent.path("tools").findValuesAsText("name"))
                .containsExactly("exec_command", "multi_agent_v1__spawn_agent");
        assertThat(sent.at("/messages/1/tool_calls/0/function/name").asText()).isEqualTo("multi_agent_v1__spawn_agent");
        assertThat(sent.at("/messages/2/tool_call_id").asText()).isEqualTo("call_9");
    }

    @Test
    void aCallOfANamespacedToolGoesBackUnderItsNamespace() {
        String request = "{\"model\":\"m\",\"stream\":%s,\"input\":\"x\",\"tools\":" + NAMESPACED_TOOLS + "}";
        String whole = """
                {"id":"c1","object":"chat.completion","model":"qwen-plus","choices":[{"index":0,"finish_reason":"tool_calls",
                  "message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_7","type":"function",
                    "function":{"name":"multi_agent_v1__spawn_agent","arguments":"{\\"message\\":\\"hi\\"}"}}]}}],
                 "usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}}""";
        JsonNode item = ConverterHarness.run(
                        () -> translator.responseConverter(
                                Requests.request(Operation.RESPONSES, request.formatted(false)),
                                qwen,
                                Requests.sent(UpstreamOperation.OPENAI_CHAT_COMPLETIONS, false),
                                CompletionTextSink.NONE),
                        whole.getBytes(StandardCharsets.UTF_8))
                .json()
                .at("/output/0");
        assertThat(item.path("namespace").asText()).isEqualTo("multi_agent_v1");
        assertThat(item.path("name").asText()).isEqualTo("spawn_agent");
        assertThat(item.path("call_id").asText()).isEqualTo("call_7");

        String stream = "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"call_7\",\"function\":{\"name\":\"multi_agent_v1__spawn_agent\",\"arguments\":\"{}\"}}]},"
                + "\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n";
        List<JsonNode> events = ConverterHarness.run(
                        () -> translator.responseConverter(
                                Requests.request(Operation.RESPONSES, request.formatted(true)),
                                qwen,
                                Requests.sent(UpstreamOperation.OPENAI_CHAT_COMPLETIONS, true),
                                CompletionTextSink.NONE),
                        stream.getBytes(StandardCharsets.UTF_8))
                .dataJson();
        assertThat(ResponsesStreams.only(events, "response.output_item.added")
                        .at("/item/namespace")
                        .asText())
                .isEqualTo("multi_agent_v1");
        assertThat(ResponsesStreams.only(events, "response.function_call_arguments.done")
                        .path("name")
                        .asText())
                .isEqualTo("spawn_agent");
        JsonNode done =
                ResponsesStreams.only(events, "response.output_item.done").path("item");
        assertThat(done.path("namespace").asText()).isEqualTo("multi_agent_v1");
        assertThat(done.path("name").asText()).isEqualTo("spawn_agent");
    }

    @Test
    void previousResponseIdIsRefusedNamingTheChannelType() {
        assertThatThrownBy(() -> translator.toUpstream(
                        Requests.request(
                                Operation.RESPONSES,
                                "{\"model\":\"m\",\"previous_response_id\":\"r\",\"input\":\"x\"}"),
                        qwen,
                        ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("\"previous_response_id\" is not supported on qwen channels");
    }

    private Run stream(String fixture) {
        ClientRequest req = Requests.request(
                Operation.RESPONSES,
                "{\"model\":\"qwen-alias\",\"stream\":true,\"input\":\"x\",\"tools\":[{\"type\":\"function\","
                        + "\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}}]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.OPENAI_CHAT_COMPLETIONS, true);
        return ConverterHarness.assertSplitInvariant(
                () -> translator.responseConverter(req, qwen, sent, CompletionTextSink.NONE),
                ConverterHarness.fixture(fixture));
    }

    @Test
    void aDashScopeStreamBecomesResponsesEventsInTheSpecsOrderWithItsUsage() {
        Run run = stream("dashscope/compatible-mode-chat-stream-include-usage.doc-example.sse");
        assertThat(run.contentType()).isEqualTo("text/event-stream");
        List<JsonNode> events = run.dataJson();
        assertThat(ResponsesStreams.collapsedTypes(events))
                .isEqualTo(ResponsesStreams.fixtureTypes("openai/responses-stream.openapi-spec-example.sse"));
        assertThat(ResponsesStreams.text(events)).startsWith("图中是一名女子和她的狗").endsWith("友谊时刻。");
        JsonNode completed = ResponsesStreams.only(events, "response.completed").get("response");
        assertThat(completed.get("id").asText()).isEqualTo("resp_<id>");
        assertThat(completed.get("model").asText()).isEqualTo("qwen-vl-plus");
        assertThat(completed.at("/output/0/content/0/text").asText()).isEqualTo(ResponsesStreams.text(events));
        assertThat(completed.at("/usage/input_tokens").asLong()).isEqualTo(1276);
        assertThat(completed.at("/usage/output_tokens").asLong()).isEqualTo(79);
        assertThat(completed.at("/usage/total_tokens").asLong()).isEqualTo(1355);
        assertThat(run.usage().prompt()).isEqualTo(1276);
        assertThat(run.usage().completion()).isEqualTo(79);
        assertThat(run.output()).doesNotContain("[DONE]");
    }

    @Test
    void aStreamedToolCallBecomesAFunctionCallItemWithTheHostsCallId() {
        Run run = stream("openai/chat-stream-include-usage.tool-call.sse");
        List<JsonNode> events = run.dataJson();
        JsonNode added = ResponsesStreams.only(events, "response.output_item.added");
        assertThat(added.at("/item/type").asText()).isEqualTo("function_call");
        assertThat(added.at("/item/call_id").asText()).isEqualTo("call_CTf1nWJLqSeRgDqaCG27xZ74");
        assertThat(added.at("/item/name").asText()).isEqualTo("get_weather");
        assertThat(Json.parse(ResponsesStreams.arguments(events)))
                .isEqualTo(Json.parse("{\"city\":\"San Francisco\",\"state\":\"CA\"}"));
        JsonNode done = ResponsesStreams.only(events, "response.function_call_arguments.done");
        assertThat(done.get("arguments").asText()).isEqualTo(ResponsesStreams.arguments(events));
        JsonNode completed = ResponsesStreams.only(events, "response.completed").get("response");
        assertThat(completed.get("status").asText()).isEqualTo("completed");
        assertThat(completed.at("/output/0/call_id").asText()).isEqualTo("call_CTf1nWJLqSeRgDqaCG27xZ74");
        assertThat(run.usage()).isEqualTo(new TokenUsage(48, 19, TokenUsage.UNREPORTED, TokenUsage.UNREPORTED, 0));
    }

    @Test
    void aWholeChatCompletionBecomesAResponseObject() {
        ClientRequest req = Requests.request(Operation.RESPONSES, "{\"model\":\"qwen-alias\",\"input\":\"x\"}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.OPENAI_CHAT_COMPLETIONS, false);
        Run run = ConverterHarness.assertSplitInvariant(
                () -> translator.responseConverter(req, qwen, sent, CompletionTextSink.NONE),
                ConverterHarness.fixture("openai/chat-completion-tool-call.openapi-spec-example.json"));
        JsonNode json = run.json();
        assertThat(json.get("object").asText()).isEqualTo("response");
        assertThat(json.get("status").asText()).isEqualTo("completed");
        assertThat(json.at("/output/0/type").asText()).isEqualTo("function_call");
        assertThat(json.at("/output/0/call_id").asText()).isEqualTo("call_abc123");
        assertThat(json.at("/output/0/name").asText()).isEqualTo("get_current_weather");
        assertThat(Json.parse(json.at("/output/0/arguments").asText()))
                .isEqualTo(Json.parse("{\"location\":\"Boston, MA\"}"));
        assertThat(json.get("usage")).isEqualTo(Json.parse("""
                {"input_tokens":82,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":17,
                 "output_tokens_details":{"reasoning_tokens":0},"total_tokens":99}"""));
        assertThat(run.usage().prompt()).isEqualTo(82);
        assertThat(run.usage().completion()).isEqualTo(17);
    }

    @Test
    void aNativeResponsesAnswerIsForwardedAsItsOwnBytes() {
        ClientRequest req = Requests.request(Operation.RESPONSES, "{\"model\":\"gpt-5\",\"input\":\"x\"}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.OPENAI_RESPONSES, false);
        String answer = "{\"id\":\"resp_1\",\"object\":\"response\",\"output\":[]}";
        Run run = ConverterHarness.run(
                () -> translator.responseConverter(
                        req, Requests.target(ChannelType.OPENAI, "gpt-5"), sent, CompletionTextSink.NONE),
                answer.getBytes(StandardCharsets.UTF_8));
        assertThat(run.output()).isEqualTo(answer);
    }

    @Test
    void aChatHostsErrorStaysInOpenAisShape() {
        var error = ConverterHarness.translateError(
                translator, 401, ConverterHarness.fixtureText("dashscope/error-invalid-api-key.doc-example.json"));
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.json().at("/error/code").asText()).isEqualTo("invalid_api_key");
    }
}
