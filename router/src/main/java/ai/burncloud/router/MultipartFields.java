package ai.burncloud.router;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads small text fields (model, stream) out of a multipart/form-data body in place, without
 * copying the file parts, and checks the framing is complete. Audio uploads are forwarded as the
 * client's bytes; the router only needs to know which model they are for.
 */
final class MultipartFields {
    /** The body is not well-formed multipart. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private MultipartFields() {}

    /** The boundary parameter of a multipart Content-Type, or null. */
    static String boundary(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() ? null : b;
            }
        }
        return null;
    }

    /** The value of the text field {@code name}, or null when absent. */
    static String field(ByteBuf body, String contentType, String name) throws Malformed {
        String boundary = boundary(contentType);
        if (boundary == null) {
            throw new Malformed("multipart body without a boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int start = body.readerIndex();
        int end = body.writerIndex();
        int at = indexOf(body, delimiter, start, end);
        if (at != start) {
            throw new Malformed("multipart body does not start with its boundary");
        }
        String found = null;
        boolean closed = false;
        while (true) {
            int after = at + delimiter.length;
            if (after + 2 <= end && body.getByte(after) == '-' && body.getByte(after + 1) == '-') {
                closed = true;
                break;
            }
            int headersStart = after + 2; // CRLF after the delimiter
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart, end);
            if (headersEnd < 0) {
                break;
            }
            int next = indexOf(body, delimiter, headersEnd + 4, end);
            if (next < 0) {
                break;
            }
            String headers = body.toString(headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            if (found == null
                    && headers.toLowerCase(Locale.ROOT).contains("name=\"" + name.toLowerCase(Locale.ROOT) + "\"")
                    && !headers.toLowerCase(Locale.ROOT).contains("filename=")) {
                int valueEnd = next - 2; // CRLF before the delimiter
                found = body.toString(headersEnd + 4, Math.max(0, valueEnd - headersEnd - 4), StandardCharsets.UTF_8);
            }
            at = next;
        }
        if (!closed) {
            throw new Malformed("multipart body is truncated (no closing boundary)");
        }
        return found;
    }

    private static int indexOf(ByteBuf b, byte[] needle, int from, int to) {
        if (from >= to) {
            return -1;
        }
        int i = ByteBufUtil.indexOf(io.netty.buffer.Unpooled.wrappedBuffer(needle), b.slice(from, to - from));
        return i < 0 ? -1 : from + i;
    }
}
