package ai.burncloud.router;

import ai.burncloud.common.Settlement;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.service.CostCalculator;
import ai.burncloud.service.QuotaLedger;
import ai.burncloud.service.RequestListener;
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
    private final PromptCounting prompts;
    private final InFlightRequests inFlight;
    private final List<RequestListener> listeners = new CopyOnWriteArrayList<>();

    Settler(QuotaLedger ledger, UsageRecorder recorder, PromptCounting prompts, InFlightRequests inFlight) {
        this.ledger = ledger;
        this.recorder = recorder;
        this.prompts = prompts;
        this.inFlight = inFlight;
    }

    /** Settlements waiting for a prompt count on the counting thread. */
    int pendingCounts() {
        return prompts.pending();
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

    /** Settles now, or — when a large prompt must be counted first — later, off the event loop (then null). */
    RequestLog settle(Admission a, String requestId, String endpoint, String clientIp, long startedAtMs, Outcome o) {
        boolean charged = o.settlement() != Settlement.UPSTREAM_FAILED
                && o.settlement() != Settlement.REJECTED
                && o.settlement() != Settlement.SERVER_ERROR;
        TokenUsage reported = UpstreamUsage.sane(o.reported(), requestId, o.channelId());
        if (charged && reported.prompt() == TokenUsage.UNREPORTED) {
            RequestLog[] now = new RequestLog[1];
            prompts.count(
                    a.request(),
                    prompt -> now[0] = settle(
                            a, requestId, endpoint, clientIp, startedAtMs, o, reported.withPrompt(prompt), true));
            return now[0];
        }
        return settle(a, requestId, endpoint, clientIp, startedAtMs, o, reported, false);
    }

    private RequestLog settle(
            Admission a,
            String requestId,
            String endpoint,
            String clientIp,
            long startedAtMs,
            Outcome o,
            TokenUsage reported,
            boolean estimated) {
        boolean charged = o.settlement() != Settlement.UPSTREAM_FAILED
                && o.settlement() != Settlement.REJECTED
                && o.settlement() != Settlement.SERVER_ERROR;
        TokenUsage usage = TokenUsage.NONE;
        long cost = 0;
        if (charged) {
            usage = reported;
            if (usage.completion() == TokenUsage.UNREPORTED) {
                usage = usage.withCompletion(completionCount(o.completion()));
                estimated = true;
            }
            if (a.price() != null) {
                cost = CostCalculator.cost(a.price(), usage, a.token().groupRatio());
            }
        }
        boolean first = charged ? ledger.settle(a.hold(), cost) : ledger.release(a.hold());
        if (first) {
            endTicket(a, cost, TokenUsage.orZero(usage.prompt()) + TokenUsage.orZero(usage.completion()));
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
        // out of the in-flight set just before the row is queued (also after a deferred prompt count, so a
        // request being counted is still journaled): a flush then logs it or journals it, never both
        inFlight.settled(requestId);
        recorder.record(row);
        notifyListeners(row);
        return row;
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
        if (ledger.release(a.hold())) {
            try {
                a.ticket().abandoned();
            } catch (RuntimeException e) {
                log.warn("admission ticket could not be given back: {}", e.toString());
            }
        }
    }

    /** Sets right what admission took besides the ledger (never lets a failure there cost the log row). */
    private static void endTicket(Admission a, long cost, long tokensUsed) {
        try {
            a.ticket().settled(cost, tokensUsed);
        } catch (RuntimeException e) {
            log.warn("admission ticket could not be settled: {}", e.toString());
        }
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
