package ai.burncloud.router.translate.ir;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * The upstream half of a stream conversion: turns an upstream's streamed body into neutral
 * {@link StreamEvent}s. An explicit state machine, fed chunk by chunk in arrival order, never
 * holding more than one partial frame.
 */
public interface UpstreamStreamReader extends AutoCloseable {
    /** Reads one chunk; does not release it (the caller still owns it). */
    void read(ByteBuf chunk, List<StreamEvent> out);

    /** The upstream body ended: handle a final frame that lacked its terminator. */
    void finish(List<StreamEvent> out);

    /** Releases any partial frame still held. */
    @Override
    void close();
}
