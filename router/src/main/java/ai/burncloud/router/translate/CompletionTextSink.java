package ai.burncloud.router.translate;

import ai.burncloud.common.TokenUsage;

/**
 * Receives the completion text a converter sees go by, so tokens can be counted locally when an
 * upstream reports no usage. Implementations count incrementally and keep no text.
 */
@FunctionalInterface
public interface CompletionTextSink {
    CompletionTextSink NONE = text -> {};

    void append(CharSequence text);

    /**
     * The gateway's own count of this request's usage so far (prompt estimated, completion counted),
     * for a client who asked for usage the upstream did not report; {@link TokenUsage#NONE} when the
     * sink cannot tell.
     */
    default TokenUsage estimate() {
        return TokenUsage.NONE;
    }
}
