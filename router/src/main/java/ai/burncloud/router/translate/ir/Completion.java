package ai.burncloud.router.translate.ir;

import ai.burncloud.common.TokenUsage;
import java.util.List;

/**
 * A whole (non-streamed) answer in neutral terms: what an upstream's JSON body is read into and a
 * client's JSON body is written from.
 *
 * @param id the upstream's response id, or null
 * @param model the model the upstream says answered, or null
 * @param parts text, reasoning and tool calls in the order the upstream gave them
 * @param finish why generation stopped, or null when the upstream did not say
 * @param stopSequence the stop sequence that matched, when the upstream says
 */
public record Completion(
        String id, String model, List<Part> parts, FinishReason finish, String stopSequence, TokenUsage usage) {

    /** One piece of an answer. */
    public sealed interface Part {}

    public record Text(String text) implements Part {}

    /** Reasoning text; {@code signature} when the upstream signed it (Anthropic, Bedrock Claude), else null. */
    public record Reasoning(String text, String signature) implements Part {
        public Reasoning(String text) {
            this(text, null);
        }
    }

    /** Reasoning the upstream encrypted; {@code data} is opaque and goes back to it unchanged. */
    public record RedactedReasoning(String data) implements Part {}

    /** A tool call; {@code argumentsJson} is the arguments object as JSON text. */
    public record ToolCall(String id, String name, String argumentsJson) implements Part {}

    /** All visible text, concatenated. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Text t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }

    public List<ToolCall> toolCalls() {
        return parts.stream()
                .filter(ToolCall.class::isInstance)
                .map(ToolCall.class::cast)
                .toList();
    }
}
