package ai.burncloud.router.translate.anthropic;

import static ai.burncloud.router.translate.ConverterHarness.ALLOC;
import static org.assertj.core.api.Assertions.assertThat;

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
import ai.burncloud.router.translate.Requests;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnthropicPassthroughTranslatorTest {
    private static final String REQUEST =
            "{\"model\":\"claude-sonnet-4-5\",  \"max_tokens\":1024,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private final AnthropicPassthroughTranslator translator = new AnthropicPassthroughTranslator();
    private final UpstreamTarget claude = Requests.target(ChannelType.ANTHROPIC, "claude-sonnet-4-5");

    @Test
    void forwardsTheClientsBytesUntouchedWhenTheModelIsNotMapped() throws Exception {
        ClientRequest req = Requests.request(Operation.MESSAGES, REQUEST);
        UpstreamBody body = translator.toUpstream(req, claude, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.ANTHROPIC_MESSAGES);
        assertThat(body.stream()).isTrue();
        assertThat(ConverterHarness.text(body.body())).isEqualTo(REQUEST);
    }

    @Test
    void patchesOnlyTheModelWhenMapped() throws Exception {
        ClientRequest req = Requests.request(Operation.MESSAGES, REQUEST);
        UpstreamBody body =
                translator.toUpstream(req, Requests.mapped(ChannelType.ANTHROPIC, "claude-opus-4-1"), ALLOC);
        JsonNode expected = Json.parse(REQUEST);
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("model", "claude-opus-4-1");
        assertThat(Requests.body(body)).isEqualTo(expected);
    }

    @Test
    void countTokensGoesToAnthropicsEndpoint() throws Exception {
        ClientRequest req = Requests.request(
                Operation.COUNT_TOKENS, "{\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        UpstreamBody body = translator.toUpstream(req, claude, ALLOC);
        body.body().release();
        assertThat(body.operation()).isEqualTo(UpstreamOperation.ANTHROPIC_COUNT_TOKENS);
        assertThat(body.stream()).isFalse();
    }

    static Stream<Arguments> recordedStreams() {
        return Stream.of(
                Arguments.of("anthropic/messages-stream.recorded-real.sse", new TokenUsage(135, 10, 0, 0, -1)),
                Arguments.of("anthropic/messages-stream.tool_use_response.sse", new TokenUsage(377, 65, 0, 0, -1)),
                Arguments.of("anthropic/messages-stream.basic_response.sse", TokenUsage.of(11, 6)));
    }

    @ParameterizedTest
    @MethodSource("recordedStreams")
    void forwardsStreamBytesAndReadsUsageIncludingCacheTokens(String fixture, TokenUsage expected) {
        byte[] bytes = ConverterHarness.fixture(fixture);
        Run run = ConverterHarness.assertSplitInvariant(() -> converter(true, CompletionTextSink.NONE), bytes);
        String upstream = new String(bytes, StandardCharsets.UTF_8);
        // byte-identical, except that a last event missing its blank line gets one (clients drop it otherwise)
        String expectedOut = upstream.endsWith("\n\n") ? upstream : upstream + "\n\n";
        assertThat(run.output()).isEqualTo(expectedOut);
        assertThat(run.usage()).isEqualTo(expected);
        assertThat(run.fault()).isNull();
    }

    @Test
    void errorEventIsForwardedAndReportedAsAFault() {
        byte[] bytes = ConverterHarness.fixture("anthropic/messages-stream.error-event.sse");
        Run run = ConverterHarness.assertSplitInvariant(() -> converter(true, CompletionTextSink.NONE), bytes);
        assertThat(run.output()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        assertThat(run.fault().type()).isEqualTo("overloaded_error");
    }

    @Test
    void aStreamCutBeforeMessageDeltaReportsNoOutputCountButFeedsTheText() {
        byte[] all = ConverterHarness.fixture("anthropic/messages-stream.basic_response.sse");
        String text = new String(all, StandardCharsets.UTF_8);
        byte[] head = Arrays.copyOf(all, text.indexOf("event: content_block_stop"));
        StringBuilder seen = new StringBuilder();
        Run run = ConverterHarness.runThenFail(
                () -> converter(true, seen::append), head, GatewayError.UPSTREAM_ERROR, "reset");
        // message_start's output_tokens (1) is a placeholder, not a count: the pipeline must estimate
        assertThat(run.usage().prompt()).isEqualTo(11);
        assertThat(run.usage().completion()).isEqualTo(TokenUsage.UNREPORTED);
        assertThat(seen.toString()).isEqualTo("Hello there!");
        assertThat(run.output())
                .endsWith(
                        "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"reset\"}}\n\n");
    }

    @Test
    void anAbsurdlyLongEventEndsTheStreamWithAnError() {
        byte[] head = "event: content_block_delta\ndata: ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(head, head.length + (17 << 20));
        Arrays.fill(bytes, head.length, bytes.length, (byte) 'a');
        Run run = ConverterHarness.run(() -> converter(true, CompletionTextSink.NONE), bytes);
        assertThat(run.fault().type()).isEqualTo("upstream_protocol_error");
        assertThat(run.output()).startsWith("event: error\n").doesNotContain("aaaa");
    }

    @Test
    void nonStreamedAnswerIsForwardedAndItsUsageRead() {
        String message = """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"Hi"}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":3,"cache_creation_input_tokens":10,"cache_read_input_tokens":2000,"output_tokens":2,
                          "service_tier":"standard"}}""";
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        Run run = ConverterHarness.assertSplitInvariant(() -> converter(false, CompletionTextSink.NONE), bytes);
        assertThat(run.output()).isEqualTo(message);
        assertThat(run.contentType()).isEqualTo("application/json");
        assertThat(run.usage()).isEqualTo(new TokenUsage(2013, 2, 2000, 10, TokenUsage.UNREPORTED));
    }

    @Test
    void errorBodiesAreForwardedVerbatim() {
        JsonNode recorded =
                Json.parse(ConverterHarness.fixtureText("anthropic/error-429-rate_limit.recorded-real.json"));
        String upstreamBody = recorded.at("/response/body").toString();
        TranslatedError error = ConverterHarness.translateError(translator, 429, upstreamBody);
        assertThat(error.status()).isEqualTo(429);
        assertThat(error.body()).isEqualTo(upstreamBody).contains("req_011CYK5n67SytMUxm8WMZUWY");
    }

    private ai.burncloud.router.translate.ResponseConverter converter(boolean stream, CompletionTextSink sink) {
        ClientRequest req = Requests.request(Operation.MESSAGES, REQUEST);
        UpstreamBody sent = Requests.sent(UpstreamOperation.ANTHROPIC_MESSAGES, stream);
        return translator.responseConverter(req, claude, sent, sink);
    }
}
