package ai.burncloud.router;

import ai.burncloud.common.TokenUsage;
import ai.burncloud.database.JournalEntry;
import ai.burncloud.service.CostCalculator;
import ai.burncloud.service.TokenCounter;
import io.netty.util.concurrent.EventExecutor;

/**
 * One admitted request as the in-flight journal sees it: who pays, what it asked for, and its
 * progress as last sampled on its own event loop.
 *
 * <p>Threads: {@link #sample} and {@link #settle} run on the request's event loop (so sampling never
 * reads a body the exchange has already released); {@link #entry} runs on the state-sync thread and
 * reads only final fields and the published progress.
 */
final class InFlightRequest {
    private final Admission admission;
    private final String requestId;
    private final String endpoint;
    private final String clientIp;
    private final long startedAtMs;
    private final EventExecutor loop;
    private final long cheapPromptEstimate;
    private boolean settled;
    private long promptEstimate = -1;
    private volatile Progress progress;

    /** Usage known at a journal point. */
    private record Progress(long prompt, long completion) {}

    InFlightRequest(
            Admission admission,
            String requestId,
            String endpoint,
            String clientIp,
            long startedAtMs,
            EventExecutor loop) {
        this.admission = admission;
        this.requestId = requestId;
        this.endpoint = endpoint;
        this.clientIp = clientIp;
        this.startedAtMs = startedAtMs;
        this.loop = loop;
        // what the hold assumed, until the first sample has the real estimate
        this.cheapPromptEstimate = (admission.request().body().readableBytes() + 3) / 4;
    }

    String requestId() {
        return requestId;
    }

    EventExecutor loop() {
        return loop;
    }

    /** Event loop: the request settled; its body may be released after this. */
    void settle() {
        settled = true;
    }

    /** Event loop: publishes the usage known now (the prompt is estimated once, as the Settler would). */
    void sample(TokenCounter tokenCounter) {
        if (settled) {
            return;
        }
        if (promptEstimate < 0) {
            try {
                // on the event loop: within the short budget, the rest extrapolated
                promptEstimate = PromptEstimator.estimate(
                        admission.request(),
                        tokenCounter,
                        System.nanoTime() + PromptEstimator.ON_EVENT_LOOP_BUDGET_NANOS);
            } catch (RuntimeException e) {
                promptEstimate = cheapPromptEstimate;
            }
        }
        progress = new Progress(promptEstimate, admission.completion().tokens());
    }

    /** State-sync thread: the journal row at {@code nowMs}, priced as the Settler would price it. */
    JournalEntry entry(String instanceId, long nowMs) {
        Progress p = progress;
        long prompt = p == null ? cheapPromptEstimate : p.prompt();
        long completion = p == null ? 0 : p.completion();
        long cost = admission.price() == null
                ? 0
                : CostCalculator.cost(
                        admission.price(),
                        TokenUsage.of(prompt, completion),
                        admission.token().groupRatio());
        return new JournalEntry(
                instanceId,
                requestId,
                nowMs,
                startedAtMs,
                admission.token().user().id(),
                admission.token().token().id(),
                endpoint,
                admission.request().model(),
                admission.request().stream(),
                prompt,
                completion,
                cost,
                admission.price() == null,
                clientIp);
    }
}
