package ai.burncloud.router.translate.ir;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * The client half of a stream conversion: turns neutral {@link StreamEvent}s into the client's
 * streamed body, as an explicit state machine. Each buffer added to {@code out} is new and owned by
 * the caller. After {@link StreamEvent.End} or {@link StreamEvent.Failed} it is not called again.
 */
public interface ClientStreamWriter {
    String contentType();

    void write(StreamEvent event, ByteBufAllocator alloc, List<ByteBuf> out);
}
