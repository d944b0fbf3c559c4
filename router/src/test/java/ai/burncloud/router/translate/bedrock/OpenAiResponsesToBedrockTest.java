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
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.Requests;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.ResponsesStreams;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenAI Responses client ({@code /v1/responses}) → Bedrock channel (Converse), converted through chat. */
class OpenAiResponsesToBedrockTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_750_000_000L), ZoneOffset.UTC);
    private final OpenAiToBedrockTranslator translator = new OpenAiToBedrockTranslator(CLOCK);
    private final UpstreamTarget bedrock =
            Requests.target(ChannelType.BEDROCK, "anthropic.claude-3-5-sonnet-20241022-v2:0");

    @Test
    void mapsInstructionsToolsAndAFunctionCallRoundTripToConverse() throws Exception {
        UpstreamBody body = translator.toUpstream(Requests.request(Operation.RESPONSES, """
                        {"model":"m","instructions":"Sys","max_output_tokens":100,"temperature":0.4,
                         "tools":[{"type":"function","name":"lookup","parameters":{"type":"object"}}],
                         "input":[{"role":"user","content":[{"type":"input_text","text":"q"}]},
                          {"type":"function_call","call_id":"t1","name":"lookup","arguments":"{\\"q\\":\\"x\\"}"},
                          {"type":"function_call_output","call_id":"t1","output":"{\\"hits\\":3}"}]}"""), bedrock, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.BEDROCK_CONVERSE);
        assertThat(Requests.body(body)).isEqualTo(Json.parse("""
                {"messages":[{"role":"user","content":[{"text":"q"}]},
                  {"role":"assistant","content":[{"toolUse":{"toolUseId":"t1","name":"lookup","input":{"q":"x"}}}]},
                  {"role":"user","content":[{"toolResult":{"toolUseId":"t1","content":[{"json":{"hits":3}}]}}]}],
                 "system":[{"text":"Sys"}],
                 "inferenceConfig":{"maxTokens":100,"temperature":0.4},
                 "toolConfig":{"tools":[{"toolSpec":{"name":"lookup","inputSchema":{"json":{"type":"object"}}}}]}}"""));
    }

    @Test
    void refusesPreviousResponseId() {
        assertThatThrownBy(() -> translator.toUpstream(
                        Requests.request(
                                Operation.RESPONSES,
                                "{\"model\":\"m\",\"previous_response_id\":\"resp_x\",\"input\":\"x\"}"),
                        bedrock,
                        ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessageStartingWith("\"previous_response_id\" is not supported on bedrock channels");
    }

    private ResponseConverter converter() {
        ClientRequest req = Requests.request(
                Operation.RESPONSES, "{\"model\":\"claude-on-bedrock\",\"stream\":true,\"input\":\"x\"}");
        return translator.responseConverter(
                req, bedrock, Requests.sent(UpstreamOperation.BEDROCK_CONVERSE_STREAM, true), CompletionTextSink.NONE);
    }

    @Test
    void streamsTheConverseFixtureWithUsageFromMetadata() {
        Run run = ConverterHarness.assertSplitInvariant(
                this::converter, ConverterHarness.fixture("bedrock/converse-stream.text.eventstream.bin"));
        List<JsonNode> events = run.dataJson();
        assertThat(ResponsesStreams.text(events)).isEqualTo("Hello there!");
        JsonNode completed = ResponsesStreams.only(events, "response.completed").get("response");
        assertThat(completed.get("model").asText()).isEqualTo("claude-on-bedrock");
        assertThat(completed.at("/usage/input_tokens").asLong()).isEqualTo(11);
        assertThat(completed.at("/usage/output_tokens").asLong()).isEqualTo(6);
        assertThat(run.usage()).isEqualTo(TokenUsage.of(11, 6));
    }

    @Test
    void aThrottlingFrameAfter200EndsTheStreamWithResponseFailed() {
        Run run = ConverterHarness.assertSplitInvariant(
                this::converter,
                ConverterHarness.fixture("bedrock/converse-stream.throttling-midstream.eventstream.bin"));
        assertThat(run.fault().type()).isEqualTo("throttlingException");
        List<JsonNode> events = run.dataJson();
        assertThat(ResponsesStreams.text(events)).isEqualTo("Hello");
        JsonNode failed = events.get(events.size() - 1);
        assertThat(failed.get("type").asText()).isEqualTo("response.failed");
        assertThat(failed.at("/response/error/code").asText()).isEqualTo("throttlingException");
        // the message cut short is not reported as a finished output item
        assertThat(failed.at("/response/output")).isEmpty();
    }

    @Test
    void streamsToolUseWithCacheWritesInTheBilledInputCount() {
        Run run = ConverterHarness.assertSplitInvariant(this::converter, EventStreams.toolUseStream());
        List<JsonNode> events = run.dataJson();
        JsonNode item = ResponsesStreams.only(events, "response.function_call_arguments.done");
        assertThat(item.get("name").asText()).isEqualTo("lookup");
        assertThat(Json.parse(item.get("arguments").asText())).isEqualTo(Json.parse("{\"q\":\"x\"}"));
        JsonNode completed = ResponsesStreams.only(events, "response.completed").get("response");
        assertThat(completed.at("/output/0/content/0/text").asText()).isEqualTo("Checking.");
        assertThat(completed.at("/output/1/call_id").asText()).isEqualTo("tooluse_abc");
        assertThat(completed.at("/usage/input_tokens").asLong()).isEqualTo(1595);
        assertThat(completed.at("/usage/output_tokens").asLong()).isEqualTo(254);
        assertThat(run.usage()).isEqualTo(new TokenUsage(1595, 254, 0, 1584, TokenUsage.UNREPORTED));
    }
}
