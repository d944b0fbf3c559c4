package ai.burncloud.router;

import ai.burncloud.common.Settlement;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamTarget;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of one exchange: what it learnt along the way (usage, generated tokens, timing) and the one
 * settlement. {@link #settle} runs once and always releases the client's request, the in-flight count
 * and — even if settling itself fails — the quota hold.
 */
final class ExchangeEnding {
    private static final Logger log = LoggerFactory.getLogger(ExchangeEnding.class);

    private final DataPlane plane;
    private final Admission admission;
    private final FullHttpRequest clientRequest;
    private final String requestId;
    private final String clientIp;
    private final ClientStream client;
    private final Runnable onDone;
    private final long startNanos = System.nanoTime();
    private final long startMs = System.currentTimeMillis();
    private final CompletionCounter completion;
    private TokenUsage usage = TokenUsage.NONE;

    ExchangeEnding(
            DataPlane plane,
            Admission admission,
            FullHttpRequest clientRequest,
            String requestId,
            String clientIp,
            ClientStream client,
            Runnable onDone) {
        this.plane = plane;
        this.admission = admission;
        this.clientRequest = clientRequest;
        this.requestId = requestId;
        this.clientIp = clientIp;
        this.client = client;
        this.onDone = onDone;
        this.completion = admission.completion(); // shared with the in-flight journal
    }

    /** Counts the generated text of the current attempt (and estimates usage for a client who asked). */
    CompletionCounter completion() {
        return completion;
    }

    /** Closes the relay and keeps the usage it read. */
    void usageFrom(ResponseRelay relay) {
        relay.close();
        usage = relay.usage();
    }

    /** A new attempt starts: usage read by a failed one is not this request's. */
    void forgetUsage() {
        usage = TokenUsage.NONE;
    }

    /** Releases a translated body the exchange still holds (after an attempt, or at the end). */
    static void release(UpstreamBody sent) {
        if (sent != null && sent.body() != null && sent.body().refCnt() > 0) {
            sent.body().release();
        }
    }

    void settle(
            Settlement settlement,
            int status,
            String errorCode,
            Upstream upstream,
            UpstreamTarget target,
            UpstreamBody sent,
            List<String> trail) {
        try {
            release(sent);
            TokenUsage reported = usage;
            Operation op = admission.request().operation();
            if (op == Operation.COUNT_TOKENS || op == Operation.COUNT_TOKENS_GEMINI || sent != null && sent.isLocal()) {
                reported = TokenUsage.of(0, 0); // counting tokens is free
            }
            long now = System.nanoTime();
            Long ttfb = client.firstByteNanos() == 0 ? null : (client.firstByteNanos() - startNanos) / 1_000_000;
            Settler.Outcome outcome = new Settler.Outcome(
                    settlement,
                    status,
                    reported,
                    completion,
                    upstream == null ? null : upstream.id(),
                    target == null ? null : target.upstreamModel(),
                    trail.isEmpty() ? null : String.join(",", trail),
                    errorCode,
                    (now - startNanos) / 1_000_000,
                    ttfb);
            plane.settler().settle(admission, requestId, clientRequest.uri(), clientIp, startMs, outcome);
            if (log.isDebugEnabled()) {
                log.debug(
                        "{} {} model={} trail={} settlement={} status={} total={}ms ttfb={}ms",
                        requestId,
                        clientRequest.uri(),
                        admission.request().model(),
                        outcome.retryTrail(),
                        settlement.id(),
                        status,
                        outcome.latencyMs(),
                        ttfb);
            }
        } catch (Throwable t) {
            log.error("{} could not be settled: {}", requestId, t.toString(), t);
            plane.settler().abandon(admission); // never leave the money held
        } finally {
            if (clientRequest.refCnt() > 0) {
                clientRequest.release();
            }
            plane.inFlight().decrementAndGet();
            onDone.run();
        }
    }
}
