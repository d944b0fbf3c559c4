package ai.burncloud.router.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One server-sent event: its raw bytes exactly as they arrived (terminating blank line included, so
 * passthrough can forward them untouched) and, parsed on first use, its {@code event} and
 * {@code data} fields. The event owns one reference to {@link #raw()}; {@link #release()} drops it.
 */
public final class SseEvent {
    private final ByteBuf raw;
    private boolean parsed;
    private String event;
    private String data;

    SseEvent(ByteBuf raw) {
        this.raw = raw;
    }

    /** The event's bytes; still owned by this event. */
    public ByteBuf raw() {
        return raw;
    }

    /** Hands the raw bytes to the caller (who must release them); this event must not be used after. */
    public ByteBuf takeRaw() {
        return raw;
    }

    /** The {@code event:} field, or null when absent. */
    public String event() {
        parse();
        return event;
    }

    /** The {@code data:} lines joined with newlines, or null when the event has no data field. */
    public String data() {
        parse();
        return data;
    }

    /** Whether the raw bytes contain {@code ascii} (a cheap pre-check before parsing JSON). */
    public boolean contains(byte[] ascii) {
        return SseBytes.indexOf(raw, ascii) >= 0;
    }

    public void release() {
        ReferenceCounted r = raw;
        if (r.refCnt() > 0) {
            r.release();
        }
    }

    /** Releases every event in {@code events} and empties it (all still owned by the caller). */
    public static void releaseAll(List<SseEvent> events) {
        for (SseEvent e : events) {
            e.release();
        }
        events.clear();
    }

    private void parse() {
        if (parsed) {
            return;
        }
        parsed = true;
        String text = raw.toString(StandardCharsets.UTF_8);
        StringBuilder dataLines = null;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end = i;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(i, end);
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            i = end + 1;
            if (line.isEmpty() || line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                event = value;
            } else if (field.equals("data")) {
                if (dataLines == null) {
                    dataLines = new StringBuilder(value.length());
                } else {
                    dataLines.append('\n');
                }
                dataLines.append(value);
            }
        }
        data = dataLines == null ? null : dataLines.toString();
    }
}
