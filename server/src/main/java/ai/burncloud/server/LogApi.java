package ai.burncloud.server;

import ai.burncloud.common.Settlement;
import ai.burncloud.database.LogQuery;
import ai.burncloud.database.RequestLog;
import ai.burncloud.service.ConsoleCaller;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code /api/logs}: the request log, newest first, administrators all of it, users their own;
 * filters {@code from, to} (unix seconds, inclusive), {@code model, token, channel, user, status,
 * stream, settlement}. {@code /api/logs/export} streams the same rows as CSV without paging, and a
 * last row of totals (tokens and exact cost).
 */
final class LogApi {
    private static final int CHUNK_ROWS = 500;

    private final ApiServices s;
    private final Blocking blocking;

    LogApi(ApiServices s, Blocking blocking) {
        this.s = s;
        this.blocking = blocking;
    }

    void register(ApiRoutes r) {
        r.get("/api/logs", Access.USER, this::list);
        r.get("/api/logs/export", Access.USER, this::export);
    }

    /** The caller's filters from the query string, scoped to what the caller may see. */
    static LogQuery query(RoutingContext ctx, int page, int size) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        Long from = Params.queryLong(ctx, "from");
        Long to = Params.queryLong(ctx, "to");
        Long user = Params.queryLong(ctx, "user");
        Long status = Params.queryLong(ctx, "status");
        if (from != null && (from < 0 || from > 1L << 40) || to != null && (to < 0 || to > 1L << 40)) {
            throw ApiException.invalid("from and to are unix seconds");
        }
        if (status != null && (status < 0 || status > 999)) {
            throw ApiException.invalid("status must be an HTTP status");
        }
        String settlement = Params.query(ctx, "settlement");
        if (settlement != null && Arrays.stream(Settlement.values()).noneMatch(s -> s.id().equals(settlement))) {
            throw ApiException.invalid("settlement must be one of "
                    + Arrays.stream(Settlement.values()).map(Settlement::id).toList());
        }
        if (!caller.isAdmin()) {
            // a user's filter is always themselves; asking for someone else finds nothing
            user = user == null || user == caller.id() ? Long.valueOf(caller.id()) : Long.valueOf(-1);
        }
        return new LogQuery(
                from == null ? null : from * 1000,
                to == null ? null : to * 1000 + 999,
                Params.query(ctx, "model"),
                Params.queryLong(ctx, "token"),
                caller.isAdmin() ? Params.queryLong(ctx, "channel") : null,
                user,
                status == null ? null : status.intValue(),
                Params.queryBool(ctx, "stream"),
                settlement,
                page,
                size);
    }

    private void list(RoutingContext ctx) {
        int[] p = Params.paging(ctx);
        LogQuery q = query(ctx, p[0], p[1]);
        boolean admin = Authenticator.caller(ctx).isAdmin();
        blocking.json(ctx, () -> JsonNodes.page(s.repos().logs().query(q), r -> LogView.json(r, admin)));
    }

    private void export(RoutingContext ctx) {
        LogQuery q = query(ctx, 1, 1);
        boolean admin = Authenticator.caller(ctx).isAdmin();
        HttpServerResponse resp = ctx.response()
                .setChunked(true)
                .putHeader("content-type", "text/csv; charset=utf-8")
                .putHeader("content-disposition", "attachment; filename=\"burncloud-logs.csv\"")
                .putHeader("cache-control", "no-store");
        blocking.run(
                ctx,
                () -> {
                    write(resp, q, admin);
                    return true;
                },
                (c, x) -> {
                    if (!resp.ended()) {
                        resp.end();
                    }
                });
    }

    /** Runs on a worker: rows go out in chunks, waiting while the client is slow. */
    private void write(HttpServerResponse resp, LogQuery q, boolean admin) throws IOException {
        StringBuilder sb = new StringBuilder();
        CSVPrinter csv = new CSVPrinter(sb, CSVFormat.DEFAULT);
        csv.printRecord(LogView.columns(admin));
        int[] rows = {0};
        LogTotals totals = new LogTotals();
        s.repos().logs().forEach(q, (RequestLog r) -> {
            totals.add(r);
            try {
                csv.printRecord(LogView.values(r, admin).stream()
                        .map(v -> v instanceof java.math.BigDecimal d ? d.toPlainString() : v)
                        .toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (++rows[0] % CHUNK_ROWS == 0) {
                send(resp, sb);
            }
        });
        csv.printRecord(totals.values(admin));
        send(resp, sb);
    }

    private static void send(HttpServerResponse resp, StringBuilder sb) {
        if (resp.closed()) {
            throw new IllegalStateException("client went away during the export");
        }
        if (sb.length() > 0) {
            resp.write(Buffer.buffer(sb.toString()));
            sb.setLength(0);
        }
        if (resp.writeQueueFull()) {
            CountDownLatch drained = new CountDownLatch(1);
            resp.drainHandler(v -> drained.countDown());
            try {
                if (!resp.writeQueueFull() || drained.await(60, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("client stopped reading the export");
        }
    }
}
