package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Settlement;
import ai.burncloud.router.codec.EventStreamCorruptedException;
import ai.burncloud.router.codec.SseFrameTooLongException;
import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.Translator;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamDialect;
import ai.burncloud.router.translate.UpstreamFault;
import ai.burncloud.router.translate.UpstreamTarget;
import ai.burncloud.service.ChannelAdmin;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One admitted request on its way through upstreams — the coordinator: it picks a channel, runs an
 * {@link UpstreamAttempt} on it, hands a 2xx answer to a {@link ResponseRelay}, asks the
 * {@link RetryRule} what a failure means, and ends with one settlement ({@link ExchangeEnding}).
 * Everything runs on the client's event loop, so no field needs a lock.
 *
 * <p>Every way into the exchange — start, client events, upstream events, timers — passes through its
 * {@link ExchangeGuard}: whatever a translator, converter or our own code throws ends in
 * {@link #crashed}, and the exchange's methods never run inside one another (the client's leaving is
 * reported by the event loop, not from inside a write).
 */
final class ProxyExchange {
    private static final Logger log = LoggerFactory.getLogger(ProxyExchange.class);

    private final DataPlane plane;
    private final ChannelHandlerContext ctx;
    private final Admission admission;
    private final FullHttpRequest clientRequest;
    private final String requestId;
    private final ClientStream client;
    private final ExchangeGuard guard = new ExchangeGuard(this);
    private final ExchangeEnding ending;
    private final FailureAnswer answers;
    private final RetryRule retryRule;
    private final Set<Long> tried = new HashSet<>();
    private final List<String> trail = new ArrayList<>(2);
    private ExchangePhase phase = ExchangePhase.SELECTING;
    private int upstreamCalls;

    // the current attempt
    private Upstream upstream;
    private CircuitBreakers.Permit permit;
    private UpstreamTarget target;
    private Translator translator;
    private UpstreamBody sent;
    private UpstreamAttempt attempt;
    private HttpResponse head;
    private ResponseRelay relay;
    private ErrorAnswerReader errorAnswer;

    // across attempts
    private final FailureMemory lastFailure = new FailureMemory();
    private ScheduledFuture<?> drainTimer;

    ProxyExchange(
            DataPlane plane,
            ChannelHandlerContext ctx,
            Admission admission,
            FullHttpRequest clientRequest,
            String requestId,
            String clientIp,
            Runnable onDone) {
        this.plane = plane;
        this.ctx = ctx;
        this.admission = admission;
        this.clientRequest = clientRequest;
        this.requestId = requestId;
        this.client = new ClientStream(ctx, requestId, guard::clientGone);
        this.ending = new ExchangeEnding(plane, admission, clientRequest, requestId, clientIp, client, onDone);
        this.answers = new FailureAnswer(client, admission.request(), ctx.alloc(), requestId);
        this.retryRule = new RetryRule(admission.retryTimes());
    }

    /** Starts the request; returns the door the pipeline reports the client's events to. */
    ClientExchange open() {
        guard.start();
        return guard;
    }

    // ---------------------------------------------------------------- events (through the guard)

    void start() {
        nextAttempt();
    }

    void clientClosed() {
        client.markGone();
    }

    void clientWritable() {
        if (relay != null && client.writable()) {
            relay.resume(attempt);
        }
    }

    void head(HttpResponse h) {
        if (phase != ExchangePhase.AWAITING_HEAD) {
            return;
        }
        head = h;
        if (h.status().code() < 200 || h.status().code() >= 300) {
            errorAnswer = new ErrorAnswerReader(h.status().code(), ctx.alloc());
            phase = ExchangePhase.READING_ERROR;
            return;
        }
        relay = new ResponseRelay(
                client,
                ctx.alloc(),
                translator.responseConverter(admission.request(), target, sent, ending.completion()),
                h.status(),
                h.headers().get(HttpHeaderNames.CONTENT_TYPE));
        phase = client.gone() ? ExchangePhase.DRAINING : ExchangePhase.RELAYING;
        if (sent.stream()
                && admission.request().api() == ClientApi.OPENAI
                && upstream.dialect() == UpstreamDialect.OPENAI) {
            // An OpenAI-dialect upstream reports its failures as statuses, before it streams: once it
            // accepted, the client may have its head at once (time to first byte). Translated streams
            // wait for the first event, so an upstream failing before it can still be replaced.
            relay.startEarly();
        }
    }

    void content(ByteBuf data, boolean last) {
        if (phase == ExchangePhase.RELAYING || phase == ExchangePhase.DRAINING) {
            relayContent(data, last);
        } else if (phase == ExchangePhase.READING_ERROR) {
            errorAnswer.append(data);
            if (last) {
                errorAnswerComplete();
            }
        }
    }

    void readComplete() {
        if (relay != null) {
            relay.afterRead(attempt);
        } else if (attempt != null) {
            attempt.read();
        }
    }

