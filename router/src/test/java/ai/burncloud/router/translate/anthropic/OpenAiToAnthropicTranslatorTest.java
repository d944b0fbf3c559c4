package ai.burncloud.router.translate.anthropic;

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
import ai.burncloud.router.translate.ConverterHarness.TranslatedError;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.RecordedStreams;
import ai.burncloud.router.translate.Requests;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenAiToAnthropicTranslatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_750_000_000L), ZoneOffset.UTC);
    private final OpenAiToAnthropicTranslator translator = new OpenAiToAnthropicTranslator(CLOCK);
    private final UpstreamTarget claude = Requests.target(ChannelType.ANTHROPIC, "claude-sonnet-4-5");

    static Stream<Arguments> requestMappings() {
        return Stream.of(
                Arguments.of("system lifted, max_tokens defaulted, stop and sampling mapped", """
                        {"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},
                          {"role":"user","content":"Hi"}],"stop":"END","temperature":0.3,"top_p":0.9}""", """
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"system":"Be brief.",
                         "messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}],
                         "stop_sequences":["END"],"temperature":0.3}"""),
                Arguments.of("consecutive same-role messages merged; temperature clamped to Anthropic's 1.0", """
                        {"model":"gpt-4o","max_completion_tokens":100,"temperature":1.7,"messages":[
                          {"role":"user","content":"a"},{"role":"user","content":"b"},
                          {"role":"assistant","content":"c"},{"role":"developer","content":"d"}]}""", """
                        {"model":"claude-sonnet-4-5","max_tokens":100,"system":"d","temperature":1.0,
                         "messages":[{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]},
                                     {"role":"assistant","content":[{"type":"text","text":"c"}]}]}"""),
                Arguments.of("images: data URL to base64 block, https URL to url block", """
                        {"model":"gpt-4o","max_tokens":10,"messages":[{"role":"user","content":[
                          {"type":"text","text":"what?"},
                          {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
                          {"type":"image_url","image_url":{"url":"https://example.com/cat.jpg","detail":"high"}}]}]}""", """
                        {"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":[
                          {"type":"text","text":"what?"},
                          {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                          {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}}]}]}"""),
                Arguments.of(
                        "tools, tool_choice by name, tool calls and tool results (merged, results first)", """
                        {"model":"gpt-4o","max_tokens":50,"parallel_tool_calls":false,
                         "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather",
                           "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}],
                         "tool_choice":{"type":"function","function":{"name":"get_weather"}},
                         "messages":[{"role":"user","content":"Paris?"},
                          {"role":"assistant","content":null,"tool_calls":[
                            {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                          {"role":"tool","tool_call_id":"call_1","content":"18C"},
                          {"role":"user","content":"thanks"}]}""", """
                        {"model":"claude-sonnet-4-5","max_tokens":50,
                         "messages":[{"role":"user","content":[{"type":"text","text":"Paris?"}]},
                          {"role":"assistant","content":[{"type":"tool_use","id":"call_1","name":"get_weather","input":{"city":"Paris"}}]},
                          {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":[{"type":"text","text":"18C"}]},
                                                    {"type":"text","text":"thanks"}]}],
                         "tools":[{"name":"get_weather","description":"Weather",
                           "input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],
                         "tool_choice":{"type":"tool","name":"get_weather","disable_parallel_tool_use":true}}"""),
                Arguments.of("tool_choice required → any; none → none", """
                        {"model":"m","max_tokens":5,"tool_choice":"required","messages":[{"role":"user","content":"x"}],
                         "tools":[{"type":"function","function":{"name":"f"}}]}""", """
                        {"model":"claude-sonnet-4-5","max_tokens":5,"messages":[{"role":"user","content":[{"type":"text","text":"x"}]}],
                         "tools":[{"name":"f","input_schema":{"type":"object","properties":{}}}],"tool_choice":{"type":"any"}}"""),
                Arguments.of("JSON mode: json_object by instruction, json_schema natively; stream flag kept", """
                        {"model":"m","stream":true,"max_tokens":5,"response_format":{"type":"json_schema",
                          "json_schema":{"name":"ids","schema":{"type":"array","items":{"type":"integer"}}}},
                         "messages":[{"role":"user","content":"ids"}]}""", """
                        {"model":"claude-sonnet-4-5","max_tokens":5,"messages":[{"role":"user","content":[{"type":"text","text":"ids"}]}],
                         "output_config":{"format":{"type":"json_schema","schema":{"type":"array","items":{"type":"integer"}}}},
                         "stream":true}"""),
                Arguments.of("json_object asks by system instruction", """
                        {"model":"m","max_tokens":5,"response_format":{"type":"json_object"},"top_p":0.5,
                         "messages":[{"role":"system","content":"S"},{"role":"user","content":"x"}]}""", """
                        {"model":"claude-sonnet-4-5","max_tokens":5,
                         "system":"S\\n\\nRespond with a single valid JSON object and nothing else.",
                         "messages":[{"role":"user","content":[{"type":"text","text":"x"}]}],"top_p":0.5}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestMappings")
    void mapsRequests(String name, String openAi, String expectedAnthropic) throws Exception {
        UpstreamBody body = translator.toUpstream(Requests.request(Operation.CHAT_COMPLETIONS, openAi), claude, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.ANTHROPIC_MESSAGES);
        assertThat(Requests.body(body)).isEqualTo(Json.parse(expectedAnthropic));
    }

    @Test
    void maxTokensDefaultComesFromChannelConfig() throws Exception {
        UpstreamTarget configured = Requests.target(ChannelType.ANTHROPIC, "claude", "{\"max_tokens\":8192}");
        UpstreamBody body = translator.toUpstream(
                Requests.request(
                        Operation.CHAT_COMPLETIONS,
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                configured,
                ALLOC);
        assertThat(Requests.body(body).get("max_tokens").asLong()).isEqualTo(8192);
    }

    static Stream<Arguments> refusals() {
        String msgs = "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]";
        return Stream.of(
                Arguments.of("{\"model\":\"m\",\"n\":2," + msgs + "}", "\"n\" > 1"),
                Arguments.of("{\"model\":\"m\",\"logprobs\":true," + msgs + "}", "logprobs"),
                Arguments.of("{\"model\":\"m\",\"modalities\":[\"text\",\"audio\"]," + msgs + "}", "audio output"),
                Arguments.of("{\"model\":\"m\",\"functions\":[{\"name\":\"f\"}]," + msgs + "}", "functions"),
                Arguments.of(
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\","
                                + "\"input_audio\":{\"data\":\"AAA\",\"format\":\"wav\"}}]}]}",
                        "audio/wav"),
                Arguments.of(
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":"
                                + "\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"not json\"}}]}]}",
                        "not a JSON object"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWhatWouldChangeMeaning(String openAi, String reason) {
        assertThatThrownBy(() ->
                        translator.toUpstream(Requests.request(Operation.CHAT_COMPLETIONS, openAi), claude, ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void refusesOperationsAnthropicCannotServe() {
        assertThatThrownBy(() -> translator.toUpstream(
                        Requests.request(Operation.EMBEDDINGS, "{\"model\":\"m\",\"input\":\"x\"}"), claude, ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessage("/v1/embeddings is not supported on anthropic channels");
    }

    private Run stream(String fixture, String clientRequest) {
        ClientRequest req = Requests.request(Operation.CHAT_COMPLETIONS, clientRequest);
        UpstreamBody sent = Requests.sent(UpstreamOperation.ANTHROPIC_MESSAGES, true);
        return ConverterHarness.assertSplitInvariant(
                () -> translator.responseConverter(req, claude, sent, CompletionTextSink.NONE),
                ConverterHarness.fixture(fixture));
    }

    private static final String STREAM_REQ =
            "{\"model\":\"claude-alias\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
    private static final String STREAM_REQ_USAGE = "{\"model\":\"claude-alias\",\"stream\":true,"
            + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";

    @Test
    void streamsRecordedClaudeTextAsOpenAiChunksWithCacheAwareUsage() {
        Run run = stream("anthropic/messages-stream.recorded-real.sse", STREAM_REQ_USAGE);
        assertThat(run.contentType()).isEqualTo("text/event-stream");
        List<JsonNode> chunks = run.dataJson();
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(chunks).allSatisfy(c -> assertThat(c.get("id").asText()).isEqualTo("msg_013nnniYDrJDocdy5nrMU7cH"));
        assertThat(chunks.get(0).get("model").asText()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(RecordedStreams.openAiContent(chunks)).isEqualTo("[12345,67890]");
        assertThat(RecordedStreams.openAiFinishReasons(chunks)).containsExactly("stop");
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.get("choices")).isEmpty();
        assertThat(usage.get("usage"))
                .isEqualTo(
                        Json.parse(
                                "{\"prompt_tokens\":135,\"completion_tokens\":10,\"total_tokens\":145,\"prompt_tokens_details\":{\"cached_tokens\":0}}"));
        assertThat(run.output()).endsWith("data: [DONE]\n\n");
        assertThat(run.usage()).isEqualTo(new TokenUsage(135, 10, 0, 0, TokenUsage.UNREPORTED));
        assertThat(run.fault()).isNull();
    }

    @Test
    void streamWithoutIncludeUsageHasNoUsageChunkButStillReportsUsage() {
        Run run = stream("anthropic/messages-stream.basic_response.sse", STREAM_REQ);
        List<JsonNode> chunks = run.dataJson();
        assertThat(chunks).noneMatch(c -> c.has("usage"));
        assertThat(RecordedStreams.openAiContent(chunks)).isEqualTo("Hello there!");
        assertThat(run.usage()).isEqualTo(TokenUsage.of(11, 6));
        assertThat(run.output()).endsWith("data: [DONE]\n\n");
    }

    @Test
    void streamsToolUseAsToolCallDeltas() {
        Run run = stream("anthropic/messages-stream.tool_use_response.sse", STREAM_REQ);
        List<JsonNode> chunks = run.dataJson();
        assertThat(RecordedStreams.openAiContent(chunks)).isEqualTo("I'll check the current weather in Paris for you.");
        List<JsonNode> calls = chunks.stream()
                .filter(c -> c.at("/choices/0/delta/tool_calls").isArray())
                .map(c -> c.at("/choices/0/delta/tool_calls/0"))
                .toList();
        assertThat(calls.get(0).get("id").asText()).isEqualTo("toolu_01NRLabsLyVHZPKxbKvkfSMn");
        assertThat(calls.get(0).at("/function/name").asText()).isEqualTo("get_weather");
        assertThat(calls).allSatisfy(c -> assertThat(c.get("index").asInt()).isZero());
        String args =
                calls.stream().map(c -> c.at("/function/arguments").asText()).reduce("", String::concat);
        assertThat(Json.parse(args)).isEqualTo(Json.parse("{\"location\": \"Paris\"}"));
        assertThat(RecordedStreams.openAiFinishReasons(chunks)).containsExactly("tool_calls");
        assertThat(run.usage().prompt()).isEqualTo(377);
        assertThat(run.usage().completion()).isEqualTo(65);
    }

    @Test
    void errorEventInsideA200BecomesAFaultAndAnOpenAiErrorEvent() {
        Run run = stream("anthropic/messages-stream.error-event.sse", STREAM_REQ);
        assertThat(run.fault().type()).isEqualTo("overloaded_error");
        assertThat(run.fault().message()).isEqualTo("Overloaded");
        List<JsonNode> data = run.dataJson();
        JsonNode error = data.get(data.size() - 1).get("error");
        assertThat(error.get("message").asText()).isEqualTo("Overloaded");
        assertThat(error.get("code").asText()).isEqualTo("overloaded_error");
        assertThat(run.output()).doesNotContain("[DONE]");
    }

    @Test
    void convertsAWholeMessage() {
        String message = """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"text","text":"Let me look."},
                            {"type":"tool_use","id":"toolu_1","name":"lookup","input":{"q":"x"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":20,"cache_creation_input_tokens":5,"cache_read_input_tokens":100,"output_tokens":7}}""";
        ClientRequest req = Requests.request(Operation.CHAT_COMPLETIONS, "{\"model\":\"alias\",\"messages\":[]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.ANTHROPIC_MESSAGES, false);
        Run run = ConverterHarness.assertSplitInvariant(
                () -> translator.responseConverter(req, claude, sent, CompletionTextSink.NONE),
                message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(run.json()).isEqualTo(Json.parse("""
                {"id":"msg_1","object":"chat.completion","created":1750000000,"model":"claude-sonnet-4-5-20250929",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Let me look.",
                   "tool_calls":[{"id":"toolu_1","type":"function","function":{"name":"lookup","arguments":"{\\"q\\":\\"x\\"}"}}]},
                   "logprobs":null,"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":125,"completion_tokens":7,"total_tokens":132,"prompt_tokens_details":{"cached_tokens":100}}}"""));
        assertThat(run.usage()).isEqualTo(new TokenUsage(125, 7, 100, 5, TokenUsage.UNREPORTED));
    }

    @Test
    void translatesTheRecordedRateLimitErrorToOpenAiShape() {
        JsonNode recorded =
                Json.parse(ConverterHarness.fixtureText("anthropic/error-429-rate_limit.recorded-real.json"));
        JsonNode response = recorded.get("response");
        TranslatedError error = ConverterHarness.translateError(
                translator,
                response.get("status_code").asInt(),
                response.get("body").toString());
        assertThat(error.status()).isEqualTo(429);
        JsonNode json = error.json();
        assertThat(json.at("/error/type").asText()).isEqualTo("rate_limit_error");
        assertThat(json.at("/error/code").asText()).isEqualTo("rate_limit_error");
        assertThat(json.at("/error/message").asText())
                .startsWith("This request would exceed your organization's rate limit");
    }

    @Test
    void overloaded529BecomesA503ForOpenAiClients() {
        TranslatedError error = ConverterHarness.translateError(
                translator,
                529,
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.json().at("/error/type").asText()).isEqualTo("server_error");
    }
}
