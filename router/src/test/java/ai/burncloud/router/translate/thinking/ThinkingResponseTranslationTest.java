package ai.burncloud.router.translate.thinking;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.ConverterHarness;
import ai.burncloud.router.translate.ConverterHarness.Run;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.Requests;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.anthropic.OpenAiToAnthropicTranslator;
import ai.burncloud.router.translate.gemini.AnthropicToGeminiTranslator;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Reasoning text and reasoning tokens reach clients of other dialects. */
class ThinkingResponseTranslationTest {
    private static final String CLAUDE_THINKING_STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"usage":{"input_tokens":12,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Count the r's."}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EuYBCkQYAiJA"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Three."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":120}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    @Test
    void claudeThinkingStreamsToOpenAiClientsAsReasoningContent() {
        ClientRequest req = Requests.request(
                Operation.CHAT_COMPLETIONS,
                "{\"model\":\"claude\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[]}");
        Run run = ConverterHarness.assertSplitInvariant(
                () -> new OpenAiToAnthropicTranslator(
                                Clock.fixed(java.time.Instant.ofEpochSecond(1_760_000_000L), java.time.ZoneOffset.UTC))
                        .responseConverter(
                                req,
                                Requests.target(ChannelType.ANTHROPIC, "claude-sonnet-4-5"),
                                Requests.sent(UpstreamOperation.ANTHROPIC_MESSAGES, true),
                                CompletionTextSink.NONE),
                CLAUDE_THINKING_STREAM.getBytes(StandardCharsets.UTF_8));
        JsonNode reasoningChunk = run.dataJson().stream()
                .filter(c -> c.at("/choices/0/delta").has("reasoning_content"))
                .findFirst()
                .orElseThrow();
        assertThat(reasoningChunk.at("/choices/0/delta/reasoning_content").asText())
                .isEqualTo("Count the r's.");
        assertThat(run.output()).contains("\"content\":\"Three.\"").doesNotContain("EuYBCkQYAiJA");
        JsonNode usage = run.dataJson().get(run.dataJson().size() - 1).get("usage");
        // Claude counts its thinking in output_tokens and reports no split: no reasoning_tokens invented
        assertThat(usage.get("completion_tokens").asLong()).isEqualTo(120);
        assertThat(usage.has("completion_tokens_details")).isFalse();
        assertThat(run.usage().completion()).isEqualTo(120);
    }

    @Test
    void geminiThoughtsReachAnthropicClientsAsThinkingAndAreBilledAsOutput() {
        String gemini = """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"Let me think.","thought":true},{"text":"Three."}]},
                  "finishReason":"STOP"}],
                 "usageMetadata":{"promptTokenCount":9,"candidatesTokenCount":2,"thoughtsTokenCount":40,"totalTokenCount":51},
                 "modelVersion":"gemini-2.5-flash"}""";
        ClientRequest req =
                Requests.request(Operation.MESSAGES, "{\"model\":\"claude\",\"max_tokens\":5,\"messages\":[]}");
        Run run = ConverterHarness.run(
                () -> new AnthropicToGeminiTranslator()
                        .responseConverter(
                                req,
                                Requests.target(ChannelType.GEMINI, "gemini-2.5-flash"),
                                Requests.sent(UpstreamOperation.GEMINI_GENERATE_CONTENT, false),
                                CompletionTextSink.NONE),
                gemini.getBytes(StandardCharsets.UTF_8));
        JsonNode body = run.json();
        assertThat(body.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(body.at("/content/0/thinking").asText()).isEqualTo("Let me think.");
        assertThat(body.at("/content/1/text").asText()).isEqualTo("Three.");
        assertThat(body.at("/usage/output_tokens").asLong()).isEqualTo(42);
        assertThat(run.usage()).isEqualTo(new TokenUsage(9, 42, TokenUsage.UNREPORTED, TokenUsage.UNREPORTED, 40));
    }
}
