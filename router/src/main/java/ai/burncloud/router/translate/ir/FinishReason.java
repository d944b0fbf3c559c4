package ai.burncloud.router.translate.ir;

import java.util.Locale;

/** Why generation stopped, in neutral terms each dialect maps to and from. */
public enum FinishReason {
    /** A natural end of turn. */
    STOP,
    /** One of the caller's stop sequences matched. */
    STOP_SEQUENCE,
    /** The output-token limit was reached. */
    LENGTH,
    /** The model asked for tool calls. */
    TOOL_CALLS,
    /** A safety or content filter ended the answer. */
    CONTENT_FILTER,
    /** Anything else the upstream reported (kept so it is never mistaken for a clean stop). */
    OTHER;

    /**
     * The reason to report when the answer held tool calls: some OpenAI-compatible hosts say
     * {@code stop} after calling tools, and clients run tools only on a tool-call finish.
     */
    public static FinishReason afterToolCalls(FinishReason reason, boolean hadToolCalls) {
        if (hadToolCalls && (reason == null || reason == STOP || reason == OTHER)) {
            return TOOL_CALLS;
        }
        return reason;
    }

    /** OpenAI's {@code finish_reason}. OpenAI does not tell a stop sequence from a natural stop. */
    public String openAi() {
        return switch (this) {
            case STOP, STOP_SEQUENCE, OTHER -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
        };
    }

    /** Reads OpenAI's {@code finish_reason} (null when absent). */
    public static FinishReason fromOpenAi(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "stop" -> STOP;
            case "length" -> LENGTH;
            case "tool_calls", "function_call" -> TOOL_CALLS;
            case "content_filter" -> CONTENT_FILTER;
            default -> OTHER;
        };
    }
}
