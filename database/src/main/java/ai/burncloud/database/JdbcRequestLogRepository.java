package ai.burncloud.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

final class JdbcRequestLogRepository implements RequestLogRepository {
    static final String COLUMNS = "id, request_id, created_at_ms, user_id, token_id, channel_id, endpoint, model,"
            + " upstream_model, prompt_tokens, completion_tokens, cached_tokens, cache_creation_tokens,"
            + " reasoning_tokens, cost, latency_ms, ttfb_ms, status, stream, settlement, retry_trail, estimated,"
            + " price_missing, error_code, client_ip";

    private final Database db;

    JdbcRequestLogRepository(Database db) {
        this.db = db;
    }

    static RequestLog map(ResultSet rs) throws SQLException {
        return new RequestLog(
                rs.getLong("id"),
                rs.getString("request_id"),
                rs.getLong("created_at_ms"),
                Sql.nullableLong(rs, "user_id"),
                Sql.nullableLong(rs, "token_id"),
                Sql.nullableLong(rs, "channel_id"),
                rs.getString("endpoint"),
                rs.getString("model"),
                rs.getString("upstream_model"),
                rs.getLong("prompt_tokens"),
                rs.getLong("completion_tokens"),
                rs.getLong("cached_tokens"),
                rs.getLong("cache_creation_tokens"),
                rs.getLong("reasoning_tokens"),
                rs.getLong("cost"),
                rs.getLong("latency_ms"),
                Sql.nullableLong(rs, "ttfb_ms"),
                rs.getInt("status"),
                rs.getBoolean("stream"),
                rs.getString("settlement"),
                rs.getString("retry_trail"),
                rs.getBoolean("estimated"),
                rs.getBoolean("price_missing"),
                rs.getString("error_code"),
                rs.getString("client_ip"));
    }

    private record Where(String sql, List<Object> params) {}

    private static Where where(LogQuery q) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.fromMs() != null) {
            sql.append(" AND created_at_ms >= ?");
            params.add(q.fromMs());
        }
        if (q.toMs() != null) {
            sql.append(" AND created_at_ms <= ?");
            params.add(q.toMs());
        }
        if (q.model() != null) {
            sql.append(" AND model = ?");
            params.add(q.model());
        }
        if (q.tokenId() != null) {
            sql.append(" AND token_id = ?");
            params.add(q.tokenId());
        }
        if (q.channelId() != null) {
            sql.append(" AND channel_id = ?");
            params.add(q.channelId());
        }
        if (q.userId() != null) {
            sql.append(" AND user_id = ?");
            params.add(q.userId());
        }
        if (q.status() != null) {
            sql.append(" AND status = ?");
            params.add(q.status());
        }
        if (q.stream() != null) {
            sql.append(" AND stream = ?");
            params.add(q.stream());
        }
        if (q.settlement() != null) {
            sql.append(" AND settlement = ?");
            params.add(q.settlement());
        }
        return new Where(sql.toString(), params);
    }

    @Override
    public Page<RequestLog> query(LogQuery q) {
        int[] b = Page.bounds(q.page(), q.size(), 1000);
        Where w = where(q);
        return db.read(c -> {
            long total = Sql.queryLong(
                    c, "SELECT count(*) FROM request_logs" + w.sql(), w.params().toArray());
            List<Object> p = new ArrayList<>(w.params());
            p.add(b[1]);
            p.add((b[0] - 1) * b[1]);
            List<RequestLog> items = Sql.query(
                    c,
                    "SELECT " + COLUMNS + " FROM request_logs" + w.sql() + " ORDER BY id DESC LIMIT ? OFFSET ?",
                    JdbcRequestLogRepository::map,
                    p.toArray());
            return new Page<>(items, total, b[0], b[1]);
        });
    }

    @Override
    public void forEach(LogQuery q, Consumer<RequestLog> sink) {
        Where w = where(q);
        db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM request_logs" + w.sql() + " ORDER BY id DESC")) {
                ps.setFetchSize(500);
                Sql.bind(ps, w.params().toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(map(rs));
                    }
                }
            }
            return null;
        });
    }
}
