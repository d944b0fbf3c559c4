package ai.burncloud.router.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/** Byte-level helpers for scanning event payloads without decoding them. */
public final class SseBytes {
    private SseBytes() {}

    /**
     * Index of {@code needle} in the readable bytes of {@code haystack}, or -1. One pass with a KMP
     * matcher inside {@code forEachByte}: no backtracking, and one buffer access rather than one per
     * byte (which matters where leak detection records every access).
     */
    public static int indexOf(ByteBuf haystack, byte[] needle) {
        if (needle.length == 0) {
            return haystack.readerIndex();
        }
        Matcher m = new Matcher(needle);
        int end = haystack.forEachByte(m);
        return end < 0 ? -1 : end - needle.length + 1;
    }

    private static final class Matcher implements ByteProcessor {
        private final byte[] needle;
        private final int[] fallback;
        private int matched;

        Matcher(byte[] needle) {
            this.needle = needle;
            this.fallback = new int[needle.length];
            for (int i = 1, k = 0; i < needle.length; i++) {
                while (k > 0 && needle[i] != needle[k]) {
                    k = fallback[k - 1];
                }
                if (needle[i] == needle[k]) {
                    k++;
                }
                fallback[i] = k;
            }
        }

        @Override
        public boolean process(byte b) {
            while (matched > 0 && b != needle[matched]) {
                matched = fallback[matched - 1];
            }
            if (b == needle[matched]) {
                matched++;
            }
            // returning false stops the scan at this byte: the last byte of the match
            return matched != needle.length;
        }
    }
}
