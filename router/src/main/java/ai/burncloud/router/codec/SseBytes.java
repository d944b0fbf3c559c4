package ai.burncloud.router.codec;

import io.netty.buffer.ByteBuf;

/** Byte-level helpers for scanning event payloads without decoding them. */
public final class SseBytes {
    private SseBytes() {}

    /** Index of {@code needle} in the readable bytes of {@code haystack}, or -1. */
    public static int indexOf(ByteBuf haystack, byte[] needle) {
        int from = haystack.readerIndex();
        int last = haystack.writerIndex() - needle.length;
        if (needle.length == 0) {
            return from;
        }
        byte first = needle[0];
        outer:
        for (int i = from; i <= last; i++) {
            if (haystack.getByte(i) != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
