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
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeminiToAnthropicTranslatorTest {
    private final GeminiToAnthropicTranslator translator = new GeminiToAnthropicTranslator();
    private final UpstreamTarget claude = Requests.target(ChannelType.ANTHROPIC, "claude-sonnet-4-5");

    @Test
    void mapsAGenerateContentRequest() throws Exception {
        String gemini = """
                {"systemInstruction":{"parts":[{"text":"Be kind."}]},
                 "contents":[{"role":"user","parts":[{"text":"look"},{"inlineData":{"mimeType":"image/png","data":"iVBO"}}]}],
                 "generationConfig":{"temperature":1.5,"topP":0.9,"maxOutputTokens":100,"stopSequences":["STOP"]}}""";
        UpstreamBody body = translator.toUpstream(Requests.request(Operation.GENERATE_CONTENT, gemini), claude, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.ANTHROPIC_MESSAGES);
        assertThat(body.stream()).isFalse();
        assertThat(Requests.body(body)).isEqualTo(Json.parse("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"system":"Be kind.",
                 "messages":[{"role":"user","content":[{"type":"text","text":"look"},
                   {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBO"}}]}],
                 "stop_sequences":["STOP"],"temperature":1.0}"""));
    }

    @Test
    void embeddingsAreRefused() {
        assertThatThrownBy(() -> translator.toUpstream(
                        Requests.request(Operation.EMBED_CONTENT, "{\"content\":{\"parts\":[{\"text\":\"a\"}]}}"),
                        claude,
                        ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessage("models/{model}:embedContent is not supported on anthropic channels");
    }

    /** A streamed Gemini SSE request, answered by a Claude stream. */
    private ResponseConverter stream() {
        ClientRequest req = Requests.request(
                Operation.STREAM_GENERATE_CONTENT,
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"x\"}]}]}",
                "alt=sse");
        UpstreamBody sent = Requests.sent(UpstreamOperation.ANTHROPIC_MESSAGES, true);
        return translator.responseConverter(req, claude, sent, CompletionTextSink.NONE);
    }

    @Test
    void streamsClaudeToolUseAsAGeminiFunctionCall() {
        Run run = ConverterHarness.assertSplitInvariant(
                this::stream, ConverterHarness.fixture("anthropic/messages-stream.tool_use_response.sse"));
        List<JsonNode> chunks = run.dataJson();
        assertThat(RecordedStreams.geminiText(chunks)).isEqualTo("I'll check the current weather in Paris for you.");
        JsonNode call = chunks.stream()
                .map(c -> c.at("/candidates/0/content/parts/0/functionCall"))
                .filter(JsonNode::isObject)
                .findFirst()
                .orElseThrow();
        assertThat(call)
                .isEqualTo(
                        Json.parse(
                                "{\"id\":\"toolu_01NRLabsLyVHZPKxbKvkfSMn\",\"name\":\"get_weather\",\"args\":{\"location\":\"Paris\"}}"));
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
        assertThat(last.get("usageMetadata"))
                .isEqualTo(Json.parse("{\"promptTokenCount\":377,\"candidatesTokenCount\":65,\"totalTokenCount\":442,"
                        + "\"cachedContentTokenCount\":0}"));
        assertThat(run.usage()).isEqualTo(new TokenUsage(377, 65, 0, 0, TokenUsage.UNREPORTED));
    }

    @Test
    void aClaudeErrorEventBecomesAGeminiErrorChunk() {
        Run run = ConverterHarness.assertSplitInvariant(
                this::stream, ConverterHarness.fixture("anthropic/messages-stream.error-event.sse"));
        assertThat(run.dataJson())
                .containsExactly(
                        Json.parse("{\"error\":{\"code\":503,\"message\":\"Overloaded\",\"status\":\"UNAVAILABLE\"}}"));
        assertThat(run.fault().type()).isEqualTo("overloaded_error");
    }

    @Test
    void errorsComeBackInGeminiShape() {
        TranslatedError error = ConverterHarness.translateError(
                translator,
                400,
                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"max_tokens: too large\"}}");
        assertThat(error.json())
                .isEqualTo(
                        Json.parse(
                                "{\"error\":{\"code\":400,\"message\":\"max_tokens: too large\",\"status\":\"INVALID_ARGUMENT\"}}"));
    }
}
