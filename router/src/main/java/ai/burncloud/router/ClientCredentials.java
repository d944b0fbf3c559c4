package ai.burncloud.router;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/**
 * Extracts the caller's API key: {@code Authorization: Bearer}, {@code x-api-key} (Anthropic SDKs),
 * {@code x-goog-api-key} or {@code ?key=} (Google SDKs). These are only ever compared with stored
 * hashes; they never reach an upstream.
 */
final class ClientCredentials {
    private ClientCredentials() {}

    /** The key, or null when the request carries none. */
    static String extract(HttpHeaders headers, QueryStringDecoder query) {
        String auth = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (auth != null) {
            String a = auth.strip();
            if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String key = a.substring(7).strip();
                if (!key.isEmpty()) {
                    return key;
                }
            }
        }
        String key = nonBlank(headers.get("x-api-key"));
        if (key == null) {
            key = nonBlank(headers.get("x-goog-api-key"));
        }
        if (key == null) {
            List<String> q = query.parameters().get("key");
            key = q == null || q.isEmpty() ? null : nonBlank(q.get(0));
        }
        return key;
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
