package ai.burncloud.router.translate.gemini;

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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenAiToGeminiTranslatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_750_000_000L), ZoneOffset.UTC);
    private final OpenAiToGeminiTranslator translator = new OpenAiToGeminiTranslator(CLOCK);
    private final UpstreamTarget gemini = Requests.target(ChannelType.GEMINI, "gemini-2.0-flash");

    static Stream<Arguments> requestMappings() {
        return Stream.of(
                Arguments.of("system instruction, merged turns, generation config", """
                        {"model":"gpt","messages":[{"role":"system","content":"Be brief."},
                          {"role":"user","content":"a"},{"role":"user","content":"b"},{"role":"assistant","content":"c"}],
                         "temperature":0.2,"top_p":0.5,"max_tokens":64,"stop":["X","Y"],"seed":7,
                         "presence_penalty":0.1,"frequency_penalty":0.3}""", """
                        {"contents":[{"role":"user","parts":[{"text":"a"},{"text":"b"}]},{"role":"model","parts":[{"text":"c"}]}],
                         "systemInstruction":{"parts":[{"text":"Be brief."}]},
                         "generationConfig":{"temperature":0.2,"topP":0.5,"maxOutputTokens":64,"stopSequences":["X","Y"],
                           "seed":7,"presencePenalty":0.1,"frequencyPenalty":0.3}}"""),
                Arguments.of("images: data URL → inlineData, https → fileData with a guessed type", """
                        {"model":"gpt","messages":[{"role":"user","content":[{"type":"text","text":"see"},
                          {"type":"image_url","image_url":{"url":"data:image/webp;base64,UklGR"}},
                          {"type":"image_url","image_url":"https://example.com/x.png"}]}]}""", """
                        {"contents":[{"role":"user","parts":[{"text":"see"},
                          {"inlineData":{"mimeType":"image/webp","data":"UklGR"}},
                          {"fileData":{"mimeType":"image/png","fileUri":"https://example.com/x.png"}}]}]}"""),
                Arguments.of(
                        "tools, forced function, calls with a signature placeholder, results named by their call",
                        """
                        {"model":"gpt","tool_choice":{"type":"function","function":{"name":"div"}},
                         "tools":[{"type":"function","function":{"name":"div","description":"Divide",
                            "parameters":{"type":"object","properties":{"a":{"type":"number"}},"additionalProperties":false}}}],
                         "messages":[{"role":"user","content":"10/2"},
                           {"role":"assistant","tool_calls":[
                              {"id":"c1","type":"function","function":{"name":"div","arguments":"{\\"a\\":10}"}},
                              {"id":"c2","type":"function","function":{"name":"div","arguments":"{\\"a\\":4}"}}]},
                           {"role":"tool","tool_call_id":"c1","content":"{\\"result\\":5}"},
                           {"role":"tool","tool_call_id":"c2","content":"2"}]}""",
                        """
                        {"contents":[{"role":"user","parts":[{"text":"10/2"}]},
                          {"role":"model","parts":[
                            {"functionCall":{"name":"div","args":{"a":10}},"thoughtSignature":"skip_thought_signature_validator"},
                            {"functionCall":{"name":"div","args":{"a":4}}}]},
                          {"role":"user","parts":[
                            {"functionResponse":{"name":"div","response":{"result":5}}},
                            {"functionResponse":{"name":"div","response":{"output":"2"}}}]}],
                         "tools":[{"functionDeclarations":[{"name":"div","description":"Divide",
                            "parametersJsonSchema":{"type":"object","properties":{"a":{"type":"number"}},"additionalProperties":false}}]}],
                         "toolConfig":{"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["div"]}}}"""),
                Arguments.of("JSON schema mode", """
                        {"model":"gpt","response_format":{"type":"json_schema","json_schema":{"name":"r","schema":{"type":"object"}}},
                         "messages":[{"role":"user","content":"x"}]}""", """
                        {"contents":[{"role":"user","parts":[{"text":"x"}]}],
                         "generationConfig":{"responseMimeType":"application/json","responseJsonSchema":{"type":"object"}}}"""),
                Arguments.of("JSON object mode and tool_choice none", """
                        {"model":"gpt","response_format":{"type":"json_object"},"tool_choice":"none",
                         "tools":[{"type":"function","function":{"name":"f"}}],"messages":[{"role":"user","content":"x"}]}""", """
                        {"contents":[{"role":"user","parts":[{"text":"x"}]}],
                         "tools":[{"functionDeclarations":[{"name":"f","parametersJsonSchema":{"type":"object","properties":{}}}]}],
                         "toolConfig":{"functionCallingConfig":{"mode":"NONE"}},
                         "generationConfig":{"responseMimeType":"application/json"}}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestMappings")
    void mapsRequests(String name, String openAi, String expectedGemini) throws Exception {
        UpstreamBody body = translator.toUpstream(Requests.request(Operation.CHAT_COMPLETIONS, openAi), gemini, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.GEMINI_GENERATE_CONTENT);
        assertThat(Requests.body(body)).isEqualTo(Json.parse(expectedGemini));
    }

    @Test
    void streamingUsesStreamGenerateContent() throws Exception {
        UpstreamBody body = translator.toUpstream(
                Requests.request(
                        Operation.CHAT_COMPLETIONS,
                        "{\"model\":\"g\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                gemini,
                ALLOC);
        body.body().release();
        assertThat(body.operation()).isEqualTo(UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT);
        assertThat(body.stream()).isTrue();
    }

    @Test
    void refusesSeveralCandidatesAndUnknownToolResults() {
        assertThatThrownBy(() -> translator.toUpstream(
                        Requests.request(
                                Operation.CHAT_COMPLETIONS,
                                "{\"model\":\"g\",\"n\":3,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                        gemini,
                        ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("gemini channels");
        assertThatThrownBy(() -> translator.toUpstream(
                        Requests.request(
                                Operation.CHAT_COMPLETIONS,
                                "{\"model\":\"g\",\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"nope\",\"content\":\"1\"}]}"),
                        gemini,
                        ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("answers no earlier tool call");
    }

    private ai.burncloud.router.translate.ResponseConverter converter(
            String clientJson, UpstreamOperation op, boolean stream) {
        ClientRequest req = Requests.request(Operation.CHAT_COMPLETIONS, clientJson);
        UpstreamBody sent = Requests.sent(op, stream);
        return translator.responseConverter(req, gemini, sent, CompletionTextSink.NONE);
    }

    private static final String STREAM_USAGE = "{\"model\":\"gemini-alias\",\"stream\":true,"
            + "\"stream_options\":{\"include_usage\":true},\"messages\":[]}";

    @Test
    void streamsRecordedGeminiTextWithTheLastChunksUsage() {
        Run run = ConverterHarness.assertSplitInvariant(
                () -> converter(STREAM_USAGE, UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT, true),
                ConverterHarness.fixture("gemini/streamGenerateContent-alt-sse.text.sse"));
        List<JsonNode> chunks = run.dataJson();
        String text = recordedText();
        assertThat(RecordedStreams.openAiContent(chunks)).isEqualTo(text).startsWith("The sky is blue due to");
        assertThat(chunks.get(0).get("id").asText()).isEqualTo("pdSfaOurIPqAm9IPucqbqA4");
        assertThat(chunks.get(0).get("model").asText()).isEqualTo("gemini-2.0-flash");
        assertThat(RecordedStreams.openAiFinishReasons(chunks)).containsExactly("stop");
        // provisional promptTokenCount 7 on early chunks; the last chunk's 6 is the truth
        assertThat(run.usage()).isEqualTo(TokenUsage.of(6, 377));
        assertThat(chunks.get(chunks.size() - 1).get("usage"))
                .isEqualTo(Json.parse("{\"prompt_tokens\":6,\"completion_tokens\":377,\"total_tokens\":383}"));
    }

    @Test
    void aFunctionCallStreamFinishesWithToolCalls() {
        Run run = ConverterHarness.assertSplitInvariant(
                () -> converter(STREAM_USAGE, UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT, true),
                ConverterHarness.fixture("gemini/streamGenerateContent-alt-sse.functionCall.sse"));
        List<JsonNode> chunks = run.dataJson();
        JsonNode start = chunks.stream()
                .filter(c -> c.at("/choices/0/delta/tool_calls/0/function/name").isTextual())
                .findFirst()
                .orElseThrow()
                .at("/choices/0/delta/tool_calls/0");
        assertThat(start.at("/function/name").asText()).isEqualTo("customDivide");
        assertThat(start.get("id").asText()).startsWith("call_");
        String args = chunks.stream()
                .map(c ->
                        c.at("/choices/0/delta/tool_calls/0/function/arguments").asText(""))
                .reduce("", String::concat);
        assertThat(Json.parse(args)).isEqualTo(Json.parse("{\"denominator\":2,\"numerator\":10}"));
        assertThat(RecordedStreams.openAiFinishReasons(chunks)).containsExactly("tool_calls");
        assertThat(run.usage()).isEqualTo(TokenUsage.of(17, 6));
    }

    @Test
    void convertsTheRecordedWholeAnswer() {
        JsonNode recording = Json.parse(ConverterHarness.fixtureText(
                "gemini/recording.AFC_Streaming_Tests_generateContentStream_afc_disabled_Google_AI_AFC_disabled.json"));
        byte[] body = recording
                .at("/interactions/0/response/bodySegments/0")
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        Run run = ConverterHarness.assertSplitInvariant(
                () -> converter(
                        "{\"model\":\"alias\",\"messages\":[]}", UpstreamOperation.GEMINI_GENERATE_CONTENT, false),
                body);
        JsonNode json = run.json();
        assertThat(json.get("id").asText()).isEqualTo("adSfaOfkBsmagbUPt96I0QI");
        assertThat(json.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(json.at("/choices/0/message/content").isNull()).isTrue();
        assertThat(json.at("/choices/0/message/tool_calls/0/function/name").asText())
                .isEqualTo("customDivide");
        assertThat(Json.parse(json.at("/choices/0/message/tool_calls/0/function/arguments")
                        .asText()))
                .isEqualTo(Json.parse("{\"denominator\":2,\"numerator\":10}"));
        assertThat(json.get("usage"))
                .isEqualTo(Json.parse("{\"prompt_tokens\":17,\"completion_tokens\":6,\"total_tokens\":23}"));
    }

    @Test
    void thoughtsAndCachedTokensAreCounted() {
        String body = """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"plan","thought":true},{"text":"Hi"}]},
                  "finishReason":"MAX_TOKENS"}],
                 "usageMetadata":{"promptTokenCount":1000,"cachedContentTokenCount":800,"candidatesTokenCount":2,
                   "thoughtsTokenCount":30,"totalTokenCount":1032},"modelVersion":"gemini-2.5-pro","responseId":"r1"}""";
        Run run = ConverterHarness.run(
                () -> converter(
                        "{\"model\":\"alias\",\"messages\":[]}", UpstreamOperation.GEMINI_GENERATE_CONTENT, false),
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(run.usage()).isEqualTo(new TokenUsage(1000, 32, 800, TokenUsage.UNREPORTED, 30));
        JsonNode json = run.json();
        assertThat(json.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(json.at("/choices/0/message/content").asText()).isEqualTo("Hi");
        assertThat(json.at("/choices/0/message/reasoning_content").asText()).isEqualTo("plan");
        assertThat(json.get("usage")).isEqualTo(Json.parse("""
                {"prompt_tokens":1000,"completion_tokens":32,"total_tokens":1032,
                 "prompt_tokens_details":{"cached_tokens":800},"completion_tokens_details":{"reasoning_tokens":30}}"""));
    }

    @Test
    void embeddingsOneInputUsesEmbedContentManyUseBatch() throws Exception {
        UpstreamBody one = translator.toUpstream(
                Requests.request(Operation.EMBEDDINGS, "{\"model\":\"e\",\"input\":\"hello\",\"dimensions\":8}"),
                Requests.target(ChannelType.GEMINI, "text-embedding-004"),
                ALLOC);
        assertThat(one.operation()).isEqualTo(UpstreamOperation.GEMINI_EMBED_CONTENT);
        assertThat(Requests.body(one)).isEqualTo(Json.parse("""
                {"model":"models/text-embedding-004","content":{"parts":[{"text":"hello"}]},"outputDimensionality":8}"""));
        UpstreamBody many = translator.toUpstream(
                Requests.request(Operation.EMBEDDINGS, "{\"model\":\"e\",\"input\":[\"a\",\"b\"]}"),
                Requests.target(ChannelType.GEMINI, "text-embedding-004"),
                ALLOC);
        assertThat(many.operation()).isEqualTo(UpstreamOperation.GEMINI_BATCH_EMBED_CONTENTS);
        assertThat(Requests.body(many)).isEqualTo(Json.parse("""
                {"requests":[{"model":"models/text-embedding-004","content":{"parts":[{"text":"a"}]}},
                             {"model":"models/text-embedding-004","content":{"parts":[{"text":"b"}]}}]}"""));
        assertThatThrownBy(() -> translator.toUpstream(
                        Requests.request(Operation.EMBEDDINGS, "{\"model\":\"e\",\"input\":[1,2,3]}"), gemini, ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("token-array");
    }

    @Test
    void embeddingAnswersBecomeOpenAiListsAsFloatsOrBase64() {
        String batch = "{\"embeddings\":[{\"values\":[0.5,-1.5]},{\"values\":[0.25,2.5]}]}";
        ClientRequest floats = Requests.request(Operation.EMBEDDINGS, "{\"model\":\"emb\",\"input\":[\"a\",\"b\"]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.GEMINI_BATCH_EMBED_CONTENTS, false);
        // Gemini reports no tokens for embeddings: the client is shown the gateway's own count, which
        // is also what billing estimates (the converter reports nothing, so the log row counts it)
        CompletionTextSink counted = new CompletionTextSink() {
            @Override
            public void append(CharSequence text) {}

            @Override
            public TokenUsage estimate() {
                return TokenUsage.of(2, 0);
            }
        };
        Run run = ConverterHarness.run(
                () -> translator.responseConverter(floats, gemini, sent, counted),
                batch.getBytes(StandardCharsets.UTF_8));
        assertThat(run.json()).isEqualTo(Json.parse("""
                {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.5,-1.5]},
                  {"object":"embedding","index":1,"embedding":[0.25,2.5]}],"model":"emb",
                 "usage":{"prompt_tokens":2,"total_tokens":2}}"""));
        assertThat(run.usage()).isEqualTo(TokenUsage.NONE);
        ClientRequest b64 = Requests.request(
                Operation.EMBEDDINGS, "{\"model\":\"emb\",\"input\":\"a\",\"encoding_format\":\"base64\"}");
        UpstreamBody sentOne = Requests.sent(UpstreamOperation.GEMINI_EMBED_CONTENT, false);
        Run encoded = ConverterHarness.run(
                () -> translator.responseConverter(b64, gemini, sentOne, CompletionTextSink.NONE),
                "{\"embedding\":{\"values\":[0.5,-1.0]}}".getBytes(StandardCharsets.UTF_8));
        byte[] raw = Base64.getDecoder()
                .decode(encoded.json().at("/data/0/embedding").asText());
        ByteBuffer floatsLe = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(floatsLe.getFloat()).isEqualTo(0.5f);
        assertThat(floatsLe.getFloat()).isEqualTo(-1.0f);
    }

    @Test
    void theRecorded404BecomesAnOpenAiError() {
        TranslatedError error = ConverterHarness.translateError(
                translator, 404, ConverterHarness.fixtureText("gemini/error-404-not-found.body.json"));
        assertThat(error.status()).isEqualTo(404);
        JsonNode json = error.json();
        assertThat(json.at("/error/type").asText()).isEqualTo("not_found_error");
        assertThat(json.at("/error/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(json.at("/error/message").asText()).startsWith("models/custom-gemini-2.0-flash is not found");
    }

    static String recordedText() {
        StringBuilder sb = new StringBuilder();
        String sse = ConverterHarness.fixtureText("gemini/streamGenerateContent-alt-sse.text.sse");
        for (String line : sse.split("\r\n")) {
            if (line.startsWith("data: ")) {
                for (JsonNode p : Json.parse(line.substring(6)).at("/candidates/0/content/parts")) {
                    sb.append(p.path("text").asText());
                }
            }
        }
        return sb.toString();
    }
}
