package ai.burncloud.router.translate.gemini;

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
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GeminiPassthroughTranslatorTest {
    private static final String RECORDING = "gemini/recording.Chats_Tests_sendMessage_Google_AI_with_text_stream.json";
    private final GeminiPassthroughTranslator translator = new GeminiPassthroughTranslator();
    private final UpstreamTarget gemini = Requests.target(ChannelType.GEMINI, "gemini-2.0-flash");

    @Test
    void forwardsTheSdksBytesUntouched() throws Exception {
        String body = recording().at("/interactions/0/request/bodySegments/0").toString();
        UpstreamBody up = translator.toUpstream(
                Requests.request(Operation.STREAM_GENERATE_CONTENT, body, "alt=sse"), gemini, ALLOC);
        assertThat(up.operation()).isEqualTo(UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT);
        assertThat(up.stream()).isTrue();
        assertThat(ConverterHarness.text(up.body())).isEqualTo(body);
    }

    @Test
    void aMappedModelIsPatchedWhereTheBodyNamesIt() throws Exception {
        String batch = "{\"requests\":[{\"model\":\"models/alias\",\"content\":{\"parts\":[{\"text\":\"a\"}]}}]}";
        UpstreamBody up = translator.toUpstream(
                Requests.request(Operation.BATCH_EMBED_CONTENTS, batch),
                Requests.mapped(ChannelType.GEMINI, "gemini-embedding-001"),
                ALLOC);
        assertThat(up.operation()).isEqualTo(UpstreamOperation.GEMINI_BATCH_EMBED_CONTENTS);
        assertThat(Requests.body(up))
                .isEqualTo(
                        Json.parse(
                                "{\"requests\":[{\"model\":\"models/gemini-embedding-001\",\"content\":{\"parts\":[{\"text\":\"a\"}]}}]}"));
    }

    private ResponseConverter stream(String query, CompletionTextSink sink) {
        ClientRequest req = Requests.request(Operation.STREAM_GENERATE_CONTENT, "{\"contents\":[]}", query);
        UpstreamBody sent = Requests.sent(UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT, true);
        return translator.responseConverter(req, gemini, sent, sink);
    }

    @Test
    void sseClientsGetTheUpstreamBytesAndUsageFromTheLastChunk() {
        byte[] bytes = ConverterHarness.fixture("gemini/streamGenerateContent-alt-sse.text.sse");
        Run run = ConverterHarness.assertSplitInvariant(() -> stream("alt=sse", CompletionTextSink.NONE), bytes);
        assertThat(run.output()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        assertThat(run.usage()).isEqualTo(TokenUsage.of(6, 377));
    }

    @Test
    void arrayClientsGetTheSameChunksAsTheRestStreamingArray() {
        byte[] bytes = ConverterHarness.fixture("gemini/streamGenerateContent-alt-sse.text.sse");
        Run run = ConverterHarness.assertSplitInvariant(() -> stream(null, CompletionTextSink.NONE), bytes);
        assertThat(run.contentType()).isEqualTo("application/json");
        // the recording's body segments are exactly what the JSON-array stream carries
        assertThat(run.json()).isEqualTo(recording().at("/interactions/0/response/bodySegments"));
        assertThat(run.usage()).isEqualTo(TokenUsage.of(6, 377));
    }

    @Test
    void aCutStreamKeepsProvisionalPromptOnlyAndFeedsText() {
        byte[] bytes = ConverterHarness.fixture("gemini/streamGenerateContent-alt-sse.text.sse");
        String text = new String(bytes, StandardCharsets.UTF_8);
        byte[] head = Arrays.copyOf(bytes, text.indexOf("data:", 10));
        StringBuilder seen = new StringBuilder();
        Run run = ConverterHarness.runThenFail(
                () -> stream("alt=sse", seen::append), head, GatewayError.UPSTREAM_ERROR, "reset");
        assertThat(run.usage().completion()).isEqualTo(TokenUsage.UNREPORTED);
        assertThat(seen.toString()).isEqualTo("The");
        assertThat(run.output())
                .endsWith("data: {\"error\":{\"code\":502,\"message\":\"reset\",\"status\":\"INTERNAL\"}}\r\n\r\n");
    }

    @Test
    void wholeAnswersAreForwardedWithTheirUsage() {
        JsonNode segment = Json.parse(
                        ConverterHarness.fixtureText(
                                "gemini/recording.AFC_Streaming_Tests_generateContentStream_afc_disabled_Google_AI_AFC_disabled.json"))
                .at("/interactions/0/response/bodySegments/0");
        byte[] body = segment.toPrettyString().getBytes(StandardCharsets.UTF_8);
        ClientRequest req = Requests.request(Operation.GENERATE_CONTENT, "{\"contents\":[]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.GEMINI_GENERATE_CONTENT, false);
        Run run = ConverterHarness.assertSplitInvariant(
                () -> translator.responseConverter(req, gemini, sent, CompletionTextSink.NONE), body);
        assertThat(run.output()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(run.usage()).isEqualTo(TokenUsage.of(17, 6));
    }

    @Test
    void theRecorded404IsForwardedVerbatim() {
        String recorded = ConverterHarness.fixtureText("gemini/error-404-not-found.body.json");
        TranslatedError error = ConverterHarness.translateError(translator, 404, recorded);
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.body()).isEqualTo(recorded);
    }

    private static JsonNode recording() {
        return Json.parse(ConverterHarness.fixtureText(RECORDING));
    }
}
