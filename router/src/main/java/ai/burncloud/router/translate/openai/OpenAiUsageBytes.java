package ai.burncloud.router.translate.openai;

import io.netty.buffer.ByteBuf;

/** Byte-level tests on OpenAI stream chunks, cheap enough to run on every event before any parsing. */
final class OpenAiUsageBytes {
    private static final byte[] USAGE = "\"usage\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_CHOICES = "\"choices\":[]".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private OpenAiUsageBytes() {}

    /** Whether the chunk has {@code "usage": {…}} (not {@code "usage": null}). */
    static boolean hasUsageObject(ByteBuf b) {
        int at = ai.burncloud.router.codec.SseBytes.indexOf(b, USAGE);
        while (at >= 0) {
            int i = at + USAGE.length;
            int end = b.writerIndex();
            while (i < end && isSpace(b.getByte(i))) {
                i++;
            }
            if (i < end && b.getByte(i) == ':') {
                i++;
                while (i < end && isSpace(b.getByte(i))) {
                    i++;
                }
                if (i < end && b.getByte(i) == '{') {
                    return true;
                }
            }
            ByteBuf rest = b.slice(at + 1, end - at - 1);
            int next = ai.burncloud.router.codec.SseBytes.indexOf(rest, USAGE);
            at = next < 0 ? -1 : at + 1 + (next - rest.readerIndex());
        }
        return false;
    }

    /** Whether the chunk's choices array is empty (the usage-only chunk and Azure's filter chunk). */
    static boolean hasEmptyChoices(ByteBuf b) {
        return ai.burncloud.router.codec.SseBytes.indexOf(b, EMPTY_CHOICES) >= 0;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
