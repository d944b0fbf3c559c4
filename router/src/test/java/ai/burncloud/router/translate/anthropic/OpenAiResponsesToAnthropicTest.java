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
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.Requests;
import ai.burncloud.router.translate.ResponsesStreams;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenAI Responses client ({@code /v1/responses}) → Anthropic channel, converted through chat. */
class OpenAiResponsesToAnthropicTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_750_000_000L), ZoneOffset.UTC);
    private final OpenAiToAnthropicTranslator translator = new OpenAiToAnthropicTranslator(CLOCK);
    private final UpstreamTarget claude = Requests.target(ChannelType.ANTHROPIC, "claude-sonnet-4-5");

    static Stream<Arguments> requestMappings() {
        return Stream.of(
                Arguments.of("string input, instructions as system, max_output_tokens and sampling", """
                        {"model":"gpt-5","instructions":"Be brief.","input":"Hi","max_output_tokens":64,
                         "temperature":0.2,"top_p":0.9}""", """
                        {"model":"claude-sonnet-4-5","max_tokens":64,"system":"Be brief.",
                         "messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}],"temperature":0.2}"""),
                Arguments.of(
                        "Codex-shaped: developer message, flat function tools, tool_choice auto, serial calls,"
                                + " reasoning items dropped, store/include ignored, reasoning.effort medium as an 8192-token"
                                + " thinking budget on top of the 4096 the answer may use",
                        """
                        {"model":"gpt-5-codex","instructions":"You are Codex.","stream":true,"store":false,
                         "include":["reasoning.encrypted_content"],"reasoning":{"effort":"medium","summary":"auto"},
                         "tool_choice":"auto","parallel_tool_calls":false,"prompt_cache_key":"abc",
                         "tools":[{"type":"function","name":"shell","description":"Runs a command","strict":false,
                           "parameters":{"type":"object","properties":{"command":{"type":"array","items":{"type":"string"}}},
                             "required":["command"]}}],
                         "input":[
                          {"type":"message","role":"developer","content":[{"type":"input_text","text":"Sandbox: read-only."}]},
                          {"type":"message","role":"user","content":[{"type":"input_text","text":"list files"}]},
                          {"type":"reasoning","id":"rs_1","summary":[],"encrypted_content":"gAAAA"},
                          {"type":"function_call","call_id":"toolu_1","name":"shell","arguments":"{\\"command\\":[\\"ls\\"]}"},
                          {"type":"function_call_output","call_id":"toolu_1","output":"README.md"},
                          {"type":"message","role":"assistant","content":[{"type":"output_text","text":"One file."}]},
                          {"role":"user","content":"thanks"}]}""",
                        """
                        {"model":"claude-sonnet-4-5","max_tokens":12288,"thinking":{"type":"enabled","budget_tokens":8192},
                         "system":"You are Codex.\\n\\nSandbox: read-only.",
                         "messages":[
                          {"role":"user","content":[{"type":"text","text":"list files"}]},
                          {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"shell","input":{"command":["ls"]}}]},
                          {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"README.md"}]}]},
                          {"role":"assistant","content":[{"type":"text","text":"One file."}]},
                          {"role":"user","content":[{"type":"text","text":"thanks"}]}],
                         "tools":[{"name":"shell","description":"Runs a command","input_schema":{"type":"object",
                           "properties":{"command":{"type":"array","items":{"type":"string"}}},"required":["command"]}}],
                         "tool_choice":{"type":"auto","disable_parallel_tool_use":true},"stream":true}"""),
                Arguments.of("parallel function calls share one turn, and so do their outputs", """
                        {"model":"m","max_output_tokens":10,"input":[{"role":"user","content":"weather?"},
                          {"type":"function_call","call_id":"c1","name":"w","arguments":"{\\"city\\":\\"Paris\\"}"},
                          {"type":"function_call","call_id":"c2","name":"w","arguments":"{\\"city\\":\\"Rome\\"}"},
                          {"type":"function_call_output","call_id":"c1","output":"18C"},
                          {"type":"function_call_output","call_id":"c2","output":[{"type":"input_text","text":"25C"}]}],
                         "tools":[{"type":"function","name":"w","parameters":{"type":"object","properties":{}}}],
                         "tool_choice":{"type":"function","name":"w"}}""", """
                        {"model":"claude-sonnet-4-5","max_tokens":10,"messages":[
                          {"role":"user","content":[{"type":"text","text":"weather?"}]},
                          {"role":"assistant","content":[{"type":"tool_use","id":"c1","name":"w","input":{"city":"Paris"}},
                                                         {"type":"tool_use","id":"c2","name":"w","input":{"city":"Rome"}}]},
                          {"role":"user","content":[{"type":"tool_result","tool_use_id":"c1","content":[{"type":"text","text":"18C"}]},
                                                    {"type":"tool_result","tool_use_id":"c2","content":[{"type":"text","text":"25C"}]}]}],
                         "tools":[{"name":"w","input_schema":{"type":"object","properties":{}}}],
                         "tool_choice":{"type":"tool","name":"w"}}"""),
                Arguments.of(
                        "text.format json_schema (flat) becomes Anthropic's output format; images inline", """
                        {"model":"m","max_output_tokens":5,"text":{"format":{"type":"json_schema","name":"ids","strict":true,
                           "schema":{"type":"array","items":{"type":"integer"}}}},
                         "input":[{"role":"user","content":[{"type":"input_text","text":"ids in"},
                           {"type":"input_image","image_url":"data:image/png;base64,iVBORw0KGgo=","detail":"auto"}]}]}""", """
                        {"model":"claude-sonnet-4-5","max_tokens":5,"messages":[{"role":"user","content":[
                          {"type":"text","text":"ids in"},
                          {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}],
                         "output_config":{"format":{"type":"json_schema","schema":{"type":"array","items":{"type":"integer"}}}}}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestMappings")
    void mapsRequests(String name, String responses, String expectedAnthropic) throws Exception {
        UpstreamBody body = translator.toUpstream(Requests.request(Operation.RESPONSES, responses), claude, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.ANTHROPIC_MESSAGES);
        assertThat(Requests.body(body)).isEqualTo(Json.parse(expectedAnthropic));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        "{\"model\":\"m\",\"previous_response_id\":\"resp_1\",\"input\":\"x\"}",
                        "\"previous_response_id\" is not supported on anthropic channels: BurnCloud keeps no response"
                                + " store; send the whole conversation in \"input\""),
                Arguments.of(
                        "{\"model\":\"m\",\"input\":\"x\",\"tools\":[{\"type\":\"file_search\"}]}",
                        "tool type \"file_search\" is not supported on anthropic channels (only \"function\""),
                Arguments.of(
                        "{\"model\":\"m\",\"input\":\"x\",\"tools\":[{\"type\":\"web_search\"}],"
                                + "\"tool_choice\":{\"type\":\"web_search\"}}",
                        "this \"tool_choice\" is not supported on anthropic channels"),
                Arguments.of(
                        "{\"model\":\"m\",\"input\":[{\"type\":\"item_reference\",\"id\":\"msg_1\"}]}",
                        "\"item_reference\" input items are not supported"),
                Arguments.of("{\"model\":\"m\",\"conversation\":\"conv_1\",\"input\":\"x\"}", "\"conversation\""),
                Arguments.of(
                        "{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_file\","
                                + "\"file_id\":\"file-1\"}]}]}",
                        "\"input_file\" parts by \"file_id\" are not supported"),
                Arguments.of("{\"model\":\"m\"}", "\"input\" is required"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWhatWouldChangeMeaning(String responses, String reason) {
        assertThatThrownBy(() -> translator.toUpstream(Requests.request(Operation.RESPONSES, responses), claude, ALLOC))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining(reason);
    }

    private static final String STREAM_REQ = """
            {"model":"claude-alias","stream":true,"instructions":"Be brief.","input":"x","max_output_tokens":300,
             "tools":[{"type":"function","name":"get_weather","parameters":{"type":"object"}}]}""";

    private Run stream(String fixture) {
        ClientRequest req = Requests.request(Operation.RESPONSES, STREAM_REQ);
        UpstreamBody sent = Requests.sent(UpstreamOperation.ANTHROPIC_MESSAGES, true);
        return ConverterHarness.assertSplitInvariant(
                () -> translator.responseConverter(req, claude, sent, CompletionTextSink.NONE),
                ConverterHarness.fixture(fixture));
    }

    @Test
    void streamsTextInTheEventOrderOfTheOfficialSpecExample() {
        Run run = stream("anthropic/messages-stream.recorded-real.sse");
        assertThat(run.contentType()).isEqualTo("text/event-stream");
        List<JsonNode> events = run.dataJson();
        assertThat(ResponsesStreams.collapsedTypes(events))
                .isEqualTo(ResponsesStreams.fixtureTypes("openai/responses-stream.openapi-spec-example.sse"));
        assertThat(run.eventNames())
                .isEqualTo(events.stream().map(e -> e.get("type").asText()).toList());
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("sequence_number").asLong()).isEqualTo(i);
        }
        JsonNode created = events.get(0).get("response");
        assertThat(created.get("id").asText()).isEqualTo("resp_<id>");
        assertThat(created.get("status").asText()).isEqualTo("in_progress");
        assertThat(created.get("instructions").asText()).isEqualTo("Be brief.");
        assertThat(created.get("max_output_tokens").asInt()).isEqualTo(300);
        assertThat(created.get("created_at").asLong()).isEqualTo(1_750_000_000L);
        assertThat(ResponsesStreams.text(events)).isEqualTo("[12345,67890]");
        assertThat(ResponsesStreams.only(events, "response.output_text.done")
                        .get("text")
                        .asText())
                .isEqualTo("[12345,67890]");

        JsonNode completed = ResponsesStreams.only(events, "response.completed").get("response");
        assertThat(completed.get("status").asText()).isEqualTo("completed");
        assertThat(completed.get("model").asText()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(completed.at("/output/0/content/0/text").asText()).isEqualTo("[12345,67890]");
        assertThat(completed.get("usage")).isEqualTo(Json.parse("""
                        {"input_tokens":135,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"output_tokens":10,
                         "output_tokens_details":{"reasoning_tokens":0},"total_tokens":145}"""));
        assertThat(run.usage()).isEqualTo(new TokenUsage(135, 10, 0, 0, TokenUsage.UNREPORTED));
        assertThat(run.output()).doesNotContain("[DONE]");
        assertThat(run.fault()).isNull();
    }

    @Test
    void streamsToolUseAsAFunctionCallItemWhoseCallIdComesBackInTheNextTurn() {
        Run run = stream("anthropic/messages-stream.tool_use_response.sse");
        List<JsonNode> events = run.dataJson();
        assertThat(ResponsesStreams.collapsedTypes(events))
                .containsSubsequence(
                        "response.output_text.done",
                        "response.content_part.done",
                        "response.output_item.done",
                        "response.output_item.added",
                        "response.function_call_arguments.delta",
                        "response.function_call_arguments.done",
                        "response.output_item.done",
                        "response.completed");
        JsonNode added = events.stream()
                .filter(e -> e.get("type").asText().equals("response.output_item.added"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(added.get("output_index").asInt()).isEqualTo(1);
        assertThat(added.at("/item/type").asText()).isEqualTo("function_call");
        assertThat(added.at("/item/call_id").asText()).isEqualTo("toolu_01NRLabsLyVHZPKxbKvkfSMn");
        assertThat(added.at("/item/name").asText()).isEqualTo("get_weather");
        assertThat(Json.parse(ResponsesStreams.arguments(events))).isEqualTo(Json.parse("{\"location\": \"Paris\"}"));
        JsonNode done = ResponsesStreams.only(events, "response.function_call_arguments.done");
        assertThat(done.get("arguments").asText()).isEqualTo(ResponsesStreams.arguments(events));
        assertThat(done.get("name").asText()).isEqualTo("get_weather");
        assertThat(done.get("item_id").asText()).isEqualTo(added.at("/item/id").asText());

        JsonNode output = ResponsesStreams.only(events, "response.completed").at("/response/output");
        assertThat(output).hasSize(2);
        assertThat(output.at("/0/content/0/text").asText())
                .isEqualTo("I'll check the current weather in Paris for you.");
        assertThat(output.at("/1/call_id").asText()).isEqualTo("toolu_01NRLabsLyVHZPKxbKvkfSMn");
        assertThat(output.at("/1/status").asText()).isEqualTo("completed");
        assertThat(run.usage().prompt()).isEqualTo(377);
        assertThat(run.usage().completion()).isEqualTo(65);
    }

    @Test
    void anErrorEventInsideA200BecomesResponseFailed() {
        Run run = stream("anthropic/messages-stream.error-event.sse");
        assertThat(run.fault().type()).isEqualTo("overloaded_error");
        List<JsonNode> events = run.dataJson();
        JsonNode failed = events.get(events.size() - 1);
        assertThat(failed.get("type").asText()).isEqualTo("response.failed");
        assertThat(failed.at("/response/status").asText()).isEqualTo("failed");
        assertThat(failed.at("/response/error/code").asText()).isEqualTo("overloaded_error");
        assertThat(failed.at("/response/error/message").asText()).isEqualTo("Overloaded");
        assertThat(run.output()).doesNotContain("response.completed");
    }

    private Run whole(String message) {
        ClientRequest req = Requests.request(Operation.RESPONSES, "{\"model\":\"alias\",\"input\":\"x\"}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.ANTHROPIC_MESSAGES, false);
        return ConverterHarness.assertSplitInvariant(
                () -> translator.responseConverter(req, claude, sent, CompletionTextSink.NONE),
                message.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void convertsAWholeMessageToAResponseObject() {
        Run run = whole("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"text","text":"Let me look."},
                            {"type":"tool_use","id":"toolu_1","name":"lookup","input":{"q":"x"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":20,"cache_creation_input_tokens":5,"cache_read_input_tokens":100,"output_tokens":7}}""");
        JsonNode json = run.json();
        assertThat(json.get("id").asText()).isEqualTo("resp_<id>");
        assertThat(json.get("object").asText()).isEqualTo("response");
        assertThat(json.get("status").asText()).isEqualTo("completed");
        assertThat(json.get("incomplete_details").isNull()).isTrue();
        assertThat(json.get("model").asText()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(json.at("/output/0/type").asText()).isEqualTo("message");
        assertThat(json.at("/output/0/role").asText()).isEqualTo("assistant");
        assertThat(json.at("/output/0/content/0")).isEqualTo(Json.parse("""
                {"type":"output_text","text":"Let me look.","annotations":[],"logprobs":[]}"""));
        assertThat(json.at("/output/1/type").asText()).isEqualTo("function_call");
        assertThat(json.at("/output/1/call_id").asText()).isEqualTo("toolu_1");
        assertThat(json.at("/output/1/name").asText()).isEqualTo("lookup");
        assertThat(Json.parse(json.at("/output/1/arguments").asText())).isEqualTo(Json.parse("{\"q\":\"x\"}"));
        assertThat(json.get("usage")).isEqualTo(Json.parse("""
                {"input_tokens":125,"input_tokens_details":{"cached_tokens":100,"cache_write_tokens":5},"output_tokens":7,
                 "output_tokens_details":{"reasoning_tokens":0},"total_tokens":132}"""));
        assertThat(run.usage()).isEqualTo(new TokenUsage(125, 7, 100, 5, TokenUsage.UNREPORTED));
    }

    @Test
    void aMaxTokensStopIsAnIncompleteResponse() {
        Run run = whole("""
                {"id":"msg_2","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[{"type":"text","text":"Once upon"}],"stop_reason":"max_tokens",
                 "usage":{"input_tokens":3,"output_tokens":2}}""");
        assertThat(run.json().get("status").asText()).isEqualTo("incomplete");
        assertThat(run.json().at("/incomplete_details/reason").asText()).isEqualTo("max_output_tokens");
    }
}
