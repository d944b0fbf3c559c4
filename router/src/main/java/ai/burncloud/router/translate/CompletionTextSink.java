package ai.burncloud.router.translate;

/**
 * Receives the completion text a converter sees go by, so tokens can be counted locally when an
 * upstream reports no usage. Implementations count incrementally and keep no text.
 */
@FunctionalInterface
public interface CompletionTextSink {
    CompletionTextSink NONE = text -> {};

    void append(CharSequence text);
}
