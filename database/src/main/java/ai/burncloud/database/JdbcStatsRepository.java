package ai.burncloud.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;

final class JdbcStatsRepository implements StatsRepository {
    private static final String COLUMNS = "bucket, model, channel_id, user_id, token_id, requests, errors,"
            + " prompt_tokens, completion_tokens, cost, latency_sum_ms, latency_hist, ttft_hist";
    private static final String KEY = "bucket = ? AND model = ? AND channel_id = ? AND user_id = ? AND token_id = ?";
    private static final RowMapper<StatsMinute> MAP = rs -> new StatsMinute(
            rs.getLong("bucket"),
            rs.getString("model"),
            rs.getLong("channel_id"),
            rs.getLong("user_id"),
            rs.getLong("token_id"),
            rs.getLong("requests"),
            rs.getLong("errors"),
            rs.getLong("prompt_tokens"),
            rs.getLong("completion_tokens"),
            rs.getLong("cost"),
            rs.getLong("latency_sum_ms"),
            rs.getString("latency_hist"),
            rs.getString("ttft_hist"));

    private final Database db;

    JdbcStatsRepository(Database db) {
        this.db = db;
    }

    @Override
    public void add(List<StatsMinute> rows, BinaryOperator<String> mergeHistograms) {
        if (rows.isEmpty()) {
            return;
        }
        db.write(c -> {
            for (StatsMinute r : rows) {
                Optional<StatsMinute> existing = Sql.queryOne(
                        c,
                        "SELECT " + COLUMNS + " FROM stats_minute WHERE " + KEY,
                        MAP,
                        r.bucket(),
                        r.model(),
                        r.channelId(),
                        r.userId(),
                        r.tokenId());
                if (existing.isPresent()) {
                    update(c, existing.get(), r, mergeHistograms);
                } else {
                    insert(c, r);
                }
            }
            return null;
        });
    }

    private static void insert(Connection c, StatsMinute r) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO stats_minute (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.bucket(),
                r.model(),
                r.channelId(),
                r.userId(),
                r.tokenId(),
                r.requests(),
                r.errors(),
                r.promptTokens(),
                r.completionTokens(),
                r.cost(),
                r.latencySumMs(),
                r.latencyHist(),
                r.ttftHist());
    }

    private static void update(Connection c, StatsMinute old, StatsMinute r, BinaryOperator<String> merge)
            throws SQLException {
        Sql.update(
                c,
                "UPDATE stats_minute SET requests = ?, errors = ?, prompt_tokens = ?, completion_tokens = ?,"
                        + " cost = ?, latency_sum_ms = ?, latency_hist = ?, ttft_hist = ? WHERE " + KEY,
                old.requests() + r.requests(),
                old.errors() + r.errors(),
                old.promptTokens() + r.promptTokens(),
                old.completionTokens() + r.completionTokens(),
                old.cost() + r.cost(),
                old.latencySumMs() + r.latencySumMs(),
                combine(old.latencyHist(), r.latencyHist(), merge),
                combine(old.ttftHist(), r.ttftHist(), merge),
                r.bucket(),
                r.model(),
                r.channelId(),
                r.userId(),
                r.tokenId());
    }

    private static String combine(String a, String b, BinaryOperator<String> merge) {
        if (a == null) {
            return b;
        }
        return b == null ? a : merge.apply(a, b);
    }

    @Override
    public List<StatsMinute> range(long fromBucket, long toBucket, Long userId) {
        return db.read(c -> {
            List<Object> params = new ArrayList<>(List.of(fromBucket, toBucket));
            String sql = "SELECT " + COLUMNS + " FROM stats_minute WHERE bucket >= ? AND bucket <= ?";
            if (userId != null) {
                sql += " AND user_id = ?";
                params.add(userId);
            }
            return Sql.query(c, sql + " ORDER BY bucket", MAP, params.toArray());
        });
    }

    @Override
    public int deleteBefore(long bucket) {
        return db.write(c -> Sql.update(c, "DELETE FROM stats_minute WHERE bucket < ?", bucket));
    }
}
