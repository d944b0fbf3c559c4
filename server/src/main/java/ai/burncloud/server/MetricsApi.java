package ai.burncloud.server;

import ai.burncloud.common.GatewayError;
import ai.burncloud.service.Secrets;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** {@code GET /metrics}: Prometheus text format; with METRICS_TOKEN set it needs that Bearer token. */
final class MetricsApi {
    private final ApiServices s;
    private final Blocking blocking;
    private final GatewayMetrics metrics;

    MetricsApi(ApiServices s, Blocking blocking, GatewayMetrics metrics) {
        this.s = s;
        this.blocking = blocking;
        this.metrics = metrics;
    }

    void register(ApiRoutes r) {
        r.get("/metrics", Access.PUBLIC, this::scrape);
    }

    private void scrape(RoutingContext ctx) {
        Optional<String> token = s.config().metricsToken().filter(t -> !t.isEmpty());
        if (token.isPresent()) {
            String header = ctx.request().getHeader("authorization");
            String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).strip()
                    : null;
            if (!Secrets.equal(given, token.get())) {
                ctx.response().putHeader("www-authenticate", "Bearer");
                Replies.error(ctx, GatewayError.INVALID_TOKEN, "metrics need Authorization: Bearer METRICS_TOKEN");
                return;
            }
        }
        blocking.run(
                ctx,
                () -> metrics.scrape(s.repos().channels().all()),
                (c, text) -> c.response()
                        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(text));
    }
}
