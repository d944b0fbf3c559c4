package ai.burncloud.router;

import ai.burncloud.common.Version;
import ai.burncloud.router.provider.Providers;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamTarget;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Builds the HTTP request for a translated body: the provider's URL (parsed once and remembered),
 * the headers every upstream call carries, and the channel's credentials. Used by the proxy and the
 * speed test alike, so both send exactly the same request.
 */
final class UpstreamRequests {
    private static final String USER_AGENT = "BurnCloud/" + Version.current();

    /** Where to send it and what to send; the caller owns {@code request}. */
    record Built(UpstreamEndpoint endpoint, FullHttpRequest request) {}

    private final Providers providers;
    private final UpstreamUrls urls;

    UpstreamRequests(Providers providers, UpstreamUrls urls) {
        this.providers = providers;
        this.urls = urls;
    }

    /**
     * A POST of {@code sent}'s body (retained: the caller keeps its own reference for failover).
     *
     * @param anthropicBeta the client's {@code anthropic-beta} header for an Anthropic upstream, or null
     * @throws IllegalArgumentException when the channel's URL is unusable
     */
    Built build(Upstream upstream, UpstreamTarget target, UpstreamBody sent, String anthropicBeta) {
        String url = providers.forType(upstream.type()).url(target, sent.operation());
        UpstreamUrls.Target where = urls.parse(url);
        FullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                HttpMethod.POST,
                where.pathAndQuery(),
                sent.body().retainedDuplicate());
        HttpHeaders h = request.headers();
        h.set(HttpHeaderNames.HOST, where.endpoint().hostHeader());
        h.set(HttpHeaderNames.CONTENT_TYPE, sent.contentType() == null ? "application/json" : sent.contentType());
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, request.content().readableBytes());
        h.set(HttpHeaderNames.ACCEPT, sent.stream() ? "text/event-stream" : "application/json");
        h.set(HttpHeaderNames.USER_AGENT, USER_AGENT);
        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        if (anthropicBeta != null) {
            // beta features (Claude Code relies on them) are the client's to ask for
            h.set("anthropic-beta", anthropicBeta);
        }
        try {
            providers.forType(upstream.type()).authorize(target, "POST", url, h, request.content());
        } catch (RuntimeException e) {
            request.release();
            throw e;
        }
        return new Built(where.endpoint(), request);
    }
}
