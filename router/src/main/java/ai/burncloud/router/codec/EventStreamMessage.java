package ai.burncloud.router.codec;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * One decoded {@code application/vnd.amazon.eventstream} message: its headers (string values; other
 * header types rendered as text) and its payload. The message owns one reference to
 * {@link #payload()}; {@link #release()} drops it.
 */
public final class EventStreamMessage {
    private final Map<String, String> headers;
    private final ByteBuf payload;

    EventStreamMessage(Map<String, String> headers, ByteBuf payload) {
        this.headers = headers;
        this.payload = payload;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** {@code event}, {@code exception} or {@code error}. */
    public String messageType() {
        return headers.get(":message-type");
    }

    /** For events, the member name (e.g. {@code contentBlockDelta}). */
    public String eventType() {
        return headers.get(":event-type");
    }

    /** For exceptions, the modelled exception name (e.g. {@code throttlingException}). */
    public String exceptionType() {
        return headers.get(":exception-type");
    }

    /** The payload; still owned by this message. */
    public ByteBuf payload() {
        return payload;
    }

    public void release() {
        if (payload.refCnt() > 0) {
            payload.release();
        }
    }
}
