package ai.burncloud.router.translate.anthropic;

import ai.burncloud.router.translate.ir.FinishReason;

/** Anthropic's {@code stop_reason} to and from the neutral {@link FinishReason}. */
final class AnthropicStopReasons {
    private AnthropicStopReasons() {}

    static FinishReason read(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "end_turn", "pause_turn" -> FinishReason.STOP;
            case "stop_sequence" -> FinishReason.STOP_SEQUENCE;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    static String write(FinishReason reason) {
        if (reason == null) {
            return "end_turn";
        }
        return switch (reason) {
            case STOP, OTHER -> "end_turn";
            case STOP_SEQUENCE -> "stop_sequence";
            case LENGTH -> "max_tokens";
            case TOOL_CALLS -> "tool_use";
            case CONTENT_FILTER -> "refusal";
        };
    }
}
