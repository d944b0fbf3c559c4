package ai.burncloud.router.translate.bedrock;

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
import ai.burncloud.router.translate.Requests;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenAiToBedrockTranslatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_750_000_000L), ZoneOffset.UTC);
    private final OpenAiToBedrockTranslator translator = new OpenAiToBedrockTranslator(CLOCK);
    private final UpstreamTarget bedrock = Requests.target(
            ChannelType.BEDROCK, "anthropic.claude-3-5-sonnet-20240620-v1:0", "{\"region\":\"us-east-1\"}");

    static Stream<Arguments> requestMappings() {
        return Stream.of(
                Arguments.of("system, merged turns, inference config", """
                        {"model":"m","messages":[{"role":"system","content":"Sys"},{"role":"user","content":"a"},
                          {"role":"user","content":"b"}],"max_tokens":100,"temperature":0.4,"top_p":0.7,"stop":"##"}""", """
                        {"messages":[{"role":"user","content":[{"text":"a"},{"text":"b"}]}],"system":[{"text":"Sys"}],
                         "inferenceConfig":{"maxTokens":100,"temperature":0.4,"topP":0.7,"stopSequences":["##"]}}"""),
                Arguments.of("images as bytes, PDFs as documents", """
                        {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"read"},
                          {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/"}},
                          {"type":"file","file":{"filename":"a.pdf","file_data":"data:application/pdf;base64,JVBERi0"}}]}]}""", """
                        {"messages":[{"role":"user","content":[{"text":"read"},
                          {"image":{"format":"jpeg","source":{"bytes":"/9j/"}}},
                          {"document":{"format":"pdf","name":"document 1","source":{"bytes":"JVBERi0"}}}]}]}"""),
                Arguments.of("tools, required choice, tool use and JSON tool results", """
                        {"model":"m","tool_choice":"required",
                         "tools":[{"type":"function","function":{"name":"lookup","parameters":{"type":"object"}}}],
                         "messages":[{"role":"user","content":"q"},
                           {"role":"assistant","content":"","tool_calls":[{"id":"t1","type":"function",
                              "function":{"name":"lookup","arguments":"{\\"q\\":\\"x\\"}"}}]},
                           {"role":"tool","tool_call_id":"t1","content":"{\\"hits\\":3}"},
                           {"role":"tool","tool_call_id":"t1","content":"plain"}]}""", """
                        {"messages":[{"role":"user","content":[{"text":"q"}]},
                          {"role":"assistant","content":[{"toolUse":{"toolUseId":"t1","name":"lookup","input":{"q":"x"}}}]},
                          {"role":"user","content":[{"toolResult":{"toolUseId":"t1","content":[{"json":{"hits":3}}]}},
                                                    {"toolResult":{"toolUseId":"t1","content":[{"text":"plain"}]}}]}],
                         "toolConfig":{"tools":[{"toolSpec":{"name":"lookup","inputSchema":{"json":{"type":"object"}}}}],
                           "toolChoice":{"any":{}}}}"""),
                Arguments.of(
                        "tool_choice none without tool history: tools are not offered; JSON mode by instruction",
                        """
                        {"model":"m","tool_choice":"none","response_format":{"type":"json_object"},
                         "tools":[{"type":"function","function":{"name":"f"}}],"messages":[{"role":"user","content":"x"}]}""",
                        """
                        {"messages":[{"role":"user","content":[{"text":"x"}]}],
                         "system":[{"text":"Respond with a single valid JSON object and nothing else."}]}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestMappings")
    void mapsRequests(String name, String openAi, String expectedConverse) throws Exception {
        UpstreamBody body = translator.toUpstream(Requests.request(Operation.CHAT_COMPLETIONS, openAi), bedrock, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.BEDROCK_CONVERSE);
        assertThat(Requests.body(body)).isEqualTo(Json.parse(expectedConverse));
    }

    @Test
    void refusesImagesByHttpsUrl() {
        String req = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"https://example.com/a.png\"}}]}]}";
        assertThatThrownBy(
                        () -> translator.toUpstream(Requests.request(Operation.CHAT_COMPLETIONS, req), bedrock, ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("cannot fetch media by URL");
    }

    private ResponseConverter converter(boolean stream) {
        ClientRequest req = Requests.request(
                Operation.CHAT_COMPLETIONS,
                "{\"model\":\"claude-on-bedrock\",\"stream\":" + stream
                        + ",\"stream_options\":{\"include_usage\":true},\"messages\":[]}");
        UpstreamOperation op = stream ? UpstreamOperation.BEDROCK_CONVERSE_STREAM : UpstreamOperation.BEDROCK_CONVERSE;
        return translator.responseConverter(req, bedrock, Requests.sent(op, stream), CompletionTextSink.NONE);
    }

    @Test
    void streamsTheConverseFixtureWithUsageFromMetadata() {
        Run run = ConverterHarness.assertSplitInvariant(
                () -> converter(true), ConverterHarness.fixture("bedrock/converse-stream.text.eventstream.bin"));
        List<JsonNode> chunks = run.dataJson();
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
        assertThat(text.toString()).isEqualTo("Hello there!");
        assertThat(chunks.get(0).get("model").asText()).isEqualTo("claude-on-bedrock");
        assertThat(chunks.get(0).get("id").asText()).isEqualTo("chatcmpl-<id>");
        assertThat(chunks.get(chunks.size() - 1).get("usage"))
                .isEqualTo(Json.parse("{\"prompt_tokens\":11,\"completion_tokens\":6,\"total_tokens\":17}"));
        assertThat(run.output()).endsWith("data: [DONE]\n\n");
        assertThat(run.usage()).isEqualTo(TokenUsage.of(11, 6));
    }

    @Test
    void aThrottlingFrameAfter200IsAFaultAndAnOpenAiErrorEvent() {
        Run run = ConverterHarness.assertSplitInvariant(
                () -> converter(true),
                ConverterHarness.fixture("bedrock/converse-stream.throttling-midstream.eventstream.bin"));
        assertThat(run.fault().type()).isEqualTo("throttlingException");
        assertThat(run.fault().message()).isEqualTo("Too many requests, please wait before trying again.");
        List<JsonNode> data = run.dataJson();
        assertThat(data.get(data.size() - 1)).isEqualTo(Json.parse("""
                {"error":{"message":"Too many requests, please wait before trying again.","type":"rate_limit_error",
                  "param":null,"code":"throttlingException"}}"""));
        StringBuilder text = new StringBuilder();
        data.forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
        assertThat(text.toString()).isEqualTo("Hello");
        assertThat(run.output()).doesNotContain("[DONE]");
    }

    @Test
    void toolUseAndCacheWritesStream() {
        Run run = ConverterHarness.assertSplitInvariant(() -> converter(true), EventStreams.toolUseStream());
        List<JsonNode> chunks = run.dataJson();
        JsonNode start = chunks.stream()
                .map(c -> c.at("/choices/0/delta/tool_calls/0"))
                .filter(c -> c.has("id"))
                .findFirst()
                .orElseThrow();
        assertThat(start.get("id").asText()).isEqualTo("tooluse_abc");
        assertThat(start.at("/function/name").asText()).isEqualTo("lookup");
        String args = chunks.stream()
                .map(c ->
                        c.at("/choices/0/delta/tool_calls/0/function/arguments").asText(""))
                .reduce("", String::concat);
        assertThat(Json.parse(args)).isEqualTo(Json.parse("{\"q\":\"x\"}"));
        assertThat(chunks.stream()
                        .map(c -> c.at("/choices/0/finish_reason").asText(null))
                        .filter(r -> r != null))
                .containsExactly("tool_calls");
        // inputTokens (11) leaves out the 1,584 tokens written to the cache: the prompt is 1,595
        assertThat(run.usage()).isEqualTo(new TokenUsage(1595, 254, 0, 1584, TokenUsage.UNREPORTED));
    }

    @Test
    void aCorruptFrameEndsTheStreamVisibly() {
        byte[] bytes = ConverterHarness.fixture("bedrock/converse-stream.text.eventstream.bin");
        bytes[0x110] ^= 0x20; // inside the first text delta's payload
        Run run = ConverterHarness.runByteByByte(() -> converter(true), bytes);
        assertThat(run.fault().type()).isEqualTo("eventStreamCorrupted");
        List<JsonNode> data = run.dataJson();
        assertThat(data.get(data.size() - 1).at("/error/message").asText()).contains("CRC");
    }

    @Test
    void aStreamCutInsideAFrameIsReportedNotSilentlyEnded() {
        byte[] bytes = ConverterHarness.fixture("bedrock/converse-stream.text.eventstream.bin");
        Run run = ConverterHarness.run(() -> converter(true), Arrays.copyOf(bytes, 0x300));
        assertThat(run.fault().type()).isEqualTo("eventStreamTruncated");
        assertThat(run.output()).doesNotContain("[DONE]");
    }

    @Test
    void convertsAWholeConverseAnswer() {
        String body = """
                {"output":{"message":{"role":"assistant","content":[{"reasoningContent":{"reasoningText":{"text":"hm","signature":"s"}}},
                  {"text":"Sure."},{"toolUse":{"toolUseId":"tu1","name":"f","input":{"a":1}}}]}},
                 "stopReason":"tool_use","usage":{"inputTokens":20,"outputTokens":9,"totalTokens":29},"metrics":{"latencyMs":5}}""";
        Run run = ConverterHarness.assertSplitInvariant(() -> converter(false), body.getBytes(StandardCharsets.UTF_8));
        JsonNode json = run.json();
        assertThat(json.at("/choices/0/message/content").asText()).isEqualTo("Sure.");
        assertThat(json.at("/choices/0/message/reasoning_content").asText()).isEqualTo("hm");
        assertThat(json.at("/choices/0/message/tool_calls/0/id").asText()).isEqualTo("tu1");
        assertThat(json.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(json.get("model").asText()).isEqualTo("claude-on-bedrock");
        assertThat(run.usage()).isEqualTo(TokenUsage.of(20, 9));
    }

    @Test
    void awsErrorBodiesBecomeOpenAiErrors() {
        TranslatedError error = ConverterHarness.translateError(
                translator, 403, "{\"message\":\"The security token included in the request is invalid.\"}");
        assertThat(error.status()).isEqualTo(403);
        assertThat(error.json().at("/error/message").asText())
                .isEqualTo("The security token included in the request is invalid.");
    }
}
