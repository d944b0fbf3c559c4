package ai.burncloud.service;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** Latency histograms (milliseconds, 2 significant digits) and their stored text form. */
final class Histograms {
    private Histograms() {}

    static Histogram create() {
        Histogram h = new Histogram(2);
        h.setAutoResize(true);
        return h;
    }

    /** Base64 of HdrHistogram's compressed encoding; null for an empty or absent histogram. */
    static String encode(Histogram h) {
        if (h == null || h.getTotalCount() == 0) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        byte[] bytes = new byte[n];
        buf.flip();
        buf.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The histogram in {@code text}; an empty one when the text is null or unreadable. */
    static Histogram decode(String text) {
        if (text == null || text.isEmpty()) {
            return create();
        }
        try {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
            h.setAutoResize(true);
            return h;
        } catch (DataFormatException | IllegalArgumentException e) {
            return create();
        }
    }

    static String merge(String a, String b) {
        Histogram h = decode(a);
        h.add(decode(b));
        return encode(h);
    }

    /** Records a millisecond value (negative values count as 0). */
    static void record(Histogram h, long millis) {
        h.recordValue(Math.max(0, millis));
    }
}
