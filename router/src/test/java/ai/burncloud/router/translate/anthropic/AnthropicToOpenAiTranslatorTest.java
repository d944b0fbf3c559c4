package ai.burncloud.router.translate.anthropic;

import static ai.burncloud.router.translate.ConverterHarness.ALLOC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.ConverterHarness;
import ai.burncloud.router.translate.ConverterHarness.Run;
import ai.burncloud.router.translate.ConverterHarness.TranslatedError;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.RecordedStreams;
import ai.burncloud.router.translate.Requests;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnthropicToOpenAiTranslatorTest {
    private final AnthropicToOpenAiTranslator translator = new AnthropicToOpenAiTranslator();
    private final UpstreamTarget openai = Requests.target(ChannelType.OPENAI, "gpt-4o");

    static Stream<Arguments> requestMappings() {
        return Stream.of(
                Arguments.of(
                        "a Claude Code-like request: system blocks with cache_control, tools, thinking dropped",
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":32000,"stream":true,
                         "system":[{"type":"text","text":"You are Claude Code.","cache_control":{"type":"ephemeral"}},
                                   {"type":"text","text":"Be concise."}],
                         "thinking":{"type":"enabled","budget_tokens":1024},
                         "metadata":{"user_id":"u-1"},
                         "tools":[{"name":"Read","description":"Read a file","input_schema":{"type":"object",
                            "properties":{"path":{"type":"string"}},"required":["path"]}}],
                         "messages":[{"role":"user","content":[{"type":"text","text":"read a.txt","cache_control":{"type":"ephemeral"}}]},
                           {"role":"assistant","content":[{"type":"thinking","thinking":"hmm","signature":"sig"},
                              {"type":"text","text":"Reading."},
                              {"type":"tool_use","id":"toolu_1","name":"Read","input":{"path":"a.txt"}}]},
                           {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"hello"},
                              {"type":"text","text":"summarise"}]}]}""",
                        """
                        {"model":"gpt-4o","messages":[
                           {"role":"system","content":"You are Claude Code."},
                           {"role":"system","content":"Be concise."},
                           {"role":"user","content":"read a.txt"},
                           {"role":"assistant","content":"Reading.","tool_calls":[{"id":"toolu_1","type":"function",
                              "function":{"name":"Read","arguments":"{\\"path\\":\\"a.txt\\"}"}}]},
                           {"role":"tool","tool_call_id":"toolu_1","content":"hello"},
                           {"role":"user","content":"summarise"}],
                         "tools":[{"type":"function","function":{"name":"Read","description":"Read a file",
                            "parameters":{"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}}}],
                         "max_tokens":32000,"user":"u-1","stream":true,"stream_options":{"include_usage":true}}"""),
                Arguments.of(
                        "Claude Code 2.1: a system message mid-conversation joins the system instruction;"
                                + " its 150-character metadata.user_id becomes a 64-character hash",
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":100,
                         "system":"You are Claude Code.",
                         "metadata":{"user_id":"{\\"device_id\\":\\"6f3c1a0e9b7d4e2f8a5c3b1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f\\",\\"account_uuid\\":\\"\\",\\"session_id\\":\\"0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0\\"}"},
                         "messages":[{"role":"user","content":"hi"},
                           {"role":"assistant","content":"Hello."},
                           {"role":"system","content":[{"type":"text","text":"The user switched to plan mode."}]},
                           {"role":"user","content":"plan it"}]}""",
                        """
                        {"model":"gpt-4o","messages":[
                           {"role":"system","content":"You are Claude Code."},
                           {"role":"system","content":"The user switched to plan mode."},
                           {"role":"user","content":"hi"},
                           {"role":"assistant","content":"Hello."},
                           {"role":"user","content":"plan it"}],
                         "max_tokens":100,
                         "user":"1dcccd4a44fb2b938096b02e61ed7b2681d67bbceaa80176b515a08378f544c3"}"""),
                Arguments.of(
                        "images (base64 and url), stop sequences, sampling, tool_choice any without parallel",
                        """
                        {"model":"claude","max_tokens":10,"stop_sequences":["###"],"temperature":0.5,"top_p":0.8,"top_k":40,
                         "tool_choice":{"type":"any","disable_parallel_tool_use":true},
                         "tools":[{"name":"f","input_schema":{"type":"object"}}],
                         "messages":[{"role":"user","content":[
                            {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQ"}},
                            {"type":"image","source":{"type":"url","url":"https://example.com/a.png"}},
                            {"type":"text","text":"describe"}]}]}""",
                        """
                        {"model":"gpt-4o","messages":[{"role":"user","content":[
                            {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"}},
                            {"type":"image_url","image_url":{"url":"https://example.com/a.png"}},
                            {"type":"text","text":"describe"}]}],
                         "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],
                         "tool_choice":"required","parallel_tool_calls":false,
                         "stop":["###"],"temperature":0.5,"top_p":0.8,"max_tokens":10}"""),
                Arguments.of(
                        "tool result images follow the tool message as user content; structured output → json_schema",
                        """
                        {"model":"claude","max_tokens":10,"output_config":{"format":{"type":"json_schema","schema":{"type":"object"}}},
                         "messages":[{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"shot","input":{}}]},
                           {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[
                              {"type":"text","text":"done"},
                              {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBO"}}]}]}]}""",
                        """
                        {"model":"gpt-4o","messages":[
                           {"role":"assistant","content":null,"tool_calls":[{"id":"t1","type":"function","function":{"name":"shot","arguments":"{}"}}]},
                           {"role":"tool","tool_call_id":"t1","content":"done"},
                           {"role":"user","content":[{"type":"text","text":"Images returned by tool call t1:"},
                              {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBO"}}]}],
                         "response_format":{"type":"json_schema","json_schema":{"name":"response","schema":{"type":"object"}}},
                         "max_tokens":10}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestMappings")
    void mapsRequests(String name, String anthropic, String expectedOpenAi) throws Exception {
        UpstreamBody body = translator.toUpstream(Requests.request(Operation.MESSAGES, anthropic), openai, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.OPENAI_CHAT_COMPLETIONS);
        assertThat(Requests.body(body)).isEqualTo(Json.parse(expectedOpenAi));
    }

    @Test
    void maxCompletionTokensFieldCanBeChosenPerChannel() throws Exception {
        UpstreamTarget o1 =
                Requests.target(ChannelType.OPENAI, "o1", "{\"max_tokens_field\":\"max_completion_tokens\"}");
        UpstreamBody body = translator.toUpstream(
                Requests.request(
                        Operation.MESSAGES,
                        "{\"model\":\"c\",\"max_tokens\":9,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                o1,
                ALLOC);
        JsonNode json = Requests.body(body);
        assertThat(json.get("max_completion_tokens").asInt()).isEqualTo(9);
        assertThat(json.has("max_tokens")).isFalse();
    }

    @Test
    void refusesServerToolsAndMcp() {
        String webSearch =
                "{\"model\":\"c\",\"max_tokens\":5,\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}],"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        assertThatThrownBy(() -> translator.toUpstream(Requests.request(Operation.MESSAGES, webSearch), openai, ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("web_search_20250305")
                .hasMessageContaining("openai channels");
        String mcp =
                "{\"model\":\"c\",\"max_tokens\":5,\"mcp_servers\":[{}],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        assertThatThrownBy(() -> translator.toUpstream(Requests.request(Operation.MESSAGES, mcp), openai, ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("mcp_servers");
        // the SDK's toolRunner on the message-threads beta: only the tool result is sent
        String thread = "{\"model\":\"c\",\"max_tokens\":5,\"thread\":{\"type\":\"continue\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"toolu_1\",\"content\":\"42\"}]}]}";
        assertThatThrownBy(() -> translator.toUpstream(Requests.request(Operation.MESSAGES, thread), openai, ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("\"thread\"")
                .hasMessageContaining("anthropic channels");
    }

    @Test
    void countTokensIsAnsweredLocally() throws Exception {
        UpstreamBody body = translator.toUpstream(
                Requests.request(
                        Operation.COUNT_TOKENS,
                        "{\"model\":\"c\",\"system\":\"You are terse.\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello, world\"}]}"),
                openai,
                ALLOC);
        assertThat(body.isLocal()).isTrue();
        JsonNode answer = Requests.body(body);
        // o200k: "You are terse." = 4 tokens, "Hello, world" = 3 tokens
        assertThat(answer).isEqualTo(Json.parse("{\"input_tokens\":7}"));
    }

    private Run stream(String fixture) {
        ClientRequest req = Requests.request(
                Operation.MESSAGES,
                "{\"model\":\"claude-via-openai\",\"max_tokens\":100,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.OPENAI_CHAT_COMPLETIONS, true);
        return ConverterHarness.assertSplitInvariant(
                () -> translator.responseConverter(req, openai, sent, CompletionTextSink.NONE),
                ConverterHarness.fixture(fixture));
    }

    @Test
    void streamsOpenAiTextAsAnthropicEventsWithUsageInMessageDelta() {
        String fixture = "openai/chat-stream-include-usage.weather-sf.sse";
        Run run = stream(fixture);
        assertThat(run.eventNames().get(0)).isEqualTo("message_start");
        assertThat(run.eventNames()).endsWith("content_block_stop", "message_delta", "message_stop");
        assertThat(run.eventNames()).containsOnlyOnce("content_block_start");
        List<JsonNode> events = run.dataJson();
        assertThat(events.get(0).at("/message/id").asText()).isEqualTo("chatcmpl-ABfw031mOJeYCSHe4yI2ZjOA6kMJL");
        assertThat(events.get(0).at("/message/model").asText()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(text(events)).isEqualTo(RecordedStreams.openAiText(fixture));
        JsonNode delta = events.get(events.size() - 2);
        assertThat(delta.at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(delta.at("/usage/input_tokens").asInt()).isEqualTo(14);
        assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(30);
        assertThat(run.usage()).isEqualTo(new TokenUsage(14, 30, TokenUsage.UNREPORTED, TokenUsage.UNREPORTED, 0));
    }

    @Test
    void streamsToolCallArgumentsAsInputJsonDeltas() {
        Run run = stream("openai/chat-stream-include-usage.tool-call.sse");
        List<JsonNode> events = run.dataJson();
        List<JsonNode> starts = events.stream()
                .filter(e -> "content_block_start".equals(e.path("type").asText()))
                .toList();
        assertThat(starts).isNotEmpty();
        JsonNode first = starts.get(0).get("content_block");
        assertThat(first.get("type").asText()).isEqualTo("tool_use");
        assertThat(first.get("id").asText()).isEqualTo("call_CTf1nWJLqSeRgDqaCG27xZ74");
        assertThat(first.get("name").asText()).isEqualTo("get_weather");
        StringBuilder args = new StringBuilder();
        events.stream()
                .filter(e -> "input_json_delta".equals(e.at("/delta/type").asText())
                        && e.get("index").asInt() == 0)
                .forEach(e -> args.append(e.at("/delta/partial_json").asText()));
        assertThat(Json.parse(args.toString()).get("city").asText()).isEqualTo("San Francisco");
        assertThat(events.get(events.size() - 2).at("/delta/stop_reason").asText())
                .isEqualTo("tool_use");
        assertThat(run.usage().prompt()).isEqualTo(48);
        assertThat(run.usage().completion()).isEqualTo(19);
    }

    @Test
    void azureStreamStartsWithAFilterChunkThatIsNeitherAnErrorNorTheEnd() {
        String fixture = "azure/chat-stream.recorded-real.sse";
        Run run = stream(fixture);
        assertThat(run.fault()).isNull();
        List<JsonNode> events = run.dataJson();
        assertThat(events.get(0).at("/message/id").asText()).isEqualTo("chatcmpl-BleatwEUn3D8iXsgXpDqeOPEMuW3j");
        assertThat(text(events)).isEqualTo("Hallo Welt!");
        assertThat(run.eventNames()).endsWith("message_delta", "message_stop");
        // Azure sent no usage chunk: nothing is invented, the pipeline estimates
        assertThat(run.usage()).isEqualTo(TokenUsage.NONE);
    }

    @Test
    void dashScopeNullUsageUntilTheFinalChunk() {
        String fixture = "dashscope/compatible-mode-chat-stream-include-usage.doc-example.sse";
        Run run = stream(fixture);
        assertThat(text(run.dataJson())).isEqualTo(RecordedStreams.openAiText(fixture));
        assertThat(run.usage()).isEqualTo(TokenUsage.of(1276, 79));
        JsonNode delta = run.dataJson().get(run.dataJson().size() - 2);
        assertThat(delta.at("/usage/input_tokens").asInt()).isEqualTo(1276);
        assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(79);
    }

    @Test
    void completionTextReachesTheSinkForLocalCounting() {
        StringBuilder seen = new StringBuilder();
        ClientRequest req = Requests.request(
                Operation.MESSAGES, "{\"model\":\"c\",\"max_tokens\":5,\"stream\":true,\"messages\":[]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.OPENAI_CHAT_COMPLETIONS, true);
        ConverterHarness.run(
                () -> translator.responseConverter(req, openai, sent, seen::append),
                ConverterHarness.fixture("azure/chat-stream.recorded-real.sse"));
        assertThat(seen.toString()).isEqualTo("Hallo Welt!");
    }

    @Test
    void anUpstreamBreakMidStreamEndsWithAnAnthropicErrorEvent() {
        byte[] all = ConverterHarness.fixture("openai/chat-stream-include-usage.weather-sf.sse");
        byte[] head = java.util.Arrays.copyOf(all, 1200);
        ClientRequest req = Requests.request(
                Operation.MESSAGES, "{\"model\":\"c\",\"max_tokens\":5,\"stream\":true,\"messages\":[]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.OPENAI_CHAT_COMPLETIONS, true);
        Run run = ConverterHarness.runThenFail(
                () -> translator.responseConverter(req, openai, sent, CompletionTextSink.NONE),
                head,
                GatewayError.UPSTREAM_ERROR,
                "upstream connection reset");
        assertThat(run.eventNames()).startsWith("message_start").endsWith("error");
        JsonNode error = run.dataJson().get(run.dataJson().size() - 1);
        assertThat(error)
                .isEqualTo(
                        Json.parse(
                                "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"upstream connection reset\"}}"));
        assertThat(run.eventNames()).doesNotContain("message_stop");
    }

    @Test
    void convertsAWholeCompletion() {
        String completion = """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"qwen-plus",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hi!","reasoning_content":"think"},
                   "finish_reason":"length"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,"prompt_tokens_details":{"cached_tokens":8}}}""";
        ClientRequest req =
                Requests.request(Operation.MESSAGES, "{\"model\":\"alias\",\"max_tokens\":3,\"messages\":[]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.OPENAI_CHAT_COMPLETIONS, false);
        Run run = ConverterHarness.assertSplitInvariant(
                () -> translator.responseConverter(req, openai, sent, CompletionTextSink.NONE),
                completion.getBytes(StandardCharsets.UTF_8));
        assertThat(run.json()).isEqualTo(Json.parse("""
                {"id":"chatcmpl-1","type":"message","role":"assistant","model":"qwen-plus",
                 "content":[{"type":"thinking","thinking":"think","signature":""},{"type":"text","text":"Hi!","citations":null}],
                 "stop_reason":"max_tokens","stop_sequence":null,"stop_details":null,"container":null,
                 "usage":{"input_tokens":4,"output_tokens":3,"cache_creation_input_tokens":null,
                          "cache_read_input_tokens":8,"server_tool_use":null}}"""));
    }

    @Test
    void aHostThatSaysStopAfterToolCallsStillYieldsToolUse() {
        // vLLM- and Ollama-style hosts finish tool calls with "stop"; Anthropic clients only run tools on tool_use
        String completion = """
                {"id":"c","model":"llama","choices":[{"index":0,"message":{"role":"assistant","content":null,
                  "tool_calls":[{"id":"call_1","type":"function","function":{"name":"ls","arguments":"{}"}}]},
                  "finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":5,"total_tokens":10}}""";
        ClientRequest req = Requests.request(Operation.MESSAGES, "{\"model\":\"a\",\"max_tokens\":3,\"messages\":[]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.OPENAI_CHAT_COMPLETIONS, false);
        Run run = ConverterHarness.run(
                () -> translator.responseConverter(req, openai, sent, CompletionTextSink.NONE),
                completion.getBytes(StandardCharsets.UTF_8));
        assertThat(run.json().get("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(run.json().at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(run.json().at("/content/0/input")).isEqualTo(Json.object());
    }

    @Test
    void errorsComeBackInAnthropicShape() {
        TranslatedError error = ConverterHarness.translateError(
                translator, 401, ConverterHarness.fixtureText("dashscope/error-invalid-api-key.doc-example.json"));
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.json())
                .isEqualTo(
                        Json.parse(
                                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"Incorrect API key provided. \"}}"));
    }

    @Test
    void aNonJsonErrorBodyIsQuotedNotLost() {
        TranslatedError error = ConverterHarness.translateError(translator, 502, "<html>502 Bad Gateway</html>");
        assertThat(error.json().at("/error/message").asText())
                .isEqualTo("upstream returned HTTP 502: <html>502 Bad Gateway</html>");
    }

    static String text(List<JsonNode> events) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : events) {
            if ("text_delta".equals(e.at("/delta/type").asText())) {
                sb.append(e.at("/delta/text").asText());
            }
        }
        return sb.toString();
    }
}
