package ai.burncloud.router.translate.bedrock;

import static ai.burncloud.router.translate.ConverterHarness.ALLOC;
import static org.assertj.core.api.Assertions.assertThat;

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
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamFault;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Anthropic clients reach Claude on Bedrock through InvokeModel with their own body and get Claude's bytes. */
class BedrockInvokeModelTest {
    private final AnthropicToBedrockTranslator translator = new AnthropicToBedrockTranslator();
    private final UpstreamTarget claude =
            Requests.target(ChannelType.BEDROCK, "us.anthropic.claude-sonnet-4-5-20250929-v1:0");

    private static final String CLAUDE_CODE_LIKE = """
            {"model":"claude-sonnet-4-5","max_tokens":32000,"stream":true,
             "system":[{"type":"text","text":"You are Claude Code.","cache_control":{"type":"ephemeral"}}],
             "thinking":{"type":"enabled","budget_tokens":31999},
             "messages":[{"role":"user","content":[{"type":"text","text":"hi","cache_control":{"type":"ephemeral"}}]},
               {"role":"assistant","content":[{"type":"thinking","thinking":"hm","signature":"EqQBsig"},{"type":"text","text":"Hello"}]},
               {"role":"user","content":"again"}]}""";

    @Test
    void theNativeClaudeBodyGoesToInvokeWithBedrocksVersionAndNoModelOrStream() throws Exception {
        UpstreamBody body =
                translator.toUpstream(Requests.request(Operation.MESSAGES, CLAUDE_CODE_LIKE), claude, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.BEDROCK_INVOKE_STREAM);
        assertThat(body.stream()).isTrue();
        JsonNode expected = Json.parse(CLAUDE_CODE_LIKE);
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove(List.of("model", "stream"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("anthropic_version", "bedrock-2023-05-31");
        // thinking with its signature, cache_control: everything arrives as the client sent it
        assertThat(Requests.body(body)).isEqualTo(expected);
    }

    @Test
    void nonStreamingRequestsUseInvokeAndOtherModelsOrConverseConfigUseConverse() throws Exception {
        String whole = "{\"model\":\"c\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        UpstreamBody invoke = translator.toUpstream(Requests.request(Operation.MESSAGES, whole), claude, ALLOC);
        assertThat(invoke.operation()).isEqualTo(UpstreamOperation.BEDROCK_INVOKE);
        Requests.body(invoke);
        UpstreamBody nova = translator.toUpstream(
                Requests.request(Operation.MESSAGES, whole),
                Requests.target(ChannelType.BEDROCK, "amazon.nova-pro-v1:0"),
                ALLOC);
        assertThat(nova.operation()).isEqualTo(UpstreamOperation.BEDROCK_CONVERSE);
        Requests.body(nova);
        UpstreamBody forced = translator.toUpstream(
                Requests.request(Operation.MESSAGES, whole),
                Requests.target(
                        ChannelType.BEDROCK, "anthropic.claude-3-haiku-20240307-v1:0", "{\"api\":\"converse\"}"),
                ALLOC);
        assertThat(forced.operation()).isEqualTo(UpstreamOperation.BEDROCK_CONVERSE);
        assertThat(Requests.body(forced).has("inferenceConfig")).isTrue();
    }

    private ResponseConverter stream() {
        ClientRequest req = Requests.request(Operation.MESSAGES, CLAUDE_CODE_LIKE);
        return translator.responseConverter(
                req, claude, Requests.sent(UpstreamOperation.BEDROCK_INVOKE_STREAM, true), CompletionTextSink.NONE);
    }

    @Test
    void theRecordedStreamReachesTheClientAsClaudesOwnEventsAndIsBilledExactly() {
        Run run = ConverterHarness.assertSplitInvariant(
                this::stream,
                ConverterHarness.fixture("bedrock/invoke-with-response-stream.anthropic.eventstream.bin"));
        assertThat(run.contentType()).isEqualTo("text/event-stream");
        assertThat(run.eventNames())
                .containsExactly(
                        "message_start",
                        "content_block_start",
                        "content_block_delta",
                        "content_block_delta",
                        "content_block_stop",
                        "message_delta",
                        "message_stop");
        List<JsonNode> events = run.dataJson();
        assertThat(events.get(0).at("/message/id").asText()).isEqualTo("msg_bdrk_01");
        assertThat(events.get(2).at("/delta/text").asText()
                        + events.get(3).at("/delta/text").asText())
                .isEqualTo("Hello there!");
        assertThat(events.get(5).at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(run.usage().prompt()).isEqualTo(11);
        assertThat(run.usage().completion()).isEqualTo(6);
        assertThat(run.fault()).isNull();
    }

    @Test
    void invocationMetricsStandInWhenTheEventsCarryNoOutputCount() {
        byte[] stream = EventStreams.concat(
                chunk(
                        "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\","
                                + "\"content\":[],\"usage\":{\"input_tokens\":30}}}"),
                chunk("{\"type\":\"message_stop\",\"amazon-bedrock-invocationMetrics\":"
                        + "{\"inputTokenCount\":30,\"outputTokenCount\":17}}"));
        Run run = ConverterHarness.run(this::stream, stream);
        assertThat(run.usage()).isEqualTo(TokenUsage.of(30, 17));
    }

    @Test
    void aThrottlingFrameMidStreamEndsWithAnAnthropicErrorEvent() {
        byte[] recorded = ConverterHarness.fixture("bedrock/invoke-with-response-stream.anthropic.eventstream.bin");
        byte[] head = Arrays.copyOf(recorded, frameEnd(recorded, 3));
        byte[] stream = EventStreams.concat(head, exception("throttlingException", "Too many tokens, please wait."));
        Run run = ConverterHarness.assertSplitInvariant(this::stream, stream);
        assertThat(run.eventNames()).endsWith("error");
        JsonNode error = run.dataJson().get(run.dataJson().size() - 1);
        assertThat(error.at("/error/type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.at("/error/message").asText()).contains("Too many tokens");
        UpstreamFault fault = run.fault();
        assertThat(fault).isNotNull();
        assertThat(run.output()).doesNotContain("message_stop");
    }

    @Test
    void aTruncatedStreamEndsWithAnErrorNotASilentStop() {
        byte[] recorded = ConverterHarness.fixture("bedrock/invoke-with-response-stream.anthropic.eventstream.bin");
        byte[] cut = Arrays.copyOf(recorded, frameEnd(recorded, 3) + 10);
        Run run = ConverterHarness.run(this::stream, cut);
        assertThat(run.eventNames()).endsWith("error");
        assertThat(run.fault()).isNotNull();
    }

    @Test
    void aWholeAnswerIsClaudesOwnBodyWithItsUsage() {
        // the shape InvokeModel returns for Claude (Bedrock's documented example)
        String body = """
                {"id":"msg_bdrk_01Wq","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"thinking","thinking":"Simple.","signature":"EqQBsig2"},{"type":"text","text":"Hi!"}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":100,"output_tokens":25}}""";
        ClientRequest req = Requests.request(
                Operation.MESSAGES,
                "{\"model\":\"c\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        Run run = ConverterHarness.run(
                () -> translator.responseConverter(
                        req, claude, Requests.sent(UpstreamOperation.BEDROCK_INVOKE, false), CompletionTextSink.NONE),
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(run.json()).isEqualTo(Json.parse(body));
        assertThat(run.usage().completion()).isEqualTo(25);
        assertThat(run.usage().cachedRead()).isEqualTo(100);
        assertThat(run.usage().prompt()).isEqualTo(112);
    }

    private static byte[] chunk(String eventJson) {
        String b64 = Base64.getEncoder().encodeToString(eventJson.getBytes(StandardCharsets.UTF_8));
        return EventStreams.event("chunk", "{\"bytes\":\"" + b64 + "\"}");
    }

    private static byte[] exception(String type, String message) {
        return EventStreams.exception(type, "{\"message\":\"" + message + "\"}");
    }

    /** The offset just after the first {@code frames} frames. */
    private static int frameEnd(byte[] stream, int frames) {
        int at = 0;
        for (int i = 0; i < frames; i++) {
            at += ((stream[at] & 0xff) << 24)
                    | ((stream[at + 1] & 0xff) << 16)
                    | ((stream[at + 2] & 0xff) << 8)
                    | (stream[at + 3] & 0xff);
        }
        return at;
    }
}
