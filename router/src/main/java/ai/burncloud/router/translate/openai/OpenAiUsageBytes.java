package ai.burncloud.router.translate.openai;

/**
 * Byte-level tests on an OpenAI stream chunk's JSON, cheap enough to run on every event before (and
 * instead of) any parsing. Chunks are compact JSON as OpenAI-compatible hosts send them; a test that
 * misses an oddly spaced chunk only costs a full parse, never a wrong answer, except where noted.
 */
final class OpenAiUsageBytes {
    private static final byte[] USAGE = ascii("\"usage\"");
    private static final byte[] EMPTY_CHOICES = ascii("\"choices\":[]");
    private static final byte[] ERROR = ascii("{\"error\"");
    private static final byte[] DONE = ascii("[DONE]");

    private OpenAiUsageBytes() {}

    /** Whether the chunk has {@code "usage": {…}} (not {@code "usage": null}). */
    static boolean hasUsageObject(byte[] b, int from, int to) {
        int at = indexOf(b, from, to, USAGE);
        while (at >= 0) {
            int i = skipSpaces(b, at + USAGE.length, to);
            if (i < to && b[i] == ':') {
                i = skipSpaces(b, i + 1, to);
                if (i < to && b[i] == '{') {
                    return true;
                }
            }
            at = indexOf(b, at + 1, to, USAGE);
        }
        return false;
    }

    /** Whether the chunk's choices array is empty (the usage-only chunk, Azure's filter chunk). */
    static boolean hasEmptyChoices(byte[] b, int from, int to) {
        return indexOf(b, from, to, EMPTY_CHOICES) >= 0;
    }

    /** Whether the chunk is an error object, {@code {"error":…}}. */
    static boolean isError(byte[] b, int from, int to) {
        return startsWith(b, from, to, ERROR);
    }

    /** Whether the payload is the stream's {@code [DONE]} marker. */
    static boolean isDone(byte[] b, int from, int to) {
        return to - from == DONE.length && startsWith(b, from, to, DONE);
    }

    static int indexOf(byte[] b, int from, int to, byte[] needle) {
        int last = to - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (b[i] != needle[0]) {
                continue;
            }
            for (int k = 1; k < needle.length; k++) {
                if (b[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[from + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpaces(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
