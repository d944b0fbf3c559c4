package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.UpstreamFault;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Relays one successful upstream response to the client through its converter, back-pressured:
 * what one upstream read produced leaves as one HTTP chunk, and the upstream is asked for more only
 * when the client can take it (or has left). Converted bytes wait in {@link #convert} until
 * {@link #deliver} so that a failure reported before anything left can still be replaced by another
 * channel ({@link #discard}).
 *
 * <p>Owns the converter and every converted buffer; {@link #close()} releases them, once.
 */
final class ResponseRelay {
    private final ClientStream client;
    private final ByteBufAllocator alloc;
    private final ResponseConverter converter;
    private final HttpResponseStatus status;
    private final String upstreamContentType;
    private final List<ByteBuf> outs = new ArrayList<>(4);
    private final ReadPacer pacer = new ReadPacer();
    private long bytesAfterClientLeft;
    private TokenUsage usage = TokenUsage.NONE;
    private boolean closed;

    ResponseRelay(
            ClientStream client,
            ByteBufAllocator alloc,
            ResponseConverter converter,
            HttpResponseStatus status,
            String upstreamContentType) {
        this.client = client;
        this.alloc = alloc;
        this.converter = converter;
        this.status = status;
        this.upstreamContentType = upstreamContentType;
    }

    /** Sends the client its head now, before any content (an upstream that accepted streams at once). */
    void startEarly() {
        client.start(HttpResponseStatus.OK, contentType());
        client.flush();
    }

    /** Converts one piece of the upstream body; {@code data} stays the caller's, its indexes untouched. */
    void convert(ByteBuf data, boolean last) {
        if (client.gone()) {
            bytesAfterClientLeft += data.readableBytes();
        }
        converter.onChunk(data, alloc, outs);
        if (last) {
            converter.onEnd(alloc, outs);
        }
    }

    /** Upstream bytes read since the client left (the drain is bounded by CLIENT_GONE_DRAIN_MAX_MB). */
    long bytesAfterClientLeft() {
        return bytesAfterClientLeft;
    }

    /** An error the upstream reported inside its 2xx answer, or null. */
    UpstreamFault fault() {
        return converter.fault();
    }

    /** Drops what was converted but not delivered (the attempt is being replaced). */
    void discard() {
        for (ByteBuf b : outs) {
            b.release();
        }
        outs.clear();
    }

    /** Writes what was converted to the client (the head first, if it has not left yet). */
    void deliver() {
        if (outs.isEmpty()) {
            return;
        }
        if (client.gone()) {
            discard();
            return;
        }
        if (!client.headSent()) {
            client.start(status, contentType());
        }
        if (outs.size() == 1) {
            client.write(outs.get(0));
        } else {
            // the events of one upstream read leave as one HTTP chunk: one frame, one write
            client.write(alloc.compositeBuffer(outs.size()).addComponents(true, outs));
        }
        outs.clear();
    }

    /** The upstream broke after bytes reached the client: an error in the client's dialect, then the end. */
    void failMidstream(GatewayError error, String message) {
        converter.onFailure(error, message, alloc, outs);
        deliver();
        client.end();
    }

    /** The upstream finished: deliver the rest and end the client's response. */
    void complete() {
        deliver();
        if (!client.headSent() && !client.gone()) {
            client.start(HttpResponseStatus.OK, contentType());
        }
        client.end();
    }

    void afterRead(UpstreamAttempt upstream) {
        pacer.afterRead(client, upstream);
    }

    void resume(UpstreamAttempt upstream) {
        pacer.resume(upstream);
    }

    /** Usage the upstream reported (kept after {@link #close()}). */
    TokenUsage usage() {
        return closed ? usage : converter.usage();
    }

    /** Releases the converter and anything still waiting; idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            usage = converter.usage();
        } finally {
            discard();
            converter.close();
        }
    }

    private String contentType() {
        String ct = converter.contentType();
        return ct != null ? ct : upstreamContentType;
    }
}
