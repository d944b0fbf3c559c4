package ai.burncloud.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

final class JdbcAuditRepository implements AuditRepository {
    private static final String COLUMNS = "id, at_ms, actor, source, entity, entity_id, action, before, after";

    private final Database db;

    JdbcAuditRepository(Database db) {
        this.db = db;
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getLong("at_ms"),
                rs.getString("actor"),
                rs.getString("source"),
                rs.getString("entity"),
                rs.getString("entity_id"),
                rs.getString("action"),
                rs.getString("before"),
                rs.getString("after"));
    }

    @Override
    public AuditEntry append(AuditEntry e) {
        return db.write(c -> {
            long id = Sql.insert(
                    c,
                    "INSERT INTO audit_log (at_ms, actor, source, entity, entity_id, action, before, after)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    e.atMs(),
                    e.actor(),
                    e.source(),
                    e.entity(),
                    e.entityId(),
                    e.action(),
                    e.before(),
                    e.after());
            return new AuditEntry(
                    id, e.atMs(), e.actor(), e.source(), e.entity(), e.entityId(), e.action(), e.before(), e.after());
        });
    }

    @Override
    public Page<AuditEntry> list(AuditQuery q, int page, int size) {
        int[] b = Page.bounds(page, size, 500);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filter(where, params, "actor = ?", q.actor());
        filter(where, params, "entity = ?", q.entity());
        filter(where, params, "entity_id = ?", q.entityId());
        filter(where, params, "action = ?", q.action());
        filter(where, params, "at_ms >= ?", q.since());
        filter(where, params, "at_ms < ?", q.until());
        return db.read(c -> {
            long total = Sql.queryLong(c, "SELECT count(*) FROM audit_log" + where, params.toArray());
            List<Object> paged = new ArrayList<>(params);
            paged.add(b[1]);
            paged.add((b[0] - 1) * b[1]);
            List<AuditEntry> items = Sql.query(
                    c,
                    "SELECT " + COLUMNS + " FROM audit_log" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                    JdbcAuditRepository::map,
                    paged.toArray());
            return new Page<>(items, total, b[0], b[1]);
        });
    }

    private static void filter(StringBuilder where, List<Object> params, String clause, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            params.add(value);
        }
    }

    @Override
    public int deleteOlderThan(long cutoffMs) {
        return db.write(c -> Sql.update(c, "DELETE FROM audit_log WHERE at_ms < ?", cutoffMs));
    }
}
