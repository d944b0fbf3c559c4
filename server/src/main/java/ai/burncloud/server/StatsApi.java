package ai.burncloud.server;

import ai.burncloud.common.Json;
import ai.burncloud.service.ConsoleCaller;
import ai.burncloud.service.DataPlaneView;
import ai.burncloud.service.StatsBucket;
import ai.burncloud.service.StatsGroupBy;
import ai.burncloud.service.StatsMetric;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code /api/stats}: summary and time series over a window (default the last 24 hours and hour,
 * times in unix seconds), and {@code live}, a Server-Sent Events stream with one event per second.
 * Users see their own requests; administrators everyone's (and the data plane's in-flight count).
 */
final class StatsApi {
    private final ApiServices s;
    private final Blocking blocking;
    private final AtomicReference<DataPlaneView> dataPlane;

    StatsApi(ApiServices s, Blocking blocking, AtomicReference<DataPlaneView> dataPlane) {
        this.s = s;
        this.blocking = blocking;
        this.dataPlane = dataPlane;
    }

    void register(ApiRoutes r) {
        r.get("/api/stats/summary", Access.USER, this::summary);
        r.get("/api/stats/timeseries", Access.USER, this::timeseries);
        r.get("/api/stats/live", Access.USER, this::live);
    }

    private static Long scope(ConsoleCaller caller) {
        return caller.isAdmin() ? null : caller.id();
    }

    private long[] window(RoutingContext ctx, long defaultSeconds) {
        long now = s.clock().millis() / 1000;
        Long to = Params.queryLong(ctx, "to");
        Long from = Params.queryLong(ctx, "from");
        long t = to == null ? now : to;
        long f = from == null ? t - defaultSeconds : from;
        if (f < 0 || t < f || t > 1L << 40) {
            throw ApiException.invalid("from and to are unix seconds with from <= to");
        }
        return new long[] {f, t};
    }

    private void summary(RoutingContext ctx) {
        Long user = scope(Authenticator.caller(ctx));
        long[] w = window(ctx, 24 * 3600);
        blocking.json(ctx, () -> StatsView.summary(w[0], w[1], s.statsQueries().summary(w[0], w[1], user)));
    }

    private void timeseries(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        String m = Params.query(ctx, "metric");
        StatsMetric metric = StatsMetric.parse(m == null ? "requests" : m);
        String b = Params.query(ctx, "bucket");
        StatsBucket bucket = StatsBucket.parse(b == null ? "1m" : b);
        String g = Params.query(ctx, "group_by");
        StatsGroupBy groupBy = g == null ? null : StatsGroupBy.parse(g);
        if (!caller.isAdmin() && (groupBy == StatsGroupBy.CHANNEL || groupBy == StatsGroupBy.USER)) {
            throw ApiException.forbidden("only administrators may group by channel or user");
        }
        long[] w = window(ctx, bucket == StatsBucket.SECOND ? 300 : bucket == StatsBucket.MINUTE ? 3600 : 24 * 3600);
        Long user = scope(caller);
        blocking.json(
                ctx, () -> StatsView.series(s.statsQueries().timeseries(metric, bucket, w[0], w[1], groupBy, user)));
    }

    private void live(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        Long user = scope(caller);
        HttpServerResponse resp = ctx.response()
                .setChunked(true)
                .putHeader("content-type", "text/event-stream")
                .putHeader("cache-control", "no-store")
                .putHeader("x-accel-buffering", "no");
        Runnable push = () -> {
            DataPlaneView dp = dataPlane.get();
            Integer inFlight = caller.isAdmin() && dp != null ? dp.inFlight() : null;
            String event = "event: live\ndata: "
                    + Json.write(StatsView.live(s.statsQueries().live(user, inFlight))) + "\n\n";
            resp.write(event);
        };
        push.run();
        long timer = ctx.vertx().setPeriodic(1000, id -> {
            if (resp.closed() || resp.ended()) {
                ctx.vertx().cancelTimer(id);
            } else if (!resp.writeQueueFull()) {
                push.run();
            }
        });
        resp.closeHandler(v -> ctx.vertx().cancelTimer(timer));
    }
}