    void upstreamFailed(UpstreamAttempt.Failure failure, String message) {
        if (phase != ExchangePhase.DONE && phase != ExchangePhase.SELECTING) {
            upstreamBroke(failure, message);
        }
    }

    void clientGone() {
        if (phase == ExchangePhase.DONE) {
            return;
        }
        if (relay != null) {
            relay.discard();
            phase = ExchangePhase.DRAINING;
        }
        long drainMillis = plane.config().clientGoneDrainTime().toMillis();
        if (drainMillis == 0) {
            finishDrained();
            return;
        }
        // the upstream keeps generating (and billing) anyway: read on for a while to learn the usage
        drainTimer = ctx.channel().eventLoop().schedule(guard::drainTimedOut, drainMillis, TimeUnit.MILLISECONDS);
        if (relay != null) {
            relay.resume(attempt); // nothing waits for the client any more
        }
    }

    void drainTimedOut() {
        drainTimer = null;
        finishDrained();
    }

    /**
     * The guard: a bug of ours (or a translator's) ends the request with one clean 500 in the client's
     * dialect — or a cut stream when bytes already left — and one settlement; never a verdict.
     */
    void crashed(Throwable t) {
        log.error("{} {} failed inside the gateway: {}", requestId, clientRequest.uri(), t.toString(), t);
        if (phase == ExchangePhase.DONE) {
            return;
        }
        if (upstream != null) {
            trail.add(upstream.id() + ":gateway_error");
        }
        answers.internalError();
        finish(client.gone() ? Settlement.CLIENT_GONE : Settlement.SERVER_ERROR, 500, "server_error");
    }

    // ---------------------------------------------------------------- attempts

    private void nextAttempt() {
        UpstreamSelector.Pick pick = plane.selector()
                .next(admission.routes(), tried, admission.request().model());
        if (pick == null) {
            exhausted();
            return;
        }
        tried.add(pick.upstream().id());
        begin(pick);
    }

    private void begin(UpstreamSelector.Pick pick) {
        resetAttempt();
        phase = ExchangePhase.SELECTING;
        upstream = pick.upstream();
        permit = pick.permit();
        AttemptPlan plan = AttemptPlan.prepare(plane, admission, upstream, ctx.alloc(), anthropicBeta());
        target = plan.target();
        translator = plan.translator();
        sent = plan.sent();
        if (sent != null && sent.isLocal()) {
            respondLocal(sent.localResponse());
            return;
        }
        if (plan.failure() != null) {
            if (plan.failure().reachedUpstream()) {
                upstreamCalls++;
            }
            attemptFailed(plan.failure(), plan.trailReason());
            return;
        }
        upstreamCalls++;
        phase = ExchangePhase.AWAITING_HEAD;
        attempt = new UpstreamAttempt(
                plane.connector(),
                ctx.channel().eventLoop(),
                plan.request().endpoint(),
                plan.request().request(),
                plane.config().upstreamReadTimeout().toNanos(),
                guard);
        attempt.start(false);
    }

    private String anthropicBeta() {
        return admission.request().api() == ClientApi.ANTHROPIC && upstream.dialect() == UpstreamDialect.ANTHROPIC
                ? clientRequest.headers().get("anthropic-beta")
                : null;
    }

    private void relayContent(ByteBuf data, boolean last) {
        try {
            relay.convert(data, last);
        } catch (SseFrameTooLongException | EventStreamCorruptedException e) {
            // the upstream's bytes cannot be framed: its failure, not ours
            upstreamBroke(UpstreamAttempt.Failure.CONNECTION, "unreadable answer: " + e.getMessage());
            return;
        }
        UpstreamFault fault = relay.fault();
        if (fault != null && !client.headSent() && !client.gone()) {
            // the upstream failed inside its 2xx before anything reached the client: fail over
            relay.discard();
            attemptFailed(AttemptFailure.fault(fault), "fault");
            return;
        }
        relay.deliver();
        if (last) {
            completeSuccess();
        } else if (client.gone()
                && relay.bytesAfterClientLeft() > plane.config().clientGoneDrainMaxBytes()) {
            finishDrained();
        }
    }

    /** The connection failed or went silent: fail over before any byte, else end the response. */
    private void upstreamBroke(UpstreamAttempt.Failure failure, String message) {
        boolean timeout = failure == UpstreamAttempt.Failure.TIMEOUT;
        String reason = failure == UpstreamAttempt.Failure.CONNECT ? "connect" : timeout ? "timeout" : "error";
        boolean midstream = relay != null && (client.headSent() || client.gone());
        if (!midstream) {
            attemptFailed(timeout ? AttemptFailure.timeout() : AttemptFailure.connect(message), reason);
            return;
        }
        trail.add(upstream.id() + ":" + reason);
        if (client.gone()) {
            finish(Settlement.CLIENT_GONE, 499, "client_gone");
            return;
        }
        permit.record(CircuitBreakers.Verdict.CONNECTION_FAILURE, reason + " mid-stream");
        GatewayError error = timeout ? GatewayError.UPSTREAM_TIMEOUT : GatewayError.UPSTREAM_ERROR;
        relay.failMidstream(error, timeout ? "upstream stopped responding" : "upstream connection failed mid-stream");
        finish(timeout ? Settlement.TIMEOUT : Settlement.UPSTREAM_ERROR_MIDSTREAM, error.status(), error.code());
    }

