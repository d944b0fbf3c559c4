package ai.burncloud.router.translate.ir;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads an event's {@code event:} name from its first line only, so passthrough can pick the few
 * events it must inspect without decoding every delta.
 */
public final class SseEventNames {
    private static final int MAX_NAME = 64;

    private SseEventNames() {}

    /** The name when the event's first line is {@code event: NAME}, else null. */
    public static String firstLineName(ByteBuf raw) {
        int start = raw.readerIndex();
        int end = raw.writerIndex();
        if (end - start < 6 || raw.getByte(start) != 'e' || raw.getByte(start + 5) != ':') {
            return null;
        }
        if (!raw.toString(start, 6, StandardCharsets.US_ASCII).equals("event:")) {
            return null;
        }
        int i = start + 6;
        if (i < end && raw.getByte(i) == ' ') {
            i++;
        }
        int nameStart = i;
        while (i < end && i - nameStart <= MAX_NAME && raw.getByte(i) != '\n' && raw.getByte(i) != '\r') {
            i++;
        }
        return raw.toString(nameStart, i - nameStart, StandardCharsets.US_ASCII);
    }

    /** Whether the event ends with its blank line (a last event may arrive without one). */
    public static boolean terminated(ByteBuf raw) {
        int start = raw.readerIndex();
        int end = raw.writerIndex();
        // strip one line terminator (CRLF, LF or CR), then another must precede it
        if (end > start && raw.getByte(end - 1) == '\n') {
            end--;
            if (end > start && raw.getByte(end - 1) == '\r') {
                end--;
            }
        } else if (end > start && raw.getByte(end - 1) == '\r') {
            end--;
        } else {
            return false;
        }
        return end > start && (raw.getByte(end - 1) == '\n' || raw.getByte(end - 1) == '\r');
    }
}
