package ai.burncloud.router.translate.ir;

import ai.burncloud.common.TokenUsage;

/**
 * One step of a streamed answer in neutral terms. Upstream readers produce these from the
 * upstream's bytes; client writers consume them. Tool calls are numbered 0, 1, … in the order they
 * first appear, whatever the upstream's own block indexes were.
 */
public sealed interface StreamEvent {
    /** The answer began; {@code id} and {@code model} are the upstream's (either may be null). */
    record Start(String id, String model) implements StreamEvent {}

    /** Visible answer text. */
    record Text(String text) implements StreamEvent {}

    /** Reasoning ("thinking") text the upstream chose to show. */
    record Reasoning(String text) implements StreamEvent {}

    /** The signature that closes the current reasoning text (Anthropic, Bedrock Claude). */
    record ReasoningSignature(String signature) implements StreamEvent {}

    /** A whole block of encrypted reasoning; {@code data} is opaque. */
    record RedactedReasoning(String data) implements StreamEvent {}

    /** A tool call began. */
    record ToolStart(int index, String id, String name) implements StreamEvent {}

    /** A fragment of a tool call's JSON arguments (fragments concatenate to the full JSON). */
    record ToolArgs(int index, String json) implements StreamEvent {}

    /** Why generation stopped; {@code stopSequence} is the matched sequence when the upstream says. */
    record Finish(FinishReason reason, String stopSequence) implements StreamEvent {}

    /** Everything the upstream has reported about token usage so far (cumulative, not a delta). */
    record Usage(TokenUsage usage) implements StreamEvent {}

    /** The upstream reported an error inside its successful response; nothing follows. */
    record Failed(ErrorInfo error) implements StreamEvent {}

    /** The upstream said the answer is complete. */
    record End() implements StreamEvent {}
}