    private void errorAnswerComplete() {
        String snippet = errorAnswer.snippet();
        AttemptFailure failure = errorAnswer.toFailure(translator);
        if (failure.authError()) {
            plane.channelDisabler()
                    .accept(
                            upstream.id(),
                            ChannelAdmin.UPSTREAM_AUTH_REASON + " (HTTP " + failure.status() + "): " + snippet);
        }
        attemptFailed(failure, String.valueOf(failure.status()));
    }

    /** Ends the attempt with its verdict, then moves on or answers, as the {@link RetryRule} says. */
    private void attemptFailed(AttemptFailure failure, String reason) {
        trail.add(upstream.id() + ":" + reason);
        CircuitBreakers.Verdict verdict = failure.verdict();
        if (verdict == null || client.gone()) {
            permit.release(); // nothing that happens after the client left judges the upstream
        } else {
            permit.record(verdict, failure.reason());
        }
        endAttempt();
        if (client.gone()) {
            FailureMemory.release(failure);
            finish(Settlement.UPSTREAM_FAILED, 499, "client_gone");
            return;
        }
        if (retryRule.decide(failure, upstreamCalls, client.headSent()) == RetryRule.Decision.NEXT_CHANNEL) {
            lastFailure.keep(failure);
            nextAttempt();
        } else {
            lastFailure.clear();
            end(answers.send(failure));
        }
    }

    /** No channel is left to try: the client hears the last failure, or that the circuits refused. */
    private void exhausted() {
        AttemptFailure f = lastFailure.take();
        end(f == null ? answers.circuitsOpen() : answers.send(f));
    }

    private void completeSuccess() {
        UpstreamFault fault = relay.fault();
        trail.add(upstream.id() + ":" + head.status().code());
        if (fault == null) {
            permit.record(CircuitBreakers.Verdict.UP, "answered");
        } else if (client.gone()) {
            permit.release();
        } else {
            permit.record(CircuitBreakers.Verdict.MODEL_FAILURE, "error inside the answer: " + fault.type());
        }
        relay.complete();
        endAttempt();
        if (client.gone()) {
            finish(Settlement.CLIENT_GONE, 499, "client_gone");
        } else if (fault != null) {
            finish(Settlement.UPSTREAM_ERROR_MIDSTREAM, 502, fault.type());
        } else {
            finish(Settlement.COMPLETED, head.status().code(), null);
        }
    }

    private void respondLocal(ByteBuf body) {
        trail.add(upstream.id() + ":local");
        permit.release();
        client.sendWhole(ClientResponses.json(HttpResponseStatus.OK, body, requestId));
        finish(Settlement.COMPLETED, 200, null);
    }

    private void finishDrained() {
        if (phase != ExchangePhase.DONE) {
            finish(relay != null ? Settlement.CLIENT_GONE : Settlement.UPSTREAM_FAILED, 499, "client_gone");
        }
    }

    // ---------------------------------------------------------------- the end

    private void end(FailureAnswer.Ending e) {
        finish(e.settlement(), e.status(), e.errorCode());
    }

    private void finish(Settlement settlement, int status, String errorCode) {
        if (phase == ExchangePhase.DONE) {
            return;
        }
        phase = ExchangePhase.DONE;
        try {
            if (drainTimer != null) {
                drainTimer.cancel(false);
                drainTimer = null;
            }
            if (permit != null) {
                permit.release(); // a no-op once a verdict was recorded
            }
            endAttempt();
            lastFailure.clear();
        } catch (Throwable t) {
            log.error("{} cleanup failed: {}", requestId, t.toString(), t);
        }
        ending.settle(settlement, status, errorCode, upstream, target, sent, trail);
    }

    // ---------------------------------------------------------------- plumbing

    /** Closes the current attempt's connection, converter and buffers (its usage is kept). */
    private void endAttempt() {
        if (attempt != null) {
            attempt.end();
        }
        if (relay != null) {
            ending.usageFrom(relay);
        }
        if (errorAnswer != null) {
            errorAnswer.release();
        }
    }

    private void resetAttempt() {
        endAttempt();
        relay = null;
        attempt = null;
        head = null;
        ending.forgetUsage();
        ExchangeEnding.release(sent);
        sent = null;
        errorAnswer = null;
    }
}
