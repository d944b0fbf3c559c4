package ai.burncloud.database;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL admission: {@code admission_hold(...)} (migration V5) takes a hold in one round trip;
 * the transaction commits it or, on a refusal, rolls back whatever rate window it already moved.
 */
final class JdbcAdmissionRepository implements AdmissionRepository {
    private static final Verdict[] VERDICTS = Verdict.values();

    private final Database db;

    JdbcAdmissionRepository(Database db) {
        this.db = db;
    }

    @Override
    public Verdict hold(
            String instanceId,
            String requestId,
            long tokenId,
            long userId,
            long amount,
            int rpm,
            int tpm,
            long tokens,
            long nowNanos) {
        return db.write(c -> {
            int code;
            try (PreparedStatement ps = c.prepareStatement("SELECT admission_hold(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Sql.bind(
                        ps,
                        instanceId,
                        requestId,
                        tokenId,
                        userId,
                        amount,
                        rpm,
                        tpm,
                        tokens,
                        nowNanos,
                        minute(nowNanos));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    code = rs.getInt(1);
                }
            }
            if (code != 0) {
                // nothing of a refused admission may stay: the rate window it moved goes back too
                c.rollback();
            }
            return VERDICTS[code];
        });
    }

    /** The minute a tokens-per-minute window is counted in. */
    static long minute(long nowNanos) {
        return nowNanos / 60_000_000_000L;
    }

    @Override
    public void release(String requestId) {
        db.write(c -> {
            releaseHolds(c, List.of(requestId), Map.of());
            return null;
        });
    }

    @Override
    public int beat(String instanceId, long startedAtMs, long nowMs, long aliveSinceMs) {
        return db.write(c -> {
            Sql.update(
                    c,
                    "INSERT INTO router_instances (instance_id, started_at_ms, beat_at_ms) VALUES (?, ?, ?)"
                            + " ON CONFLICT (instance_id) DO UPDATE SET beat_at_ms = excluded.beat_at_ms",
                    instanceId,
                    startedAtMs,
                    nowMs);
            return (int) Sql.queryLong(c, "SELECT count(*) FROM router_instances WHERE beat_at_ms >= ?", aliveSinceMs);
        });
    }

    @Override
    public void leave(String instanceId) {
        db.write(c -> Sql.update(c, "DELETE FROM router_instances WHERE instance_id = ?", instanceId));
    }

    @Override
    public int releaseDead(long aliveSinceMs) {
        return db.write(c -> {
            int released = giveBack(
                    c,
                    c.prepareStatement("DELETE FROM admission_holds h WHERE NOT EXISTS (SELECT 1 FROM"
                            + " router_instances i WHERE i.instance_id = h.instance_id AND i.beat_at_ms >= ?)"
                            // a journaled request's hold goes back with its interrupted charge, not here
                            + " AND NOT EXISTS (SELECT 1 FROM request_journal j WHERE j.request_id = h.request_id)"
                            + " RETURNING token_id, user_id, token_held, user_held, tokens, minute, request_id"),
                    ps -> ps.setLong(1, aliveSinceMs),
                    Map.of());
            Sql.update(c, "DELETE FROM router_instances WHERE beat_at_ms < ?", aliveSinceMs);
            return released;
        });
    }

    /**
     * Inside a flush (or the settlement of interrupted requests): the holds of the requests being
     * logged are deleted and given back, and each key's tokens-per-minute window is corrected from
     * the hold's count to the tokens used. Does nothing on SQLite (one router, no shared holds).
     */
    static void releaseLogged(Connection c, List<RequestLog> rows) throws SQLException {
        if (rows.isEmpty() || !isPostgres(c)) {
            return;
        }
        List<String> ids = new java.util.ArrayList<>(rows.size());
        Map<String, Long> used = new HashMap<>();
        for (RequestLog r : rows) {
            ids.add(r.requestId());
            used.put(r.requestId(), r.promptTokens() + r.completionTokens());
        }
        releaseHolds(c, ids, used);
    }

    private static void releaseHolds(Connection c, List<String> requestIds, Map<String, Long> tokensUsed)
            throws SQLException {
        Array array = c.createArrayOf("text", requestIds.toArray());
        giveBack(
                c,
                c.prepareStatement("DELETE FROM admission_holds WHERE request_id = ANY (?)"
                        + " RETURNING token_id, user_id, token_held, user_held, tokens, minute, request_id"),
                ps -> ps.setArray(1, array),
                tokensUsed);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Runs a DELETE … RETURNING of hold rows and gives what they held back. */
    private static int giveBack(Connection c, PreparedStatement delete, Binder binder, Map<String, Long> tokensUsed)
            throws SQLException {
        Map<Long, Long> tokenHeld = new HashMap<>();
        Map<Long, Long> userHeld = new HashMap<>();
        Map<List<Long>, Long> tpmCorrection = new HashMap<>();
        int rows = 0;
        try (delete) {
            binder.bind(delete);
            try (ResultSet rs = delete.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    long token = rs.getLong(1);
                    tokenHeld.merge(token, rs.getLong(3), Long::sum);
                    userHeld.merge(rs.getLong(2), rs.getLong(4), Long::sum);
                    Long used = tokensUsed.get(rs.getString(7));
                    if (used != null) {
                        tpmCorrection.merge(List.of(token, rs.getLong(6)), used - rs.getLong(5), Long::sum);
                    }
                }
            }
        }
        subtract(c, "UPDATE tokens SET held_quota = held_quota - ? WHERE id = ?", tokenHeld);
        subtract(c, "UPDATE users SET held_balance = held_balance - ? WHERE id = ?", userHeld);
        if (!tpmCorrection.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE admission_rates SET tpm_used = GREATEST(0,"
                    + " tpm_used + ?) WHERE token_id = ? AND tpm_minute = ?")) {
                for (Map.Entry<List<Long>, Long> e : tpmCorrection.entrySet()) {
                    if (e.getValue() != 0) {
                        Sql.bind(ps, e.getValue(), e.getKey().get(0), e.getKey().get(1));
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
        return rows;
    }

    private static void subtract(Connection c, String sql, Map<Long, Long> amounts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            boolean any = false;
            for (Map.Entry<Long, Long> e : amounts.entrySet()) {
                if (e.getValue() != 0) {
                    Sql.bind(ps, e.getValue(), e.getKey());
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
    }
}
