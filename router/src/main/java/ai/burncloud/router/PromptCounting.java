package ai.burncloud.router;

import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.service.TokenCounter;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a prompt is counted locally for billing (an upstream reported no prompt usage). A small body
 * is counted at once, on the caller's thread: a few pieces, well under a millisecond. A larger one is
 * counted on one background thread, never on an event loop, within LOCAL_COUNT_BUDGET_MS (the rest is
 * extrapolated); if that thread is backed up, the bytes-based estimate of the hold is used instead.
 * {@link #pending()} counts settlements still waiting for their count (in-flight for shutdown).
 */
final class PromptCounting implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PromptCounting.class);

    /** Bodies up to this size are counted inline: at most a few tokenizer pieces. */
    static final int INLINE_MAX_BYTES = 8 * 1024;

    private final TokenCounter counter;
    private final long budgetNanos;
    private final AtomicInteger pending = new AtomicInteger();
    private final ThreadPoolExecutor worker;

    PromptCounting(TokenCounter counter, Duration budget) {
        this.counter = counter;
        this.budgetNanos = budget.toNanos();
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), r -> {
            Thread t = new Thread(r, "burncloud-prompt-count");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Counts {@code request}'s prompt and hands the result to {@code then}: at once for a small body,
     * later on the counting thread for a large one (the body is retained until then).
     */
    void count(ClientRequest request, LongConsumer then) {
        if (request.body().readableBytes() <= INLINE_MAX_BYTES) {
            then.accept(PromptEstimator.estimate(request, counter, System.nanoTime() + budgetNanos));
            return;
        }
        request.body().retain();
        pending.incrementAndGet();
        try {
            worker.execute(() -> {
                try {
                    long tokens;
                    try {
                        tokens = PromptEstimator.estimate(request, counter, System.nanoTime() + budgetNanos);
                    } catch (RuntimeException e) {
                        log.error("counting a prompt failed: {}", e.toString());
                        tokens = PromptHold.tokens(request);
                    }
                    then.accept(tokens);
                } catch (RuntimeException e) {
                    log.error("settling after a prompt count failed: {}", e.toString(), e);
                } finally {
                    request.body().release();
                    pending.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            try {
                then.accept(PromptHold.tokens(request));
            } finally {
                request.body().release();
                pending.decrementAndGet();
            }
        }
    }

    int pending() {
        return pending.get();
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
