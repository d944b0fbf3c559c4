package ai.burncloud.router.translate.gemini;

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
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeminiToOpenAiTranslatorTest {
    private final GeminiToOpenAiTranslator translator = new GeminiToOpenAiTranslator();
    private final UpstreamTarget qwen = Requests.target(ChannelType.QWEN, "qwen-plus");

    @Test
    void mapsTheRecordedGenAiSdkRequest() throws Exception {
        JsonNode recording = Json.parse(ConverterHarness.fixtureText(
                "gemini/recording.AFC_Streaming_Tests_generateContentStream_afc_disabled_Google_AI_AFC_disabled.json"));
        String sdkBody = recording.at("/interactions/0/request/bodySegments/0").toString();
        UpstreamBody body = translator.toUpstream(
                Requests.request(Operation.STREAM_GENERATE_CONTENT, sdkBody, "alt=sse"), qwen, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.OPENAI_CHAT_COMPLETIONS);
        assertThat(body.stream()).isTrue();
        assertThat(Requests.body(body)).isEqualTo(Json.parse("""
                {"model":"qwen-plus","messages":[{"role":"user","content":"Divide 10 by 2 using the customDivide function"}],
                 "tools":[{"type":"function","function":{"name":"customDivide","description":"Custom divide function",
                   "parameters":{"properties":{"denominator":{"type":"number"},"numerator":{"type":"number"}},"type":"object"}}}],
                 "tool_choice":"auto","stream":true,"stream_options":{"include_usage":true}}"""));
    }

    @Test
    void pairsIdlessFunctionCallsWithTheirResponsesAndNormalisesSchemas() throws Exception {
        String gemini = """
                {"systemInstruction":{"parts":[{"text":"Use tools."}]},
                 "contents":[{"role":"user","parts":[{"text":"weather in Paris and Rome?"}]},
                   {"role":"model","parts":[{"functionCall":{"name":"weather","args":{"city":"Paris"}},"thoughtSignature":"abc"},
                                            {"functionCall":{"name":"weather","args":{"city":"Rome"}}}]},
                   {"role":"user","parts":[{"functionResponse":{"name":"weather","response":{"temp":18}}},
                                           {"functionResponse":{"name":"weather","response":{"temp":25}}}]}],
                 "tools":[{"functionDeclarations":[{"name":"weather","parameters":{"type":"OBJECT",
                    "properties":{"city":{"type":"STRING"}},"required":["city"]}}]}],
                 "toolConfig":{"functionCallingConfig":{"mode":"ANY"}},
                 "generationConfig":{"temperature":0.1,"maxOutputTokens":50,"topK":3,"responseMimeType":"application/json"}}""";
        UpstreamBody body = translator.toUpstream(Requests.request(Operation.GENERATE_CONTENT, gemini), qwen, ALLOC);
        assertThat(Requests.body(body)).isEqualTo(Json.parse("""
                {"model":"qwen-plus","messages":[{"role":"system","content":"Use tools."},
                   {"role":"user","content":"weather in Paris and Rome?"},
                   {"role":"assistant","content":null,"tool_calls":[
                     {"id":"call_1","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                     {"id":"call_2","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
                   {"role":"tool","tool_call_id":"call_1","content":"{\\"temp\\":18}"},
                   {"role":"tool","tool_call_id":"call_2","content":"{\\"temp\\":25}"}],
                 "tools":[{"type":"function","function":{"name":"weather",
                    "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
                 "tool_choice":"required","response_format":{"type":"json_object"},"temperature":0.1,"max_tokens":50}"""));
    }

    @Test
    void refusesGoogleRunToolsAndSeveralCandidates() {
        String search =
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"x\"}]}],\"tools\":[{\"googleSearch\":{}}]}";
        assertThatThrownBy(
                        () -> translator.toUpstream(Requests.request(Operation.GENERATE_CONTENT, search), qwen, ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("googleSearch")
                .hasMessageContaining("qwen channels");
        String two =
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"x\"}]}],\"generationConfig\":{\"candidateCount\":2}}";
        assertThatThrownBy(() -> translator.toUpstream(Requests.request(Operation.GENERATE_CONTENT, two), qwen, ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("candidateCount");
    }

    @Test
    void countTokensIsAnsweredLocally() throws Exception {
        UpstreamBody body = translator.toUpstream(
                Requests.request(
                        Operation.COUNT_TOKENS_GEMINI,
                        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello, world\"}]}]}"),
                qwen,
                ALLOC);
        assertThat(body.isLocal()).isTrue();
        assertThat(Requests.body(body)).isEqualTo(Json.parse("{\"totalTokens\":3}"));
    }

    private ResponseConverter streamConverter(String query) {
        ClientRequest req = Requests.request(
                Operation.STREAM_GENERATE_CONTENT,
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"x\"}]}]}",
                query);
        UpstreamBody sent = Requests.sent(UpstreamOperation.OPENAI_CHAT_COMPLETIONS, true);
        return translator.responseConverter(req, qwen, sent, CompletionTextSink.NONE);
    }

    @Test
    void streamsOpenAiChunksAsCrlfGeminiSse() {
        String fixture = "dashscope/compatible-mode-chat-stream-include-usage.doc-example.sse";
        Run run = ConverterHarness.assertSplitInvariant(
                () -> streamConverter("alt=sse"), ConverterHarness.fixture(fixture));
        assertThat(run.contentType()).isEqualTo("text/event-stream");
        assertThat(run.output()).doesNotContain("\n\n").contains("\r\n\r\n");
        List<JsonNode> chunks = run.dataJson();
        assertThat(RecordedStreams.geminiText(chunks)).isEqualTo(RecordedStreams.openAiText(fixture));
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
        assertThat(last.get("usageMetadata"))
                .isEqualTo(
                        Json.parse("{\"promptTokenCount\":1276,\"candidatesTokenCount\":79,\"totalTokenCount\":1355}"));
        assertThat(last.get("modelVersion").asText()).isEqualTo("qwen-vl-plus");
        assertThat(run.usage()).isEqualTo(TokenUsage.of(1276, 79));
    }

    @Test
    void withoutAltSseTheAnswerIsAJsonArray() {
        String fixture = "openai/chat-stream-include-usage.weather-sf.sse";
        Run run = ConverterHarness.assertSplitInvariant(() -> streamConverter(null), ConverterHarness.fixture(fixture));
        assertThat(run.contentType()).isEqualTo("application/json");
        JsonNode array = run.json();
        assertThat(array.isArray()).isTrue();
        assertThat(RecordedStreams.geminiText(array)).isEqualTo(RecordedStreams.openAiText(fixture));
        assertThat(array.get(array.size() - 1)
                        .at("/usageMetadata/promptTokenCount")
                        .asInt())
                .isEqualTo(14);
    }

    @Test
    void toolCallDeltasBecomeOneWholeFunctionCall() {
        Run run = ConverterHarness.assertSplitInvariant(
                () -> streamConverter("alt=sse"),
                ConverterHarness.fixture("openai/chat-stream-include-usage.tool-call.sse"));
        List<JsonNode> calls = run.dataJson().stream()
                .map(c -> c.at("/candidates/0/content/parts/0/functionCall"))
                .filter(JsonNode::isObject)
                .toList();
        assertThat(calls).hasSizeGreaterThanOrEqualTo(1);
        assertThat(calls.get(0).get("name").asText()).isEqualTo("get_weather");
        assertThat(calls.get(0).get("id").asText()).isEqualTo("call_CTf1nWJLqSeRgDqaCG27xZ74");
        assertThat(calls.get(0).at("/args/city").asText()).isEqualTo("San Francisco");
        JsonNode last = run.dataJson().get(run.dataJson().size() - 1);
        assertThat(last.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
    }

    @Test
    void aBreakMidStreamEndsTheArrayWithAGeminiError() {
        byte[] all = ConverterHarness.fixture("openai/chat-stream-include-usage.weather-sf.sse");
        Run run = ConverterHarness.runThenFail(
                () -> streamConverter(null),
                Arrays.copyOf(all, 1500),
                GatewayError.UPSTREAM_TIMEOUT,
                "upstream went silent");
        JsonNode array = run.json();
        assertThat(array.get(array.size() - 1))
                .isEqualTo(
                        Json.parse(
                                "{\"error\":{\"code\":504,\"message\":\"upstream went silent\",\"status\":\"DEADLINE_EXCEEDED\"}}"));
    }

    @Test
    void wholeAnswersConvert() {
        String completion = """
                {"id":"chatcmpl-9","model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"4"},
                 "finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":1,"total_tokens":10}}""";
        ClientRequest req = Requests.request(
                Operation.GENERATE_CONTENT, "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"2+2\"}]}]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.OPENAI_CHAT_COMPLETIONS, false);
        Run run = ConverterHarness.assertSplitInvariant(
                () -> translator.responseConverter(req, qwen, sent, CompletionTextSink.NONE),
                completion.getBytes(StandardCharsets.UTF_8));
        assertThat(run.json()).isEqualTo(Json.parse("""
                {"candidates":[{"content":{"parts":[{"text":"4"}],"role":"model"},"finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":9,"candidatesTokenCount":1,"totalTokenCount":10},
                 "modelVersion":"gpt-4o","responseId":"chatcmpl-9"}"""));
    }

    @Test
    void embedContentGoesToOpenAiEmbeddingsAndBack() throws Exception {
        UpstreamBody body = translator.toUpstream(
                Requests.request(
                        Operation.BATCH_EMBED_CONTENTS,
                        "{\"requests\":[{\"model\":\"models/e\",\"content\":{\"parts\":[{\"text\":\"a\"}]},\"outputDimensionality\":4},"
                                + "{\"model\":\"models/e\",\"content\":{\"parts\":[{\"text\":\"b\"}]}}]}"),
                Requests.target(ChannelType.OPENAI, "text-embedding-3-small"),
                ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.OPENAI_EMBEDDINGS);
        assertThat(Requests.body(body))
                .isEqualTo(
                        Json.parse(
                                "{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"],\"dimensions\":4,\"encoding_format\":\"float\"}"));
        String answer = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":1,\"embedding\":[0.5]},"
                + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.25]}],\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}";
        ClientRequest req = Requests.request(Operation.BATCH_EMBED_CONTENTS, "{\"requests\":[]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.OPENAI_EMBEDDINGS, false);
        Run run = ConverterHarness.run(
                () -> translator.responseConverter(req, qwen, sent, CompletionTextSink.NONE),
                answer.getBytes(StandardCharsets.UTF_8));
        assertThat(run.json()).isEqualTo(Json.parse("{\"embeddings\":[{\"values\":[0.25]},{\"values\":[0.5]}]}"));
        assertThat(run.usage()).isEqualTo(TokenUsage.of(2, 0));
    }

    @Test
    void errorsComeBackInGeminiShape() {
        TranslatedError error = ConverterHarness.translateError(
                translator, 401, ConverterHarness.fixtureText("dashscope/error-invalid-api-key.doc-example.json"));
        assertThat(error.json())
                .isEqualTo(
                        Json.parse(
                                "{\"error\":{\"code\":401,\"message\":\"Incorrect API key provided. \",\"status\":\"UNAUTHENTICATED\"}}"));
    }
}
