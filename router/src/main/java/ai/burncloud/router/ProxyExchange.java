package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Settlement;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.common.Version;
import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.ClientError;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.Translator;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamDialect;
import ai.burncloud.router.translate.UpstreamFault;
import ai.burncloud.router.translate.UpstreamTarget;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One admitted request on its way through upstreams: the attempt loop, the response relay and the
 * ending. Everything runs on the client's event loop, so no field needs a lock.
 *
 * <p>Attempts: a channel not yet tried is picked (highest priority first); on a connect error, a
 * timeout, 429, 5xx (or 401/403, which also disables the channel) the request body is sent unchanged
 * to the next one — but only while no byte has reached the client, and within RETRY_TIMES. After the
 * first byte, a failure ends the response with an error in the client's dialect.
 *
 * <p>Relay: the upstream connection reads only when asked, and is asked again only when the client
 * can take more, so a slow client slows the upstream instead of growing memory.
 *
 * <p>Ending: exactly one settlement, however it ends — completed, client gone (after draining the
 * upstream, bounded, to learn the real usage), failed mid-stream, timed out, or failed before any byte.
 */
final class ProxyExchange implements UpstreamListener, ClientExchange {
    private static final Logger log = LoggerFactory.getLogger(ProxyExchange.class);
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final AttributeKey<Boolean> POOLED = AttributeKey.valueOf("burncloud.pooled");
    private static final String USER_AGENT = "BurnCloud/" + Version.current();

    private final DataPlane plane;
    private final ChannelHandlerContext ctx;
    private final Admission admission;
    private final FullHttpRequest clientRequest;
    private final String requestId;
    private final String clientIp;
    private final long startNanos = System.nanoTime();
    private final long startMs = System.currentTimeMillis();
    private final Runnable onDone;
    private final ClientStream client;
    private final CompletionCounter completion;
    private final Set<Long> tried = new HashSet<>();
    private final List<String> trail = new ArrayList<>(2);
    private final List<ByteBuf> outs = new ArrayList<>(4);

    // the current attempt
    private Upstream upstream;
    private UpstreamTarget target;
    private Translator translator;
    private UpstreamBody sent;
    private Channel upstreamChannel;
    private UpstreamEndpoint endpoint;
    private boolean retriedStaleConnection;
    private HttpResponse upstreamHead;
    private ResponseConverter converter;
    private ByteBuf errorBody;
    private boolean responseComplete;
    private final ReadPacer pacer = new ReadPacer();
    private long lastActivityNanos;
    private ScheduledFuture<?> readTimer;

