package ai.burncloud.router;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * The client side of one proxied response: the head once, then body chunks, then the end. Knows
 * whether any byte has left for the client (after which a failed upstream can no longer be retried)
 * and whether the client is gone. Takes ownership of every buffer passed to {@link #write}.
 *
 * <p>The client's leaving is known at once ({@link #gone()}) but reported to the exchange later, as
 * a task of the event loop: a write that fails inside one of the exchange's methods must not call
 * back into the exchange while that method is still running.
 */
final class ClientStream {
    private final ChannelHandlerContext ctx;
    private final String requestId;
    private final Runnable onGone;
    private final ChannelFutureListener failureWatcher;
    private boolean headSent;
    private boolean ended;
    private boolean gone;
    private long firstByteNanos;

    ClientStream(ChannelHandlerContext ctx, String requestId, Runnable onGone) {
        this.ctx = ctx;
        this.requestId = requestId;
        this.onGone = onGone;
        this.failureWatcher = f -> {
            if (!f.isSuccess()) {
                markGone();
            }
        };
    }

    boolean headSent() {
        return headSent;
    }

    boolean gone() {
        return gone;
    }

    boolean ended() {
        return ended;
    }

    long firstByteNanos() {
        return firstByteNanos;
    }

    boolean writable() {
        return ctx.channel().isWritable();
    }

    /** The client disconnected (or a write to it failed): further writes are dropped. */
    void markGone() {
        if (!gone && !ended) {
            gone = true;
            ctx.executor().execute(onGone);
        }
    }

    /** Cuts the response short (the gateway failed after the head left): the client sees it broken. */
    void abort() {
        if (!ended && !gone) {
            ended = true;
            ctx.close();
        }
    }

    /** Starts a chunked response. */
    void start(HttpResponseStatus status, String contentType) {
        if (headSent || gone) {
            return;
        }
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status, ClientResponses.OWN_HEADERS);
        head.headers()
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .set(ClientResponses.REQUEST_ID, requestId);
        if (contentType != null) {
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        if (contentType != null && contentType.startsWith("text/event-stream")) {
            head.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        }
        headSent = true;
        firstByteNanos = System.nanoTime();
        ctx.write(head).addListener(failureWatcher);
    }

    /** Starts the response with another server's head (status and headers), made chunked. */
    void startWith(HttpResponse upstreamHead) {
        if (headSent || gone) {
            return;
        }
        HttpResponse head =
                new DefaultHttpResponse(HttpVersion.HTTP_1_1, upstreamHead.status(), ClientResponses.OWN_HEADERS);
        head.headers().set(upstreamHead.headers());
        head.headers()
                .remove(HttpHeaderNames.CONTENT_LENGTH)
                .remove(HttpHeaderNames.CONNECTION)
                .remove("keep-alive")
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        if (requestId != null) {
            head.headers().set(ClientResponses.REQUEST_ID, requestId);
        }
        headSent = true;
        firstByteNanos = System.nanoTime();
        ctx.write(head).addListener(failureWatcher);
    }

    void write(ByteBuf chunk) {
        if (gone || ended || !chunk.isReadable()) {
            chunk.release();
            return;
        }
        // no listener per chunk: a failed write closes the connection (exceptionCaught), and the
        // connection's closing is how the exchange learns the client is gone
        ctx.write(new DefaultHttpContent(chunk), ctx.voidPromise());
    }

    void flush() {
        if (!gone) {
            ctx.flush();
        }
    }

    void end() {
        if (ended || gone) {
            ended = true;
            return;
        }
        ended = true;
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(failureWatcher);
    }

    /** A whole response instead of a stream (errors before the first byte, local answers). */
    void sendWhole(FullHttpResponse response) {
        if (gone || headSent) {
            response.release();
            return;
        }
        headSent = true;
        ended = true;
        firstByteNanos = System.nanoTime();
        if (requestId != null) {
            response.headers().set(ClientResponses.REQUEST_ID, requestId);
        }
        ctx.writeAndFlush(response).addListener(failureWatcher);
    }
}
