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
import ai.burncloud.router.translate.RecordedStreams;
import ai.burncloud.router.translate.Requests;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeminiToBedrockTranslatorTest {
    private final GeminiToBedrockTranslator translator = new GeminiToBedrockTranslator();
    private final UpstreamTarget bedrock = Requests.target(ChannelType.BEDROCK, "amazon.nova-pro-v1:0");

    @Test
    void mapsAGenerateContentRequest() throws Exception {
        String gemini = """
                {"contents":[{"role":"user","parts":[{"text":"hi"}]},{"role":"model","parts":[{"text":"hello"}]},
                  {"role":"user","parts":[{"text":"bye"}]}],"generationConfig":{"maxOutputTokens":20,"temperature":0.3}}""";
        UpstreamBody body = translator.toUpstream(Requests.request(Operation.GENERATE_CONTENT, gemini), bedrock, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.BEDROCK_CONVERSE);
        assertThat(Requests.body(body)).isEqualTo(Json.parse("""
                {"messages":[{"role":"user","content":[{"text":"hi"}]},{"role":"assistant","content":[{"text":"hello"}]},
                  {"role":"user","content":[{"text":"bye"}]}],"inferenceConfig":{"maxTokens":20,"temperature":0.3}}"""));
    }

    private ResponseConverter stream() {
        ClientRequest req = Requests.request(
                Operation.STREAM_GENERATE_CONTENT,
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"x\"}]}]}",
                "alt=sse");
        UpstreamBody sent = Requests.sent(UpstreamOperation.BEDROCK_CONVERSE_STREAM, true);
        return translator.responseConverter(req, bedrock, sent, CompletionTextSink.NONE);
    }

    @Test
    void streamsAsGeminiSseWithFinalUsage() {
        Run run = ConverterHarness.assertSplitInvariant(
                this::stream, ConverterHarness.fixture("bedrock/converse-stream.text.eventstream.bin"));
        List<JsonNode> chunks = run.dataJson();
        assertThat(RecordedStreams.geminiText(chunks)).isEqualTo("Hello there!");
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
        assertThat(last.get("usageMetadata"))
                .isEqualTo(Json.parse("{\"promptTokenCount\":11,\"candidatesTokenCount\":6,\"totalTokenCount\":17}"));
        assertThat(run.usage()).isEqualTo(TokenUsage.of(11, 6));
    }

    @Test
    void throttlingBecomesResourceExhausted() {
        Run run = ConverterHarness.assertSplitInvariant(
                this::stream, ConverterHarness.fixture("bedrock/converse-stream.throttling-midstream.eventstream.bin"));
        List<JsonNode> chunks = run.dataJson();
        assertThat(chunks.get(chunks.size() - 1)).isEqualTo(Json.parse("""
                {"error":{"code":429,"message":"Too many requests, please wait before trying again.","status":"RESOURCE_EXHAUSTED"}}"""));
    }
}
