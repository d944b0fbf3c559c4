package ai.burncloud.server;

import ai.burncloud.database.LogQuery;
import ai.burncloud.database.RequestLog;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /api/logs/live}: a live tail of the request log as Server-Sent Events, one {@code log}
 * event per new row, oldest first, with the filters and the scope of {@code GET /api/logs} (users
 * see their own rows). Rows reach the log when the data plane flushes them
 * ({@code LOG_FLUSH_INTERVAL_MS}); the tail looks for new ones every second, at most {@link #BATCH}
 * per look — it is a tail to watch, the export is the complete record.
 */
final class LogTailApi {
    static final int BATCH = 100;
    /** How far back a look reaches: rows settle at most this long after their request began. */
    static final long WINDOW_MS = 3_600_000;

    private static final long POLL_MS = 1000;
    private static final long KEEP_ALIVE_MS = 15_000;

    private final ApiServices s;
    private final Blocking blocking;

    LogTailApi(ApiServices s, Blocking blocking) {
        this.s = s;
        this.blocking = blocking;
    }

    void register(ApiRoutes r) {
        r.get("/api/logs/live", Access.USER, this::live);
    }

    private void live(RoutingContext ctx) {
        LogQuery q = LogApi.query(ctx, 1, BATCH);
        boolean admin = Authenticator.caller(ctx).isAdmin();
        // the newest row now is where the tail starts: it shows what happens from here on
        blocking.run(ctx, () -> newestId(q), (c, start) -> stream(c, q, admin, start));
    }

    /**
     * The filters over the last hour only ({@code from}/{@code to} of the caller are ignored): the
     * page query counts its rows, and over a recent window that count walks the time index instead
     * of the whole log, once a second per open tail.
     */
    static LogQuery recent(LogQuery q, long nowMs) {
        return new LogQuery(
                nowMs - WINDOW_MS,
                null,
                q.model(),
                q.tokenId(),
                q.channelId(),
                q.userId(),
                q.status(),
                q.stream(),
                q.settlement(),
                1,
                BATCH);
    }

    private long newestId(LogQuery q) {
        List<RequestLog> rows =
                s.repos().logs().query(recent(q, System.currentTimeMillis())).items();
        return rows.isEmpty() ? 0 : rows.get(0).id();
    }

    private void stream(RoutingContext ctx, LogQuery q, boolean admin, long start) {
        HttpServerResponse resp = ctx.response()
                .setChunked(true)
                .putHeader("content-type", "text/event-stream")
                .putHeader("cache-control", "no-store")
                .putHeader("x-accel-buffering", "no");
        resp.write(": tail from row " + start + "\n\n");
        long[] last = {start};
        long[] quietSince = {System.currentTimeMillis()};
        AtomicBoolean busy = new AtomicBoolean();
        long timer = ctx.vertx().setPeriodic(POLL_MS, id -> {
            if (resp.closed() || resp.ended()) {
                ctx.vertx().cancelTimer(id);
                return;
            }
            if (resp.writeQueueFull() || !busy.compareAndSet(false, true)) {
                return;
            }
            blocking.vertx()
                    .executeBlocking(
                            () -> s.repos()
                                    .logs()
                                    .query(recent(q, System.currentTimeMillis()))
                                    .items(),
                            false)
                    .onComplete(ar -> {
                        busy.set(false);
                        if (ar.failed() || resp.closed() || resp.ended()) {
                            return;
                        }
                        StringBuilder out = new StringBuilder();
                        List<RequestLog> rows = ar.result();
                        for (int i = rows.size() - 1; i >= 0; i--) {
                            RequestLog r = rows.get(i);
                            if (r.id() > last[0]) {
                                last[0] = r.id();
                                out.append("event: log\ndata: ")
                                        .append(Replies.text(LogView.json(r, admin)))
                                        .append("\n\n");
                            }
                        }
                        long now = System.currentTimeMillis();
                        if (out.isEmpty() && now - quietSince[0] >= KEEP_ALIVE_MS) {
                            out.append(": keep-alive\n\n");
                        }
                        if (!out.isEmpty()) {
                            quietSince[0] = now;
                            resp.write(out.toString());
                        }
                    });
        });
        resp.closeHandler(v -> ctx.vertx().cancelTimer(timer));
    }
}
