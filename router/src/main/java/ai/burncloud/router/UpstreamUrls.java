package ai.burncloud.router;

import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed upstream URLs, remembered: a channel's URLs repeat for every request, and parsing one is
 * most of the cost of choosing where to connect. Bounded: past {@value #MAX} distinct URLs (model
 * names in paths can vary without end) the memory starts over.
 */
final class UpstreamUrls {
    private static final int MAX = 10_000;

    /** Where to connect and what to put in the request line. */
    record Target(UpstreamEndpoint endpoint, String pathAndQuery) {}

    private final ConcurrentHashMap<String, Target> parsed = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException when the URL is not absolute http(s) with a host */
    Target parse(String url) {
        Target t = parsed.get(url);
        if (t != null) {
            return t;
        }
        URI uri = URI.create(url);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in " + url);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        t = new Target(UpstreamEndpoint.of(uri), uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        if (parsed.size() >= MAX) {
            parsed.clear();
        }
        parsed.put(url, t);
        return t;
    }
}
