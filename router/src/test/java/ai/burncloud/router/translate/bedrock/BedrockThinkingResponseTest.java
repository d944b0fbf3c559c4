package ai.burncloud.router.translate.bedrock;

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
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Claude's reasoning on Bedrock reaches Anthropic clients signed, and OpenAI clients as reasoning_content. */
class BedrockThinkingResponseTest {
    private final UpstreamTarget bedrock =
            Requests.target(ChannelType.BEDROCK, "us.anthropic.claude-sonnet-4-5-20250929-v1:0");

    /** A ConverseStream answer that thinks (signed), says a word, with usage after the stop. */
    static byte[] thinkingStream() {
        return EventStreams.concat(
                EventStreams.event("messageStart", "{\"role\":\"assistant\"}"),
                EventStreams.event(
                        "contentBlockDelta",
                        "{\"contentBlockIndex\":0,\"delta\":{\"reasoningContent\":{\"text\":\"Two plus two\"}}}"),
                EventStreams.event(
                        "contentBlockDelta",
                        "{\"contentBlockIndex\":0,\"delta\":{\"reasoningContent\":{\"text\":\" is four.\"}}}"),
                EventStreams.event(
                        "contentBlockDelta",
                        "{\"contentBlockIndex\":0,\"delta\":{\"reasoningContent\":{\"signature\":\"EqoBCkgIARABGAIi\"}}}"),
                EventStreams.event("contentBlockStop", "{\"contentBlockIndex\":0}"),
                EventStreams.event(
                        "contentBlockDelta",
                        "{\"contentBlockIndex\":1,\"delta\":{\"reasoningContent\":{\"redactedContent\":\"RWFzdGVy\"}}}"),
                EventStreams.event("contentBlockStop", "{\"contentBlockIndex\":1}"),
                EventStreams.event("contentBlockDelta", "{\"contentBlockIndex\":2,\"delta\":{\"text\":\"4\"}}"),
                EventStreams.event("contentBlockStop", "{\"contentBlockIndex\":2}"),
                EventStreams.event("messageStop", "{\"stopReason\":\"end_turn\"}"),
                EventStreams.event(
                        "metadata",
                        "{\"usage\":{\"inputTokens\":20,\"outputTokens\":75,\"totalTokens\":95},\"metrics\":{}}"));
    }

    private ResponseConverter anthropicStream() {
        ClientRequest req = Requests.request(
                Operation.MESSAGES, "{\"model\":\"claude\",\"max_tokens\":5,\"stream\":true,\"messages\":[]}");
        return new AnthropicToBedrockTranslator()
                .responseConverter(
                        req,
                        bedrock,
                        Requests.sent(UpstreamOperation.BEDROCK_CONVERSE_STREAM, true),
                        CompletionTextSink.NONE);
    }

    @Test
    void anthropicClientsGetThinkingBlocksWithTheirSignatures() {
        Run run = ConverterHarness.assertSplitInvariant(this::anthropicStream, thinkingStream());
        List<JsonNode> events = run.dataJson();
        assertThat(run.eventNames())
                .containsExactly(
                        "message_start",
                        "content_block_start",
                        "content_block_delta",
                        "content_block_delta",
                        "content_block_delta",
                        "content_block_stop",
                        "content_block_start",
                        "content_block_stop",
                        "content_block_start",
                        "content_block_delta",
                        "content_block_stop",
                        "message_delta",
                        "message_stop");
        assertThat(events.get(1).get("content_block"))
                .isEqualTo(Json.parse("{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}"));
        assertThat(events.get(4).get("delta"))
                .isEqualTo(Json.parse("{\"type\":\"signature_delta\",\"signature\":\"EqoBCkgIARABGAIi\"}"));
        assertThat(events.get(6).get("content_block"))
                .isEqualTo(Json.parse("{\"type\":\"redacted_thinking\",\"data\":\"RWFzdGVy\"}"));
        assertThat(events.get(6).get("index").asInt()).isEqualTo(1);
        assertThat(events.get(9).at("/delta/text").asText()).isEqualTo("4");
        assertThat(events.get(9).get("index").asInt()).isEqualTo(2);
        // Claude's output count includes its thinking: all of it is billed as completion
        assertThat(run.usage()).isEqualTo(TokenUsage.of(20, 75));
    }

    @Test
    void openAiClientsGetTheReasoningAsReasoningContent() {
        ClientRequest req = Requests.request(
                Operation.CHAT_COMPLETIONS,
                "{\"model\":\"claude\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[]}");
        Run run = ConverterHarness.run(
                () -> new OpenAiToBedrockTranslator(
                                Clock.fixed(java.time.Instant.ofEpochSecond(1_760_000_000L), java.time.ZoneOffset.UTC))
                        .responseConverter(
                                req,
                                bedrock,
                                Requests.sent(UpstreamOperation.BEDROCK_CONVERSE_STREAM, true),
                                CompletionTextSink.NONE),
                thinkingStream());
        StringBuilder reasoning = new StringBuilder();
        StringBuilder content = new StringBuilder();
        for (JsonNode chunk : run.dataJson()) {
            reasoning.append(chunk.at("/choices/0/delta/reasoning_content").asText(""));
            content.append(chunk.at("/choices/0/delta/content").asText(""));
        }
        assertThat(reasoning.toString()).isEqualTo("Two plus two is four.");
        assertThat(content.toString()).isEqualTo("4");
        assertThat(run.output()).doesNotContain("EqoBCkgIARABGAIi");
        JsonNode last = run.dataJson().get(run.dataJson().size() - 1);
        assertThat(last.at("/usage/completion_tokens").asLong()).isEqualTo(75);
    }

    @Test
    void wholeAnswersKeepTheSignatureForAnthropicClients() {
        String converse = """
                {"output":{"message":{"role":"assistant","content":[
                   {"reasoningContent":{"reasoningText":{"text":"Add them.","signature":"EqoBsig"}}},
                   {"reasoningContent":{"redactedContent":"RWFzdGVy"}},
                   {"text":"4"}]}},
                 "stopReason":"end_turn","usage":{"inputTokens":20,"outputTokens":40,"totalTokens":60}}""";
        ClientRequest req =
                Requests.request(Operation.MESSAGES, "{\"model\":\"claude\",\"max_tokens\":5,\"messages\":[]}");
        Run run = ConverterHarness.run(
                () -> new AnthropicToBedrockTranslator()
                        .responseConverter(
                                req,
                                bedrock,
                                Requests.sent(UpstreamOperation.BEDROCK_CONVERSE, false),
                                CompletionTextSink.NONE),
                converse.getBytes(StandardCharsets.UTF_8));
        assertThat(run.json().get("content")).isEqualTo(Json.parse("""
                [{"type":"thinking","thinking":"Add them.","signature":"EqoBsig"},
                 {"type":"redacted_thinking","data":"RWFzdGVy"},
                 {"type":"text","text":"4","citations":null}]"""));
        assertThat(run.usage()).isEqualTo(TokenUsage.of(20, 40));
    }
}
