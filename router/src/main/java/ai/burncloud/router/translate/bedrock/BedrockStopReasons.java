package ai.burncloud.router.translate.bedrock;

import ai.burncloud.router.translate.ir.FinishReason;

/** Bedrock Converse's {@code stopReason} in neutral terms. */
final class BedrockStopReasons {
    private BedrockStopReasons() {}

    static FinishReason read(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "end_turn" -> FinishReason.STOP;
            case "stop_sequence" -> FinishReason.STOP_SEQUENCE;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "guardrail_intervened", "content_filtered" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
