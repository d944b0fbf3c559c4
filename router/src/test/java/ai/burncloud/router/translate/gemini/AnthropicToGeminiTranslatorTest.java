package ai.burncloud.router.translate.gemini;

import static ai.burncloud.router.translate.ConverterHarness.ALLOC;
import static org.assertj.core.api.Assertions.assertThat;

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
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicToGeminiTranslatorTest {
    private final AnthropicToGeminiTranslator translator = new AnthropicToGeminiTranslator();
    private final UpstreamTarget gemini = Requests.target(ChannelType.GEMINI, "gemini-2.5-flash");

    @Test
    void mapsAMessagesRequest() throws Exception {
        String anthropic = """
                {"model":"claude","max_tokens":256,"system":"Terse.","top_k":5,"stop_sequences":["END"],
                 "tools":[{"name":"calc","input_schema":{"type":"object","properties":{"e":{"type":"string"}}}}],
                 "tool_choice":{"type":"auto"},
                 "messages":[{"role":"user","content":"2+2?"},
                   {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"calc","input":{"e":"2+2"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"4","is_error":false}]}]}""";
        UpstreamBody body = translator.toUpstream(Requests.request(Operation.MESSAGES, anthropic), gemini, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.GEMINI_GENERATE_CONTENT);
        assertThat(Requests.body(body)).isEqualTo(Json.parse("""
                {"contents":[{"role":"user","parts":[{"text":"2+2?"}]},
                   {"role":"model","parts":[{"functionCall":{"name":"calc","args":{"e":"2+2"}},
                      "thoughtSignature":"skip_thought_signature_validator"}]},
                   {"role":"user","parts":[{"functionResponse":{"name":"calc","response":{"output":"4"}}}]}],
                 "systemInstruction":{"parts":[{"text":"Terse."}]},
                 "tools":[{"functionDeclarations":[{"name":"calc","parametersJsonSchema":{"type":"object","properties":{"e":{"type":"string"}}}}]}],
                 "toolConfig":{"functionCallingConfig":{"mode":"AUTO"}},
                 "generationConfig":{"topK":5,"maxOutputTokens":256,"stopSequences":["END"]}}"""));
    }

    @Test
    void failedToolResultsAreSentAsErrors() throws Exception {
        String anthropic = """
                {"model":"claude","max_tokens":5,"messages":[
                   {"role":"assistant","content":[{"type":"tool_use","id":"t","name":"f","input":{}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"t","is_error":true,
                      "content":[{"type":"text","text":"boom"}]}]}]}""";
        JsonNode body =
                Requests.body(translator.toUpstream(Requests.request(Operation.MESSAGES, anthropic), gemini, ALLOC));
        assertThat(body.at("/contents/1/parts/0/functionResponse"))
                .isEqualTo(Json.parse("{\"name\":\"f\",\"response\":{\"error\":\"boom\"}}"));
    }

    @Test
    void countTokensUsesGeminisCountTokens() throws Exception {
        UpstreamBody body = translator.toUpstream(
                Requests.request(
                        Operation.COUNT_TOKENS,
                        "{\"model\":\"claude\",\"system\":\"S\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                gemini,
                ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.GEMINI_COUNT_TOKENS);
        assertThat(Requests.body(body)).isEqualTo(Json.parse("""
                {"generateContentRequest":{"contents":[{"role":"user","parts":[{"text":"hi"}]}],
                 "systemInstruction":{"parts":[{"text":"S"}]},"model":"models/gemini-2.5-flash"}}"""));
        ClientRequest req = Requests.request(Operation.COUNT_TOKENS, "{\"model\":\"claude\",\"messages\":[]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.GEMINI_COUNT_TOKENS, false);
        Run run = ConverterHarness.run(
                () -> translator.responseConverter(req, gemini, sent, CompletionTextSink.NONE),
                "{\"totalTokens\":31,\"promptTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":31}]}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(run.json()).isEqualTo(Json.parse("{\"input_tokens\":31}"));
        assertThat(run.usage()).isEqualTo(TokenUsage.NONE);
    }

    private Run stream(String fixture) {
        ClientRequest req = Requests.request(
                Operation.MESSAGES, "{\"model\":\"claude-alias\",\"max_tokens\":5,\"stream\":true,\"messages\":[]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT, true);
        return ConverterHarness.assertSplitInvariant(
                () -> translator.responseConverter(req, gemini, sent, CompletionTextSink.NONE),
                ConverterHarness.fixture(fixture));
    }

    @Test
    void streamsGeminiTextAsAnthropicEvents() {
        Run run = stream("gemini/streamGenerateContent-alt-sse.text.sse");
        assertThat(run.eventNames())
                .startsWith("message_start", "content_block_start", "content_block_delta")
                .endsWith("content_block_stop", "message_delta", "message_stop");
        List<JsonNode> events = run.dataJson();
        assertThat(events.get(0).at("/message/id").asText()).isEqualTo("pdSfaOurIPqAm9IPucqbqA4");
        StringBuilder text = new StringBuilder();
        events.forEach(e -> text.append(e.at("/delta/text").asText("")));
        assertThat(text.toString()).isEqualTo(OpenAiToGeminiTranslatorTest.recordedText());
        JsonNode delta = events.get(events.size() - 2);
        assertThat(delta.at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(delta.at("/usage/input_tokens").asInt()).isEqualTo(6);
        assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(377);
        assertThat(run.usage()).isEqualTo(TokenUsage.of(6, 377));
    }

    @Test
    void streamsAFunctionCallAsAToolUseBlock() {
        Run run = stream("gemini/streamGenerateContent-alt-sse.functionCall.sse");
        List<JsonNode> events = run.dataJson();
        JsonNode block = events.stream()
                .filter(e -> "content_block_start".equals(e.path("type").asText()))
                .findFirst()
                .orElseThrow()
                .get("content_block");
        assertThat(block.get("type").asText()).isEqualTo("tool_use");
        assertThat(block.get("name").asText()).isEqualTo("customDivide");
        String json =
                events.stream().map(e -> e.at("/delta/partial_json").asText("")).reduce("", String::concat);
        assertThat(Json.parse(json)).isEqualTo(Json.parse("{\"denominator\":2,\"numerator\":10}"));
        assertThat(events.get(events.size() - 2).at("/delta/stop_reason").asText())
                .isEqualTo("tool_use");
    }

    @Test
    void safetyStopsBecomeRefusals() {
        String body = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[]},\"finishReason\":\"SAFETY\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":0,\"totalTokenCount\":4}}";
        ClientRequest req =
                Requests.request(Operation.MESSAGES, "{\"model\":\"claude\",\"max_tokens\":5,\"messages\":[]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.GEMINI_GENERATE_CONTENT, false);
        Run run = ConverterHarness.run(
                () -> translator.responseConverter(req, gemini, sent, CompletionTextSink.NONE),
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(run.json().get("stop_reason").asText()).isEqualTo("refusal");
        assertThat(run.usage()).isEqualTo(TokenUsage.of(4, 0));
    }

    @Test
    void errorsComeBackInAnthropicShape() {
        TranslatedError error = ConverterHarness.translateError(
                translator, 404, ConverterHarness.fixtureText("gemini/error-404-not-found.body.json"));
        JsonNode json = error.json();
        assertThat(json.get("type").asText()).isEqualTo("error");
        assertThat(json.at("/error/type").asText()).isEqualTo("not_found_error");
    }
}
