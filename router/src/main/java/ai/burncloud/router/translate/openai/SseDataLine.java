package ai.burncloud.router.translate.openai;

/** Finds the {@code data:} line of a raw SSE event held in a byte array. */
final class SseDataLine {
    private SseDataLine() {}

    /**
     * Index where the payload of the first {@code data:} line at or after {@code from} starts (after
     * the one optional space), or -1 when there is none.
     */
    static int start(byte[] b, int n) {
        return start(b, 0, n);
    }

    private static int start(byte[] b, int from, int n) {
        int line = from;
        while (line < n) {
            if (line + 5 <= n
                    && b[line] == 'd'
                    && b[line + 1] == 'a'
                    && b[line + 2] == 't'
                    && b[line + 3] == 'a'
                    && b[line + 4] == ':') {
                int p = line + 5;
                return p < n && b[p] == ' ' ? p + 1 : p;
            }
            int eol = end(b, line, n);
            line = eol;
            while (line < n && (b[line] == '\r' || b[line] == '\n')) {
                line++;
            }
        }
        return -1;
    }

    /** Index of the end of the line that contains {@code from} (its CR or LF, or {@code n}). */
    private static int end(byte[] b, int from, int n) {
        int i = from;
        while (i < n && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        return i;
    }
}
