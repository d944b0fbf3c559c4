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
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.RecordedStreams;
import ai.burncloud.router.translate.Requests;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.ResponsesStreams;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenAI Responses client ({@code /v1/responses}) → Gemini channel, converted through chat. */
class OpenAiResponsesToGeminiTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_750_000_000L), ZoneOffset.UTC);
    private final OpenAiToGeminiTranslator translator = new OpenAiToGeminiTranslator(CLOCK);
    private final UpstreamTarget gemini = Requests.target(ChannelType.GEMINI, "gemini-2.0-flash");

    @Test
    void aFunctionCallRoundTripNamesTheResultByItsCall() throws Exception {
        UpstreamBody body = translator.toUpstream(Requests.request(Operation.RESPONSES, """
                        {"model":"gpt-5","instructions":"Use tools.","stream":true,"max_output_tokens":99,
                         "text":{"format":{"type":"json_object"}},"tool_choice":"required",
                         "tools":[{"type":"function","name":"div","parameters":{"type":"object"}}],
                         "input":[{"role":"user","content":"10/2"},
                          {"type":"function_call","call_id":"call_a","name":"div","arguments":"{\\"a\\":10}"},
                          {"type":"function_call_output","call_id":"call_a","output":"{\\"result\\":5}"}]}"""), gemini, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT);
        assertThat(Requests.body(body)).isEqualTo(Json.parse("""
                {"contents":[{"role":"user","parts":[{"text":"10/2"}]},
                  {"role":"model","parts":[{"functionCall":{"name":"div","args":{"a":10}},
                                            "thoughtSignature":"skip_thought_signature_validator"}]},
                  {"role":"user","parts":[{"functionResponse":{"name":"div","response":{"result":5}}}]}],
                 "systemInstruction":{"parts":[{"text":"Use tools."}]},
                 "tools":[{"functionDeclarations":[{"name":"div","parametersJsonSchema":{"type":"object"}}]}],
                 "toolConfig":{"functionCallingConfig":{"mode":"ANY"}},
                 "generationConfig":{"maxOutputTokens":99,"responseMimeType":"application/json"}}"""));
    }

    private ResponseConverter converter(boolean stream) {
        ClientRequest req = Requests.request(
                Operation.RESPONSES, "{\"model\":\"gemini-alias\",\"stream\":" + stream + ",\"input\":\"x\"}");
        UpstreamOperation op =
                stream ? UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT : UpstreamOperation.GEMINI_GENERATE_CONTENT;
        return translator.responseConverter(req, gemini, Requests.sent(op, stream), CompletionTextSink.NONE);
    }

    @Test
    void streamsRecordedGeminiTextWithTheUsageThatIsBilled() {
        // a long recording: cut at every byte elsewhere (the reader's own test); fed whole and bytewise here
        byte[] fixture = ConverterHarness.fixture("gemini/streamGenerateContent-alt-sse.text.sse");
        Run run = ConverterHarness.run(() -> converter(true), fixture);
        assertThat(ConverterHarness.runByteByByte(() -> converter(true), fixture)
                        .output())
                .isEqualTo(run.output());
        List<JsonNode> events = run.dataJson();
        String recorded = RecordedStreams.geminiText(Json.parse("["
                + String.join(
                        ",",
                        ConverterHarness.fixtureText("gemini/streamGenerateContent-alt-sse.text.sse")
                                .lines()
                                .filter(l -> l.startsWith("data: "))
                                .map(l -> l.substring(6))
                                .toList())
                + "]"));
        assertThat(ResponsesStreams.text(events)).isEqualTo(recorded).startsWith("The sky is blue due to");
        assertThat(ResponsesStreams.collapsedTypes(events))
                .isEqualTo(ResponsesStreams.fixtureTypes("openai/responses-stream.openapi-spec-example.sse"));
        JsonNode completed = ResponsesStreams.only(events, "response.completed").get("response");
        assertThat(completed.get("model").asText()).isEqualTo("gemini-2.0-flash");
        assertThat(completed.at("/usage/input_tokens").asLong()).isEqualTo(6);
        assertThat(completed.at("/usage/output_tokens").asLong()).isEqualTo(377);
        assertThat(completed.at("/usage/total_tokens").asLong()).isEqualTo(383);
        assertThat(run.usage()).isEqualTo(TokenUsage.of(6, 377));
    }

    @Test
    void streamsAGeminiFunctionCallAsAFunctionCallItem() {
        Run run = ConverterHarness.assertSplitInvariant(
                () -> converter(true),
                ConverterHarness.fixture("gemini/streamGenerateContent-alt-sse.functionCall.sse"));
        List<JsonNode> events = run.dataJson();
        assertThat(ResponsesStreams.collapsedTypes(events))
                .containsExactly(
                        "response.created",
                        "response.in_progress",
                        "response.output_item.added",
                        "response.function_call_arguments.delta",
                        "response.function_call_arguments.done",
                        "response.output_item.done",
                        "response.completed");
        JsonNode item =
                ResponsesStreams.only(events, "response.output_item.done").get("item");
        assertThat(item.get("type").asText()).isEqualTo("function_call");
        assertThat(item.get("name").asText()).isEqualTo("customDivide");
        assertThat(item.get("call_id").asText()).startsWith("call_");
        assertThat(Json.parse(item.get("arguments").asText()))
                .isEqualTo(Json.parse("{\"denominator\":2,\"numerator\":10}"));
        assertThat(ResponsesStreams.only(events, "response.completed")
                        .at("/response/status")
                        .asText())
                .isEqualTo("completed");
        assertThat(run.usage()).isEqualTo(TokenUsage.of(17, 6));
    }

    @Test
    void aStreamWithoutUsageShowsTheGatewaysOwnCountTheNumbersItBills() {
        String sse = "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hi\"}]},"
                + "\"finishReason\":\"STOP\"}]}\r\n\r\n";
        CompletionTextSink counting = new CompletionTextSink() {
            @Override
            public void append(CharSequence text) {}

            @Override
            public TokenUsage estimate() {
                return TokenUsage.of(12, 3);
            }
        };
        ClientRequest req = Requests.request(Operation.RESPONSES, "{\"model\":\"g\",\"stream\":true,\"input\":\"x\"}");
        Run run = ConverterHarness.run(
                () -> translator.responseConverter(
                        req, gemini, Requests.sent(UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT, true), counting),
                sse.getBytes(StandardCharsets.UTF_8));
        JsonNode usage =
                ResponsesStreams.only(run.dataJson(), "response.completed").at("/response/usage");
        assertThat(usage.get("input_tokens").asLong()).isEqualTo(12);
        assertThat(usage.get("output_tokens").asLong()).isEqualTo(3);
        assertThat(usage.get("total_tokens").asLong()).isEqualTo(15);
    }

    @Test
    void convertsAWholeAnswer() {
        String answer = """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"Paris."}]},"finishReason":"MAX_TOKENS"}],
                 "modelVersion":"gemini-2.0-flash-001","responseId":"r1",
                 "usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":2,"totalTokenCount":7}}""";
        Run run =
                ConverterHarness.assertSplitInvariant(() -> converter(false), answer.getBytes(StandardCharsets.UTF_8));
        JsonNode json = run.json();
        assertThat(json.get("object").asText()).isEqualTo("response");
        assertThat(json.get("status").asText()).isEqualTo("incomplete");
        assertThat(json.at("/incomplete_details/reason").asText()).isEqualTo("max_output_tokens");
        assertThat(json.at("/output/0/content/0/text").asText()).isEqualTo("Paris.");
        assertThat(json.at("/usage/input_tokens").asLong()).isEqualTo(5);
        assertThat(json.at("/usage/output_tokens").asLong()).isEqualTo(2);
        assertThat(run.usage()).isEqualTo(TokenUsage.of(5, 2));
    }
}
