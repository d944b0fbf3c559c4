package ai.burncloud.router;

import java.net.URI;

/** Host, port and scheme of an upstream: the key of its connection pool. */
record UpstreamEndpoint(String host, int port, boolean tls) {
    static UpstreamEndpoint of(URI uri) {
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        return new UpstreamEndpoint(uri.getHost(), port, tls);
    }

    /** The Host header value. */
    String hostHeader() {
        boolean defaultPort = (tls && port == 443) || (!tls && port == 80);
        String h = host.contains(":") ? "[" + host + "]" : host;
        return defaultPort ? h : h + ":" + port;
    }
}
