package ai.burncloud.router.translate.openai;

import ai.burncloud.router.translate.CompletionTextSink;
import java.nio.charset.StandardCharsets;

/**
 * Pulls the generated text out of an OpenAI stream chunk without a JSON parser: a lexer that only
 * understands strings (and their escapes), remembers the last key it saw, and hands the value of
 * {@code content}, {@code refusal}, {@code arguments}, {@code text} and string-valued {@code delta}
 * to the sink. Every other byte is skipped. The text only feeds a local token estimate, used when an
 * upstream never reports usage, so a key of the same name elsewhere in a chunk costs nothing real.
 */
final class JsonTextScanner {
    private final StringBuilder value = new StringBuilder(64);

    /** Feeds the text values found in {@code b[from, to)} to {@code sink}. */
    void scan(byte[] b, int from, int to, CompletionTextSink sink) {
        boolean wanted = false; // the string just read was a key whose value we want
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c != '"') {
                if (c != ':' && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                    wanted = false; // a non-string value: the key's value was not text
                }
                i++;
                continue;
            }
            int end = stringEnd(b, i + 1, to);
            if (end < 0) {
                return; // truncated: nothing more to read reliably
            }
            int next = skipSpaces(b, end + 1, to);
            boolean isKey = next < to && b[next] == ':';
            if (isKey) {
                wanted = isWantedKey(b, i + 1, end);
            } else if (wanted) {
                // only the strings we want are decoded; ids, names and models are merely skipped
                if (decode(b, i + 1, end)) {
                    sink.append(value);
                }
                wanted = false;
            }
            i = end + 1;
        }
    }

    private static int skipSpaces(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean isWantedKey(byte[] b, int from, int to) {
        int n = to - from;
        return (n == 7 && is(b, from, "content"))
                || (n == 7 && is(b, from, "refusal"))
                || (n == 9 && is(b, from, "arguments"))
                || (n == 4 && is(b, from, "text"))
                || (n == 5 && is(b, from, "delta"));
    }

    private static boolean is(byte[] b, int from, String ascii) {
        for (int k = 0; k < ascii.length(); k++) {
            if (b[from + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Index of the closing quote of the string whose content starts at {@code from}, or -1. */
    private static int stringEnd(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                i++; // whatever is escaped, including a quote
            }
        }
        return -1;
    }

    /** Decodes the string content {@code b[from, to)} into {@link #value}; false if malformed. */
    private boolean decode(byte[] b, int from, int to) {
        value.setLength(0);
        int run = from;
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c != '\\') {
                i++;
                continue;
            }
            appendRun(b, run, i);
            if (i + 1 >= to) {
                return false;
            }
            byte e = b[i + 1];
            switch (e) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'u' -> {
                    if (i + 6 > to) {
                        return false;
                    }
                    int code = hex4(b, i + 2);
                    if (code < 0) {
                        return false;
                    }
                    value.append((char) code);
                    i += 4;
                }
                default -> value.append((char) e); // \" \\ \/
            }
            i += 2;
            run = i;
        }
        appendRun(b, run, to);
        return true;
    }

    private static int hex4(byte[] b, int at) {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(b[at + k], 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private void appendRun(byte[] b, int from, int to) {
        if (to <= from) {
            return;
        }
        value.append(new String(b, from, to - from, StandardCharsets.UTF_8));
    }
}