    // across attempts
    private AttemptFailure lastFailure;
    private ScheduledFuture<?> drainTimer;
    private long drainedBytes;
    private boolean done;

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
        this.clientIp = clientIp;
        this.onDone = onDone;
        this.client = new ClientStream(ctx, requestId, this::onClientGone);
        this.completion = admission.completion();
    }

    void start() {
        attempt();
    }

    /** The client connection closed (from the pipeline) or a write to it failed. */
    @Override
    public void clientClosed() {
        client.markGone();
    }

    @Override
    public void clientWritable() {
        if (client.writable()) {
            pacer.resume(upstreamChannel);
        }
    }

    // ---------------------------------------------------------------- attempts

    private void attempt() {
        if (done) {
            return;
        }
        if (tried.size() > admission.retryTimes()) {
            exhausted();
            return;
        }
        Upstream next = plane.selector().next(admission.routes(), tried);
        if (next == null) {
            exhausted();
            return;
        }
        tried.add(next.id());
        beginAttempt(next);
    }

    private void beginAttempt(Upstream next) {
        resetAttempt();
        upstream = next;
        target = next.target(admission.request().model());
        translator = plane.translators()
                .forPair(admission.request().api(), next.dialect())
                .orElse(null);
        if (translator == null) {
            trail.add(next.id() + ":unsupported");
            lastFailure = AttemptFailure.unsupported(next);
            attempt();
            return;
        }
        try {
            sent = translator.toUpstream(admission.request(), target, ctx.alloc());
        } catch (TranslationException e) {
            respondLocalError(e.error(), e.getMessage());
            return;
        }
        if (sent.isLocal()) {
            respondLocal(sent.localResponse());
            return;
        }
        String url = plane.providers().forType(next.type()).url(target, sent.operation());
        UpstreamUrls.Target where;
        try {
            where = plane.urls().parse(url);
        } catch (IllegalArgumentException e) {
            sent.body().release();
            attemptFailed(AttemptFailure.connect("channel " + next.id() + " has an invalid URL"), "badurl");
            return;
        }
        endpoint = where.endpoint();
        FullHttpRequest request = upstreamRequest(where.pathAndQuery(), url);
        connect(request, false);
    }

    private FullHttpRequest upstreamRequest(String pathAndQuery, String url) {
        // the body goes to the request: writing it releases it
        FullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.POST, pathAndQuery, sent.body().retainedDuplicate());
        HttpHeaders h = request.headers();
        h.set(HttpHeaderNames.HOST, endpoint.hostHeader());
        h.set(HttpHeaderNames.CONTENT_TYPE, sent.contentType() == null ? "application/json" : sent.contentType());
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, request.content().readableBytes());
        h.set(HttpHeaderNames.ACCEPT, sent.stream() ? "text/event-stream" : "application/json");
        h.set(HttpHeaderNames.USER_AGENT, USER_AGENT);
        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        if (admission.request().api() == ClientApi.ANTHROPIC && upstream.dialect() == UpstreamDialect.ANTHROPIC) {
            // beta features (Claude Code relies on them) are the client's to ask for
            String beta = clientRequest.headers().get("anthropic-beta");
            if (beta != null) {
                h.set("anthropic-beta", beta);
            }
        }
        plane.providers().forType(upstream.type()).authorize(target, "POST", url, h, request.content());
        return request;
    }

    private void connect(FullHttpRequest request, boolean freshOnly) {
        Future<Channel> f = plane.connector().acquire(ctx.channel().eventLoop(), endpoint, freshOnly);
        if (f.isDone()) {
            onConnected(f, request);
        } else {
            f.addListener(x -> onConnected(f, request));
        }
    }

    private void onConnected(Future<Channel> f, FullHttpRequest request) {
        if (done) {
            request.release();
            if (f.isSuccess()) {
                f.getNow().close();
            }
            return;
        }
        if (!f.isSuccess()) {
            request.release();
            attemptFailed(AttemptFailure.connect(String.valueOf(f.cause().getMessage())), "connect");
            return;
        }
        upstreamChannel = f.getNow();
        boolean pooled = Boolean.TRUE.equals(upstreamChannel.attr(POOLED).getAndSet(null));
        UpstreamConnector.receiver(upstreamChannel).attach(this);
        lastActivityNanos = System.nanoTime();
        armReadTimer();
        staleRetry = pooled && !retriedStaleConnection ? request.retainedDuplicate() : null;
        Channel ch = upstreamChannel;
        ch.writeAndFlush(request).addListener(w -> {
            if (!w.isSuccess() && !done && upstreamChannel == ch) {
                onConnectionFailure(w.cause());
            }
        });
        if (upstreamChannel == ch) {
            ch.read();
        }
    }

    /** A pooled connection may have been closed by the upstream while idle: one fresh retry, same channel. */
    private FullHttpRequest staleRetry;

    // ---------------------------------------------------------------- upstream events

    @Override
    public void onResponseHead(HttpResponse head) {
        if (done) {
            return;
        }
        releaseStaleRetry();
        touch();
        upstreamHead = head;
        int status = head.status().code();
        if (status >= 200 && status < 300) {
            converter = translator.responseConverter(admission.request(), target, sent, completion);
            if (sent.stream()
                    && admission.request().api() == ClientApi.OPENAI
                    && upstream.dialect() == UpstreamDialect.OPENAI) {
                // An OpenAI-dialect upstream reports its failures as statuses, before it streams: once it
                // accepted, the client may have its head at once (time to first byte). Translated streams
                // wait for the first event, so an upstream failing before it can still be replaced.
                client.start(HttpResponseStatus.OK, contentType());
                client.flush();
            }
        } else {
            errorBody = ctx.alloc().buffer(Math.min(MAX_ERROR_BODY, 4096));
        }
    }

    @Override
    public void onResponseContent(HttpContent content) {
        if (done || upstreamHead == null) {
            return;
        }
        touch();
        ByteBuf data = content.content();
        boolean last = content instanceof LastHttpContent;
        if (converter != null) {
            try {
                converter.onChunk(data, ctx.alloc(), outs);
                if (last) {
                    responseComplete = true;
                    converter.onEnd(ctx.alloc(), outs);
                }
            } catch (RuntimeException e) {
                releaseOuts();
                responseComplete = false;
                onConnectionFailure(e);
                return;
            }
            UpstreamFault fault = converter.fault();
            if (fault != null && !client.headSent() && !client.gone()) {
                // the upstream failed inside its 200 before anything reached the client: fail over
                releaseOuts();
                dropUpstream(false);
                attemptFailed(AttemptFailure.fault(fault), "fault");
                return;
            }
            deliver();
            if (client.gone() && !last) {
                drainedBytes += data.readableBytes();
                if (drainedBytes > plane.config().clientGoneDrainMaxBytes()) {
                    finishDrained();
                    return;
                }
            }
            if (last) {
                completeSuccess();
            }
        } else if (errorBody != null) {
            int room = MAX_ERROR_BODY - errorBody.readableBytes();
            if (room > 0) {
                errorBody.writeBytes(data, data.readerIndex(), Math.min(room, data.readableBytes()));
            }
            if (last) {
                responseComplete = true;
                upstreamErrorComplete();
            }
        }
    }

    @Override
    public void onReadComplete() {
        if (done) {
            return;
        }
        pacer.afterRead(client, responseComplete ? null : upstreamChannel);
    }

    @Override
    public void onConnectionFailure(Throwable cause) {
        if (done) {
            return;
        }
        boolean timeout = cause instanceof UpstreamTimeoutException;
        if (upstreamHead == null && staleRetry != null && !timeout && !retriedStaleConnection) {
            // the pooled connection died under us before any answer: not the channel's fault
            FullHttpRequest again = staleRetry;
            staleRetry = null;
            retriedStaleConnection = true;
            dropUpstream(false);
            connect(again, true);
            return;
        }
        releaseStaleRetry();
        dropUpstream(false);
        String reason = timeout ? "timeout" : "error";
        if (converter != null && (client.headSent() || client.gone())) {
            plane.breakers().onFailure(upstream.id());
            trail.add(upstream.id() + ":" + reason);
            if (client.gone()) {
                finish(Settlement.CLIENT_GONE, 499, "client_gone");
                return;
            }
            GatewayError error = timeout ? GatewayError.UPSTREAM_TIMEOUT : GatewayError.UPSTREAM_ERROR;
            converter.onFailure(
                    error,
                    timeout ? "upstream stopped responding" : "upstream connection failed mid-stream",
                    ctx.alloc(),
                    outs);
            deliver();
            client.end();
            finish(timeout ? Settlement.TIMEOUT : Settlement.UPSTREAM_ERROR_MIDSTREAM, error.status(), error.code());
            return;
        }
        attemptFailed(
                timeout ? AttemptFailure.timeout() : AttemptFailure.connect(String.valueOf(cause.getMessage())),
                reason);
    }

    // ---------------------------------------------------------------- outcomes of an attempt

    private void attemptFailed(AttemptFailure failure, String reason) {
        if (upstream != null) {
            plane.breakers().onFailure(upstream.id());
            trail.add(upstream.id() + ":" + reason);
        }
        closeConverter();
        replaceLastFailure(failure);
        if (client.gone()) {
            finish(Settlement.UPSTREAM_FAILED, 499, "client_gone");
            return;
        }
        attempt();
    }

    private void upstreamErrorComplete() {
        int status = upstreamHead.status().code();
        trail.add(upstream.id() + ":" + status);
        ByteBuf body = errorBody;
        errorBody = null;
        releaseUpstreamToPool();
        if (status == 401 || status == 403) {
            String snippet =
                    body.toString(0, Math.min(200, body.readableBytes()), java.nio.charset.StandardCharsets.UTF_8);
            plane.channelDisabler().accept(upstream.id(), "upstream answered HTTP " + status + ": " + snippet.strip());
        }
        boolean retryable = status == 429 || status >= 500 || status == 401 || status == 403;
        if (retryable) {
            plane.breakers().onFailure(upstream.id());
        }
        if (retryable && !client.gone()) {
            replaceLastFailure(AttemptFailure.http(status, translator, body));
            attempt();
            return;
        }
        relayUpstreamError(status, translator, body);
    }

    private void relayUpstreamError(int status, Translator t, ByteBuf body) {
        ClientError ce;
        try {
            ce = t.translateError(status, body, ctx.alloc());
        } finally {
            body.release();
        }
        client.sendWhole(ClientResponses.json(HttpResponseStatus.valueOf(ce.status()), ce.body(), requestId));
        finish(Settlement.UPSTREAM_FAILED, ce.status(), "upstream_" + status);
    }

    /** Every allowed attempt failed before any byte reached the client (or none could be made). */
    private void exhausted() {
        AttemptFailure f = lastFailure;
        lastFailure = null;
        String model = admission.request().model();
        if (f == null) {
            Rejection r = new Rejection(
                    GatewayError.SERVICE_UNAVAILABLE,
                    "No channel for " + model + " is available right now (circuits open); try again shortly",
                    0,
                    true);
            ClientResponses.error(ctx, admission.request().api(), r, requestId, false);
            finish(Settlement.UPSTREAM_FAILED, 503, GatewayError.SERVICE_UNAVAILABLE.code());
            return;
        }
        switch (f.kind()) {
            case HTTP -> relayUpstreamError(f.status(), f.translator(), f.body());
            case TIMEOUT ->
                sendGatewayError(GatewayError.UPSTREAM_TIMEOUT, "No upstream answered in time for " + model);
            case UNSUPPORTED ->
                sendGatewayError(
                        GatewayError.INVALID_REQUEST,
                        "No channel serving " + model + " can handle "
                                + admission.request().operation().pathOrSuffix());
            default ->
                sendGatewayError(
                        GatewayError.UPSTREAM_ERROR,
                        "Could not reach any upstream for " + model
                                + (f.message() == null ? "" : " (" + f.message() + ")"));
        }
    }

    private void sendGatewayError(GatewayError e, String message) {
        ClientResponses.error(ctx, admission.request().api(), e, message, requestId);
        finish(Settlement.UPSTREAM_FAILED, e.status(), e.code());
    }

    private void completeSuccess() {
        UpstreamFault fault = converter.fault();
        trail.add(upstream.id() + ":" + upstreamHead.status().code());
        if (fault == null) {
            plane.breakers().onSuccess(upstream.id());
        } else {
            plane.breakers().onFailure(upstream.id());
        }
        if (!client.headSent() && !client.gone()) {
            client.start(HttpResponseStatus.OK, contentType());
        }
        client.end();
        releaseUpstreamToPool();
        if (client.gone()) {
            finish(Settlement.CLIENT_GONE, 499, "client_gone");
        } else if (fault != null) {
            finish(Settlement.UPSTREAM_ERROR_MIDSTREAM, 502, fault.type());
        } else {
            finish(Settlement.COMPLETED, upstreamHead.status().code(), null);
        }
    }

    private void respondLocal(ByteBuf body) {
        trail.add(upstream.id() + ":local");
        client.sendWhole(ClientResponses.json(HttpResponseStatus.OK, body, requestId));
        finish(Settlement.COMPLETED, 200, null);
    }

    private void respondLocalError(GatewayError e, String message) {
        trail.add(upstream.id() + ":rejected");
        ClientResponses.error(ctx, admission.request().api(), e, message, requestId);
        finish(Settlement.REJECTED, e.status(), e.code());
    }

    // ---------------------------------------------------------------- client side

    private void onClientGone() {
        if (done) {
            return;
        }
        releaseOuts();
        long drainMillis = plane.config().clientGoneDrainTime().toMillis();
        if (drainMillis == 0) {
            finishDrained();
            return;
        }
        drainTimer = ctx.channel().eventLoop().schedule(this::finishDrained, drainMillis, TimeUnit.MILLISECONDS);
        pacer.resume(upstreamChannel); // nothing waits for the client any more
    }

    private void finishDrained() {
        if (done) {
            return;
        }
        dropUpstream(false);
        finish(converter != null ? Settlement.CLIENT_GONE : Settlement.UPSTREAM_FAILED, 499, "client_gone");
    }

    private void deliver() {
        if (outs.isEmpty()) {
            return;
        }
        if (client.gone()) {
            releaseOuts();
            return;
        }
        if (!client.headSent()) {
            client.start(HttpResponseStatus.valueOf(upstreamHead.status().code()), contentType());
        }
        if (outs.size() == 1) {
            client.write(outs.get(0));
        } else {
            // the events of one upstream read leave as one HTTP chunk: one frame, one write
            client.write(ctx.alloc().compositeBuffer(outs.size()).addComponents(true, outs));
        }
        outs.clear();
    }

    private String contentType() {
        String ct = converter == null ? null : converter.contentType();
        if (ct == null && upstreamHead != null) {
            ct = upstreamHead.headers().get(HttpHeaderNames.CONTENT_TYPE);
        }
        return ct;
    }

    // ---------------------------------------------------------------- the end

    private void finish(Settlement settlement, int status, String errorCode) {
        if (done) {
            return;
        }
        done = true;
        cancelTimers();
        releaseOuts();
        releaseStaleRetry();
        closeConverter();
        if (errorBody != null) {
            errorBody.release();
            errorBody = null;
        }
        replaceLastFailure(null);
        if (upstreamChannel != null) {
            dropUpstream(false);
        }
        if (sent != null && sent.body() != null && sent.body().refCnt() > 0) {
            sent.body().release();
        }
        TokenUsage reported = lastUsage;
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
        try {
            plane.settler().settle(admission, requestId, clientRequest.uri(), clientIp, startMs, outcome);
        } finally {
            clientRequest.release();
            plane.inFlight().decrementAndGet();
        }
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
        onDone.run();
    }

    /** Usage read by the current attempt's converter, kept when the converter is closed. */
    private TokenUsage lastUsage = TokenUsage.NONE;

    private void closeConverter() {
        if (converter != null) {
            lastUsage = converter.usage();
            converter.close();
            converter = null;
        }
    }

    // ---------------------------------------------------------------- plumbing

    private void resetAttempt() {
        cancelReadTimer();
        closeConverter();
        lastUsage = TokenUsage.NONE;
        if (sent != null && sent.body() != null && sent.body().refCnt() > 0) {
            sent.body().release();
        }
        sent = null;
        upstreamHead = null;
        responseComplete = false;
        pacer.reset();
        retriedStaleConnection = false;
        upstreamChannel = null;
    }

    private void touch() {
        lastActivityNanos = System.nanoTime();
    }

    private void armReadTimer() {
        cancelReadTimer();
        long timeout = plane.config().upstreamReadTimeout().toNanos();
        long due = lastActivityNanos + timeout - System.nanoTime();
        readTimer = ctx.channel().eventLoop().schedule(this::checkReadTimeout, Math.max(1, due), TimeUnit.NANOSECONDS);
    }

    private void checkReadTimeout() {
        readTimer = null;
        if (done || upstreamChannel == null || responseComplete) {
            return;
        }
        if (System.nanoTime() - lastActivityNanos
                >= plane.config().upstreamReadTimeout().toNanos()) {
            onConnectionFailure(new UpstreamTimeoutException());
        } else {
            armReadTimer();
        }
    }

    private void cancelReadTimer() {
        if (readTimer != null) {
            readTimer.cancel(false);
            readTimer = null;
        }
    }

    private void cancelTimers() {
        cancelReadTimer();
        if (drainTimer != null) {
            drainTimer.cancel(false);
            drainTimer = null;
        }
    }

    /** Returns the connection to the pool if its response was read whole and it may be kept. */
    private void releaseUpstreamToPool() {
        cancelReadTimer();
        Channel ch = upstreamChannel;
        if (ch == null) {
            return;
        }
        UpstreamConnector.receiver(ch).detach();
        upstreamChannel = null;
        if (responseComplete && upstreamHead != null && HttpUtil.isKeepAlive(upstreamHead)) {
            ch.attr(POOLED).set(Boolean.TRUE);
            plane.connector().release(ch, endpoint);
        } else {
            ch.close();
        }
    }

    private void dropUpstream(boolean reuse) {
        cancelReadTimer();
        Channel ch = upstreamChannel;
        if (ch == null) {
            return;
        }
        upstreamChannel = null;
        UpstreamConnector.receiver(ch).detach();
        if (reuse) {
            plane.connector().release(ch, endpoint);
        } else {
            ch.close();
        }
    }

    private void releaseOuts() {
        for (ByteBuf b : outs) {
            b.release();
        }
        outs.clear();
    }

    private void releaseStaleRetry() {
        if (staleRetry != null) {
            staleRetry.release();
            staleRetry = null;
        }
    }

    private void replaceLastFailure(AttemptFailure f) {
        if (lastFailure != null && lastFailure.body() != null) {
            lastFailure.body().release();
        }
        lastFailure = f;
    }
}
