package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/**
 * RFC 9112 rules the HTTP codec leaves to us, checked on every path (data plane and control plane
 * alike, so each gets the same answer): only HTTP/1.0 and HTTP/1.1 are spoken (505 otherwise), and an
 * HTTP/1.1 request carries exactly one Host header (an HTTP/1.0 one at most one), else 400.
 */
final class HttpStrictness {
    private HttpStrictness() {}

    /** Why {@code request} must be refused, or null when it may go on. */
    static Rejection check(HttpRequest request) {
        HttpVersion v = request.protocolVersion();
        if (v.majorVersion() != 1 || v.minorVersion() > 1) {
            return Rejection.of(
                    GatewayError.HTTP_VERSION_NOT_SUPPORTED, "HTTP version " + v.text() + " is not supported");
        }
        int hosts = request.headers().getAll(HttpHeaderNames.HOST).size();
        if (hosts > 1 || (hosts == 0 && v.minorVersion() == 1)) {
            return Rejection.of(GatewayError.INVALID_REQUEST, "an HTTP/1.1 request needs exactly one Host header");
        }
        return null;
    }
}
