package ai.burncloud.router;

import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.service.TokenCounter;

/**
 * Counts the tokens of generated text as it streams by. Text is gathered in batches of up to
 * {@value #BATCH_CHARS} characters and tokenized a batch at a time, so memory per request stays
 * bounded and — in the common case where the upstream reports usage and the answer is short — the
 * tokenizer never runs at all: the last batch is only counted if someone asks.
 *
 * <p>Counting batches separately can differ from counting the whole text by a token at a boundary:
 * the count is an estimate, used only when the upstream reported no usage, and marked so.
 */
final class CompletionCounter implements CompletionTextSink {
    static final int BATCH_CHARS = 2048;

    private final TokenCounter counter;
    private final java.util.function.LongSupplier promptEstimate;
    private final StringBuilder batch = new StringBuilder();
    private long counted;

    CompletionCounter(TokenCounter counter) {
        this(counter, () -> TokenUsage.UNREPORTED);
    }

    /** @param promptEstimate the request's prompt tokens as counted locally (asked only when needed) */
    CompletionCounter(TokenCounter counter, java.util.function.LongSupplier promptEstimate) {
        this.counter = counter;
        this.promptEstimate = promptEstimate;
    }

    /** The gateway's own count: the prompt estimate and the tokens generated so far. */
    @Override
    public TokenUsage estimate() {
        return TokenUsage.of(promptEstimate.getAsLong(), tokens());
    }

    @Override
    public void append(CharSequence text) {
        if (text == null || text.length() == 0) {
            return;
        }
        batch.append(text);
        if (batch.length() >= BATCH_CHARS) {
            counted += counter.count(batch);
            batch.setLength(0);
            batch.trimToSize();
        }
    }

    /** Tokens of all text seen so far. */
    long tokens() {
        if (batch.length() > 0) {
            counted += counter.count(batch);
            batch.setLength(0);
        }
        return counted;
    }
}
