package ai.burncloud.router;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One try of one request on one upstream: connect (a pooled connection of the caller's event loop,
 * or a new one), send, receive the head and the body as the caller asks for it, and the deadline (no
 * byte for the idle timeout → a timeout failure). The one way any part of BurnCloud reaches an
 * upstream: the proxy, the speed test and the control-plane relay all use it.
 *
 * <p>A pooled connection that turns out dead before any answer is retried once on a fresh one: that
 * is not the upstream's failure. Reads happen only when asked ({@link #read()}), which is the
 * back-pressure. {@link #end()} hands a fully read keep-alive connection back to the pool and closes
 * any other; after it (or after a failure was reported) no event arrives.
 *
 * <p>Owns the request until it is written. Runs on {@code loop} only.
 */
final class UpstreamAttempt implements UpstreamListener {
    /** Set on connections that come back to the pool, so the next user knows one may be stale. */
    private static final AttributeKey<Boolean> POOLED = AttributeKey.valueOf("burncloud.pooled");

    /** How an attempt failed before its response ended. */
    enum Failure {
        /** No connection could be made. */
        CONNECT,
        /** The connection broke (reset, closed, malformed answer). */
        CONNECTION,
        /** Nothing arrived for the idle timeout. */
        TIMEOUT
    }

    /** What the attempt reports; every call comes from the attempt's event loop. */
    interface Events {
        void onHead(HttpResponse head);

        /** A piece of the body ({@code data} stays owned by the attempt); {@code last} ends it. */
        void onContent(ByteBuf data, boolean last);

        /** The end of one socket read: a moment to flush and to ask for more. */
        void onReadComplete();

        /** The attempt failed; its connection is already closed. */
        void onFailure(Failure failure, String message);
    }

    private final UpstreamConnector connector;
    private final EventLoop loop;
    private final UpstreamEndpoint endpoint;
    private final long idleTimeoutNanos;
    private final Events events;
    private FullHttpRequest request;
    private FullHttpRequest staleRetry;
    private boolean retriedStale;
    private Channel channel;
    private HttpResponse head;
    private boolean complete;
    private boolean ended;
    private long lastActivityNanos;
    private ScheduledFuture<?> deadline;

    /**
     * @param idleTimeoutNanos the longest silence allowed while waiting for the answer; 0 for none (the
     *     control plane's endless event streams)
     */
    UpstreamAttempt(
            UpstreamConnector connector,
            EventLoop loop,
            UpstreamEndpoint endpoint,
            FullHttpRequest request,
            long idleTimeoutNanos,
            Events events) {
        this.connector = connector;
        this.loop = loop;
        this.endpoint = endpoint;
        this.request = request;
        this.idleTimeoutNanos = idleTimeoutNanos;
        this.events = events;
    }

    /** Connects and sends; {@code freshConnection} skips the pool (speed tests measure a whole call). */
    void start(boolean freshConnection) {
        FullHttpRequest r = request;
        request = null;
        connect(r, freshConnection);
    }

    boolean headReceived() {
        return head != null;
    }

    /** Asks the connection for more of the response. */
    void read() {
        if (channel != null && !complete) {
            channel.read();
        }
    }

    /** Finishes the attempt: a response read whole on a keep-alive connection goes back to the pool. */
    void end() {
        if (ended) {
            return;
        }
        ended = true;
        release();
        Channel ch = detach();
        if (ch == null) {
            return;
        }
        if (complete && head != null && HttpUtil.isKeepAlive(head)) {
            ch.attr(POOLED).set(Boolean.TRUE);
            connector.release(ch, endpoint);
        } else {
            ch.close();
        }
    }

    private void connect(FullHttpRequest r, boolean freshOnly) {
        Future<Channel> f = connector.acquire(loop, endpoint, freshOnly);
        if (f.isDone()) {
            onConnected(f, r);
        } else {
            f.addListener(x -> onConnected(f, r));
        }
    }

    /**
     * The request again, for a resend on a fresh connection: the body shared (retained), the headers
     * shared too — nothing writes to them once built, and {@code retainedDuplicate()} would copy both
     * header maps for every request on a pooled connection.
     */
    private static FullHttpRequest replayCopy(FullHttpRequest r) {
        return new io.netty.handler.codec.http.DefaultFullHttpRequest(
                r.protocolVersion(),
                r.method(),
                r.uri(),
                r.content().retainedDuplicate(),
                r.headers(),
                r.trailingHeaders());
    }

    private void onConnected(Future<Channel> f, FullHttpRequest r) {
        if (ended) {
            r.release();
            if (f.isSuccess()) {
                f.getNow().close();
            }
            return;
        }
        if (!f.isSuccess()) {
            r.release();
            fail(Failure.CONNECT, String.valueOf(f.cause().getMessage()));
            return;
        }
        Channel ch = f.getNow();
        channel = ch;
        boolean pooled = Boolean.TRUE.equals(ch.attr(POOLED).getAndSet(null));
        UpstreamConnector.receiver(ch).attach(this);
        lastActivityNanos = System.nanoTime();
        armDeadline();
        staleRetry = pooled && !retriedStale ? replayCopy(r) : null;
        ch.writeAndFlush(r).addListener(w -> {
            if (!w.isSuccess() && channel == ch) {
                onConnectionFailure(w.cause());
            }
        });
        if (channel == ch) {
            ch.read();
        }
    }

    @Override
    public void onResponseHead(HttpResponse h) {
        if (ended) {
            return;
        }
        releaseStaleRetry();
        lastActivityNanos = System.nanoTime();
        head = h;
        events.onHead(h);
    }

    @Override
    public void onResponseContent(HttpContent content) {
        if (ended || head == null) {
            return;
        }
        lastActivityNanos = System.nanoTime();
        boolean last = content instanceof LastHttpContent;
        if (last) {
            complete = true;
            cancelDeadline();
        }
        events.onContent(content.content(), last);
    }

    @Override
    public void onReadComplete() {
        if (!ended) {
            events.onReadComplete();
        }
    }

    @Override
    public void onConnectionFailure(Throwable cause) {
        if (ended) {
            return;
        }
        if (head == null && staleRetry != null && !retriedStale) {
            // the pooled connection died under us before any answer: not the upstream's fault
            FullHttpRequest again = staleRetry;
            staleRetry = null;
            retriedStale = true;
            closeConnection();
            connect(again, true);
            return;
        }
        fail(Failure.CONNECTION, String.valueOf(cause.getMessage()));
    }

    private void fail(Failure failure, String message) {
        ended = true;
        release();
        closeConnection();
        events.onFailure(failure, message);
    }

    private void armDeadline() {
        if (idleTimeoutNanos <= 0) {
            return;
        }
        long due = lastActivityNanos + idleTimeoutNanos - System.nanoTime();
        deadline = loop.schedule(this::checkDeadline, Math.max(1, due), TimeUnit.NANOSECONDS);
    }

    private void checkDeadline() {
        deadline = null;
        if (ended || complete) {
            return;
        }
        if (System.nanoTime() - lastActivityNanos >= idleTimeoutNanos) {
            fail(Failure.TIMEOUT, "no answer within " + idleTimeoutNanos / 1_000_000 + " ms");
        } else {
            armDeadline();
        }
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void release() {
        cancelDeadline();
        releaseStaleRetry();
        if (request != null) {
            request.release();
            request = null;
        }
    }

    private void releaseStaleRetry() {
        if (staleRetry != null) {
            staleRetry.release();
            staleRetry = null;
        }
    }

    private void closeConnection() {
        Channel ch = detach();
        if (ch != null) {
            ch.close();
        }
    }

    private Channel detach() {
        Channel ch = channel;
        channel = null;
        if (ch != null) {
            UpstreamConnector.receiver(ch).detach();
        }
        return ch;
    }
}
