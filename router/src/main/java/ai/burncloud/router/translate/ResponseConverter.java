package ai.burncloud.router.translate;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.TokenUsage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * Turns an upstream's successful response body into the client's, chunk by chunk, and reads the
 * token usage on the way. One instance per request attempt; called from one event loop only.
 *
 * <p>Ownership: {@code chunk} stays owned by the caller (retain what you keep), and its reader and
 * writer indexes are left as they were: the caller still reads them (how many bytes were drained
 * after the client left). Every buffer added to
 * {@code out} is handed to the caller, who writes and releases it. {@link #close()} releases anything
 * still buffered; it is called exactly once, however the response ends.
 */
public interface ResponseConverter extends AutoCloseable {
    /** The Content-Type the client receives, or null to keep the upstream's (byte passthrough). */
    String contentType();

    /** Feeds one chunk of the upstream body. */
    void onChunk(ByteBuf chunk, ByteBufAllocator alloc, List<ByteBuf> out);

    /** The upstream body ended normally; emit whatever completes the client's response. */
    void onEnd(ByteBufAllocator alloc, List<ByteBuf> out);

    /**
     * The upstream broke after bytes reached the client: emit an error in the client's dialect where
     * the format allows one (a stream's error event), so the client does not mistake it for the end.
     */
    void onFailure(GatewayError error, String message, ByteBufAllocator alloc, List<ByteBuf> out);

    /** Usage reported so far (final after {@link #onEnd}); {@link TokenUsage#NONE} if none yet. */
    TokenUsage usage();

    /** An error the upstream reported inside the 200 response, or null. */
    UpstreamFault fault();

    @Override
    void close();
}
