package ai.burncloud.router.translate.gemini;

import ai.burncloud.router.translate.ir.FinishReason;

/** Gemini's {@code finishReason} to and from the neutral {@link FinishReason}. */
final class GeminiFinishReasons {
    private GeminiFinishReasons() {}

    /**
     * @param sawToolCall Gemini says {@code STOP} when it ends with function calls; the others call
     *     that a tool-call finish
     */
    static FinishReason read(String reason, boolean sawToolCall) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "STOP" -> sawToolCall ? FinishReason.TOOL_CALLS : FinishReason.STOP;
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "SAFETY",
                    "RECITATION",
                    "BLOCKLIST",
                    "PROHIBITED_CONTENT",
                    "SPII",
                    "IMAGE_SAFETY",
                    "IMAGE_PROHIBITED_CONTENT",
                    "IMAGE_RECITATION" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    static String write(FinishReason reason) {
        if (reason == null) {
            return "STOP";
        }
        return switch (reason) {
            case STOP, STOP_SEQUENCE, TOOL_CALLS -> "STOP";
            case LENGTH -> "MAX_TOKENS";
            case CONTENT_FILTER -> "SAFETY";
            case OTHER -> "OTHER";
        };
    }
}
