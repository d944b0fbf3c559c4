package ai.burncloud.router.translate.openai;

import io.netty.buffer.ByteBuf;

/** Byte-level tests on OpenAI stream chunks, cheap enough to run on every event before any parsing. */
final class OpenAiUsageBytes {
    private static final byte[] USAGE = "\"usage\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_CHOICES = "\"choices\":[]".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private OpenAiUsageBytes() {}

    /** Whether the chunk has {@code "usage": {…}} (not {@code "usage": null}). */
    static boolean hasUsageObject(ByteBuf b) {
        int from = b.readerIndex();
        int end = b.writerIndex();
        while (from < end) {
            int at = ai.burncloud.router.codec.SseBytes.indexOf(b.slice(from, end - from), USAGE);
            if (at < 0) {
                return false;
            }
            int i = from + at + USAGE.length;
            int next = b.forEachByte(i, end - i, c -> c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':');
            if (next >= 0
                    && b.getByte(next) == '{'
                    && i < end
                    && b.toString(i, next - i, java.nio.charset.StandardCharsets.US_ASCII)
                            .contains(":")) {
                return true;
            }
            from = from + at + 1;
        }
        return false;
    }

    /** Whether the chunk's choices array is empty (the usage-only chunk and Azure's filter chunk). */
    static boolean hasEmptyChoices(ByteBuf b) {
        return ai.burncloud.router.codec.SseBytes.indexOf(b, EMPTY_CHOICES) >= 0;
    }
}
