package ai.burncloud.router;

import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.service.TokenCounter;

/**
 * Counts the tokens of generated text as it streams by, piece by piece, keeping no text. Counting
 * pieces separately can differ from counting the whole by a token here and there: it is an estimate,
 * used only when the upstream reported no usage, and the log row says so.
 */
final class CompletionCounter implements CompletionTextSink {
    private final TokenCounter counter;
    private long tokens;
    private boolean sawText;

    CompletionCounter(TokenCounter counter) {
        this.counter = counter;
    }

    @Override
    public void append(CharSequence text) {
        if (text != null && text.length() > 0) {
            sawText = true;
            tokens += counter.count(text);
        }
    }

    long tokens() {
        return tokens;
    }

    boolean sawText() {
        return sawText;
    }
}
