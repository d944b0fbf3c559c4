package ai.burncloud.router.translate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the first byte of a body that is not well-formed UTF-8 (Unicode 15, table 3-7): overlong
 * forms, encoded surrogates (U+D800..U+DFFF), code points over U+10FFFF, stray continuation bytes and
 * truncated sequences. The JSON reader skips the strings it does not need without decoding them (and
 * Jackson's decoder lets overlong forms and encoded surrogates through), while a same-dialect body is
 * forwarded byte for byte: without this check such bytes would reach the upstream, which refuses
 * them in its own words or, worse, reads them as something else.
 *
 * <p>One pass, no allocation; ASCII (all of a JSON body outside its non-English strings) is checked
 * eight bytes at a time, so a 32 MiB body costs a few milliseconds on the event loop.
 */
public final class WellFormedUtf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private WellFormedUtf8() {}

    /** The index of the first byte of the first malformed sequence in {@code b[from, to)}, or -1. */
    public static int firstMalformed(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            while (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += 8;
            }
            if (i >= to) {
                return -1;
            }
            int lead = b[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int length = sequenceLength(b, i, to, lead);
            if (length == 0) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /** The length of the well-formed sequence that starts with {@code lead} at {@code i}, or 0. */
    private static int sequenceLength(byte[] b, int i, int to, int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return i + 1 < to && isContinuation(b[i + 1]) ? 2 : 0;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            if (i + 2 >= to) {
                return 0;
            }
            int second = b[i + 1] & 0xFF;
            // E0 below A0 would be overlong; ED from A0 up would encode a surrogate
            int low = lead == 0xE0 ? 0xA0 : 0x80;
            int high = lead == 0xED ? 0x9F : 0xBF;
            return second >= low && second <= high && isContinuation(b[i + 2]) ? 3 : 0;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            if (i + 3 >= to) {
                return 0;
            }
            int second = b[i + 1] & 0xFF;
            // F0 below 90 would be overlong; F4 from 90 up would be over U+10FFFF
            int low = lead == 0xF0 ? 0x90 : 0x80;
            int high = lead == 0xF4 ? 0x8F : 0xBF;
            return second >= low && second <= high && isContinuation(b[i + 2]) && isContinuation(b[i + 3]) ? 4 : 0;
        }
        // a continuation byte with no lead, C0/C1 (always overlong), F5..FF (never in UTF-8)
        return 0;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
