package ai.burncloud.router;

import ai.burncloud.common.Settlement;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.service.CostCalculator;
import ai.burncloud.service.QuotaLedger;
import ai.burncloud.service.RequestListener;
import ai.burncloud.service.TokenCounter;
import ai.burncloud.service.UsageRecorder;
import io.netty.util.concurrent.EventExecutor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Opens and ends a request's money story, the end exactly once: {@link #admitted} puts the request in
 * the in-flight journal; {@link #settle} takes it out, computes the cost from the usage (the upstream's
 * numbers, with any missing field estimated locally and the row marked so), replaces the quota hold
 * by that cost (or releases it when nothing was served), and queues the log row.
 *
 * <p>Billing rule per settlement (docs/BILLING.md): COMPLETED, CLIENT_GONE, UPSTREAM_ERROR_MIDSTREAM
 * and TIMEOUT are charged for the tokens reported or delivered; UPSTREAM_FAILED, REJECTED and
 * SERVER_ERROR are free.
 */
final class Settler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Settler.class);

    private final QuotaLedger ledger;
    private final UsageRecorder recorder;
    private final TokenCounter tokenCounter;
    private final InFlightRequests inFlight;
    private final List<RequestListener> listeners = new CopyOnWriteArrayList<>();

    Settler(QuotaLedger ledger, UsageRecorder recorder, TokenCounter tokenCounter, InFlightRequests inFlight) {
        this.ledger = ledger;
        this.recorder = recorder;
        this.tokenCounter = tokenCounter;
        this.inFlight = inFlight;
    }

    /** The request is on its way upstream: journaled as in flight from the next flush until it settles. */
    void admitted(
            Admission a, String requestId, String endpoint, String clientIp, long startedAtMs, EventExecutor loop) {
        inFlight.admitted(a, requestId, endpoint, clientIp, startedAtMs, loop);
    }

    void addListener(RequestListener l) {
        listeners.add(l);
    }

    /** What happened to one request, as the exchange knows it at the end. */
    record Outcome(
            Settlement settlement,
            int status,
            TokenUsage reported,
            CompletionCounter completion,
            Long channelId,
            String upstreamModel,
            String retryTrail,
            String errorCode,
            long latencyMs,
            Long ttfbMs) {}

    RequestLog settle(Admission a, String requestId, String endpoint, String clientIp, long startedAtMs, Outcome o) {
        // out of the in-flight set before the row is queued: a flush then logs it or journals it, never both
        inFlight.settled(requestId);
        boolean charged = o.settlement() != Settlement.UPSTREAM_FAILED
                && o.settlement() != Settlement.REJECTED
                && o.settlement() != Settlement.SERVER_ERROR;
        TokenUsage usage = TokenUsage.NONE;
        boolean estimated = false;
        long cost = 0;
        if (charged) {
            usage = o.reported() == null ? TokenUsage.NONE : o.reported();
            if (usage.prompt() == TokenUsage.UNREPORTED) {
                usage = usage.withPrompt(promptEstimate(a));
                estimated = true;
            }
            if (usage.completion() == TokenUsage.UNREPORTED) {
                usage = usage.withCompletion(completionCount(o.completion()));
                estimated = true;
            }
            if (a.price() != null) {
                cost = CostCalculator.cost(a.price(), usage, a.token().groupRatio());
            }
            ledger.settle(a.hold(), cost);
        } else {
            ledger.release(a.hold());
        }
        RequestLog row = new RequestLog(
                0,
                requestId,
                startedAtMs,
                a.token().user().id(),
                a.token().token().id(),
                o.channelId(),
                endpoint,
                a.request().model(),
                o.upstreamModel(),
                TokenUsage.orZero(usage.prompt()),
                TokenUsage.orZero(usage.completion()),
                TokenUsage.orZero(usage.cachedRead()),
                TokenUsage.orZero(usage.cacheCreation()),
                TokenUsage.orZero(usage.reasoning()),
                cost,
                o.latencyMs(),
                o.ttfbMs(),
                o.status(),
                a.request().stream(),
                o.settlement().id(),
                o.retryTrail(),
                estimated,
                charged && a.price() == null,
                o.errorCode(),
                clientIp);
        recorder.record(row);
        notifyListeners(row);
        return row;
    }

    /** The local prompt count; a body the estimator cannot read counts 0 rather than lose the row. */
    private long promptEstimate(Admission a) {
        try {
            return PromptEstimator.estimate(a.request(), tokenCounter);
        } catch (RuntimeException e) {
            log.warn("prompt of {} could not be counted: {}", a.request().model(), e.toString());
            return 0;
        }
    }

    private static long completionCount(CompletionCounter c) {
        try {
            return c == null ? 0 : c.tokens();
        } catch (RuntimeException e) {
            log.warn("completion could not be counted: {}", e.toString());
            return 0;
        }
    }

    private void notifyListeners(RequestLog row) {
        for (RequestListener l : listeners) {
            try {
                l.onSettled(row);
            } catch (RuntimeException e) {
                log.warn("request listener failed: {}", e.toString());
            }
        }
    }

    /** Releases the hold when settling failed (a no-op if it was already settled). */
    void abandon(Admission a) {
        ledger.release(a.hold());
    }

    /** A request refused after authentication (no hold exists): logged, never charged. */
    void rejected(
            AuthorizedToken token,
            ClientRequest request,
            String requestId,
            String endpoint,
            String clientIp,
            long startedAtMs,
            int status,
            String errorCode,
            long latencyMs) {
        RequestLog row = new RequestLog(
                0,
                requestId,
                startedAtMs,
                token.user().id(),
                token.token().id(),
                null,
                endpoint,
                request == null ? null : request.model(),
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                latencyMs,
                null,
                status,
                request != null && request.stream(),
                Settlement.REJECTED.id(),
                null,
                false,
                false,
                errorCode,
                clientIp);
        recorder.record(row);
        notifyListeners(row);
    }
}
