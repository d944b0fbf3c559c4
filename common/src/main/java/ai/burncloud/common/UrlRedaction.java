package ai.burncloud.common;

import java.util.Locale;

/**
 * Removes credentials from a request URL before it is stored or logged. The Gemini door takes its
 * key as {@code ?key=}, and clients put tokens in other parameters too: any query parameter whose
 * name looks like a credential is dropped whole, name and value. Names are compared after
 * percent-decoding (a client may write {@code %6Bey}), leniently: a malformed escape never throws.
 * The path and every other parameter stay as they were.
 */
public final class UrlRedaction {
    private static final String[] CREDENTIAL_WORDS = {
        "key", "token", "secret", "passw", "pwd", "auth", "sig", "credential", "session", "cookie"
    };

    private UrlRedaction() {}

    /** {@code uri} without credential-looking query parameters (and without a fragment). */
    public static String redact(String uri) {
        if (uri == null) {
            return null;
        }
        int hash = uri.indexOf('#');
        String u = hash < 0 ? uri : uri.substring(0, hash);
        int q = u.indexOf('?');
        if (q < 0) {
            return u;
        }
        StringBuilder out = new StringBuilder(u.length()).append(u, 0, q);
        char sep = '?';
        for (String param : u.substring(q + 1).split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq);
            if (!looksLikeCredential(name)) {
                out.append(sep).append(param);
                sep = '&';
            }
        }
        return out.toString();
    }

    /** Whether a (raw, possibly percent-encoded) query parameter name names a credential. */
    public static boolean looksLikeCredential(String rawName) {
        String name = decodeLeniently(rawName).toLowerCase(Locale.ROOT);
        for (String w : CREDENTIAL_WORDS) {
            if (name.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static String decodeLeniently(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c == '+' ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
