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
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicToBedrockTranslatorTest {
    private final AnthropicToBedrockTranslator translator = new AnthropicToBedrockTranslator();
    /** Converse, as the channel config can ask for it even for Claude (InvokeModel has its own test). */
    private final UpstreamTarget bedrock =
            Requests.target(ChannelType.BEDROCK, "anthropic.claude-sonnet-4-5-v1:0", "{\"api\":\"converse\"}");

    @Test
    void mapsToolResultsWithTheirErrorStatus() throws Exception {
        String anthropic = """
                {"model":"claude","max_tokens":300,"stream":true,"system":[{"type":"text","text":"S"}],
                 "tools":[{"name":"run","input_schema":{"type":"object"}}],"tool_choice":{"type":"tool","name":"run"},
                 "messages":[{"role":"user","content":"go"},
                   {"role":"assistant","content":[{"type":"tool_use","id":"toolu_9","name":"run","input":{"cmd":"ls"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_9","is_error":true,"content":"denied"}]}]}""";
        UpstreamBody body = translator.toUpstream(Requests.request(Operation.MESSAGES, anthropic), bedrock, ALLOC);
        assertThat(body.operation()).isEqualTo(UpstreamOperation.BEDROCK_CONVERSE_STREAM);
        assertThat(body.stream()).isTrue();
        assertThat(Requests.body(body)).isEqualTo(Json.parse("""
                {"messages":[{"role":"user","content":[{"text":"go"}]},
                  {"role":"assistant","content":[{"toolUse":{"toolUseId":"toolu_9","name":"run","input":{"cmd":"ls"}}}]},
                  {"role":"user","content":[{"toolResult":{"toolUseId":"toolu_9","content":[{"text":"denied"}],"status":"error"}}]}],
                 "system":[{"text":"S"}],"inferenceConfig":{"maxTokens":300},
                 "toolConfig":{"tools":[{"toolSpec":{"name":"run","inputSchema":{"json":{"type":"object"}}}}],
                   "toolChoice":{"tool":{"name":"run"}}}}"""));
    }

    private ResponseConverter stream() {
        ClientRequest req = Requests.request(
                Operation.MESSAGES, "{\"model\":\"claude-alias\",\"max_tokens\":5,\"stream\":true,\"messages\":[]}");
        UpstreamBody sent = Requests.sent(UpstreamOperation.BEDROCK_CONVERSE_STREAM, true);
        return translator.responseConverter(req, bedrock, sent, CompletionTextSink.NONE);
    }

    @Test
    void usageThatArrivesAfterTheStopStillReachesMessageDelta() {
        Run run = ConverterHarness.assertSplitInvariant(
                this::stream, ConverterHarness.fixture("bedrock/converse-stream.text.eventstream.bin"));
        assertThat(run.eventNames())
                .containsExactly(
                        "message_start",
                        "content_block_start",
                        "content_block_delta",
                        "content_block_delta",
                        "content_block_delta",
                        "content_block_stop",
                        "message_delta",
                        "message_stop");
        List<JsonNode> events = run.dataJson();
        assertThat(events.get(0).at("/message/model").asText()).isEqualTo("claude-alias");
        JsonNode delta = events.get(6);
        assertThat(delta.at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(delta.at("/usage/input_tokens").asInt()).isEqualTo(11);
        assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(6);
        assertThat(run.usage()).isEqualTo(TokenUsage.of(11, 6));
    }

    @Test
    void cacheWritesAreSplitBackOutForAnthropicClients() {
        Run run = ConverterHarness.assertSplitInvariant(this::stream, EventStreams.toolUseStream());
        List<JsonNode> events = run.dataJson();
        JsonNode delta = events.get(events.size() - 2);
        assertThat(delta.at("/delta/stop_reason").asText()).isEqualTo("tool_use");
        assertThat(delta.get("usage")).isEqualTo(Json.parse("""
                {"input_tokens":11,"output_tokens":254,"cache_creation_input_tokens":1584,"cache_read_input_tokens":0,
                 "server_tool_use":null}"""));
        JsonNode toolBlock = events.stream()
                .filter(e -> "tool_use".equals(e.at("/content_block/type").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(toolBlock.at("/content_block/id").asText()).isEqualTo("tooluse_abc");
    }

    @Test
    void throttlingMidStreamBecomesAnAnthropicRateLimitEvent() {
        Run run = ConverterHarness.assertSplitInvariant(
                this::stream, ConverterHarness.fixture("bedrock/converse-stream.throttling-midstream.eventstream.bin"));
        assertThat(run.eventNames()).endsWith("error").doesNotContain("message_stop");
        List<JsonNode> events = run.dataJson();
        assertThat(events.get(events.size() - 1)).isEqualTo(Json.parse("""
                {"type":"error","error":{"type":"rate_limit_error","message":"Too many requests, please wait before trying again."}}"""));
    }

    @Test
    void countTokensIsLocal() throws Exception {
        UpstreamBody body = translator.toUpstream(
                Requests.request(
                        Operation.COUNT_TOKENS,
                        "{\"model\":\"c\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello, world\"}]}"),
                bedrock,
                ALLOC);
        assertThat(Requests.body(body)).isEqualTo(Json.parse("{\"input_tokens\":3}"));
    }
}
