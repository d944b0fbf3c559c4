package ai.burncloud.router.provider;

import ai.burncloud.router.translate.UpstreamOperation;
import java.nio.charset.StandardCharsets;

/** RFC 3986 percent-encoding of one URL path segment: everything but unreserved characters. */
final class PathSegments {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {}

    static String encode(String segment) {
        StringBuilder sb = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /** {@code base} without trailing slashes and without {@code suffix} when it already ends with it. */
    static String trimBase(String base, String suffix) {
        String b = base;
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        if (suffix != null && b.endsWith(suffix)) {
            b = b.substring(0, b.length() - suffix.length());
        }
        return b;
    }

    static void requireOpenAi(UpstreamOperation op, String provider) {
        if (!op.name().startsWith("OPENAI_")) {
            throw new IllegalArgumentException(provider + " channels do not serve " + op);
        }
    }
}
