package ai.burncloud.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

final class JdbcJournalRepository implements JournalRepository {
    private static final String COLUMNS = "instance_id, request_id, journaled_at_ms, created_at_ms, user_id, token_id,"
            + " endpoint, model, stream, prompt_tokens, completion_tokens, cost, price_missing, client_ip";

    private final Database db;

    JdbcJournalRepository(Database db) {
        this.db = db;
    }

    /** Replaces everything {@code update.instanceId()} journaled, inside the caller's transaction. */
    static void replace(Connection c, JournalUpdate update) throws SQLException {
        Sql.update(c, "DELETE FROM request_journal WHERE instance_id = ?", update.instanceId());
        if (update.inFlight().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO request_journal (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (JournalEntry e : update.inFlight()) {
                Sql.bind(
                        ps,
                        update.instanceId(),
                        e.requestId(),
                        e.journaledAtMs(),
                        e.createdAtMs(),
                        e.userId(),
                        e.tokenId(),
                        e.endpoint(),
                        e.model(),
                        e.stream(),
                        e.promptTokens(),
                        e.completionTokens(),
                        e.cost(),
                        e.priceMissing(),
                        e.clientIp());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public List<JournalEntry> abandoned(String instanceId, long beforeMs) {
        return db.read(c -> Sql.query(
                c,
                "SELECT " + COLUMNS + " FROM request_journal WHERE instance_id <> ? AND journaled_at_ms < ?"
                        + " ORDER BY created_at_ms",
                JdbcJournalRepository::map,
                instanceId,
                beforeMs));
    }

    @Override
    public List<RequestLog> settleAbandoned(List<JournalEntry> entries, Function<JournalEntry, RequestLog> asLog) {
        if (entries.isEmpty()) {
            return List.of();
        }
        return db.write(c -> {
            List<RequestLog> rows = new ArrayList<>();
            for (JournalEntry e : entries) {
                int removed = Sql.update(
                        c,
                        "DELETE FROM request_journal WHERE instance_id = ? AND request_id = ?",
                        e.instanceId(),
                        e.requestId());
                if (removed == 1) {
                    rows.add(asLog.apply(e));
                }
            }
            JdbcUsageRepository.write(c, UsageBatch.of(rows, null));
            return rows;
        });
    }

    private static JournalEntry map(ResultSet rs) throws SQLException {
        return new JournalEntry(
                rs.getString("instance_id"),
                rs.getString("request_id"),
                rs.getLong("journaled_at_ms"),
                rs.getLong("created_at_ms"),
                Sql.nullableLong(rs, "user_id"),
                Sql.nullableLong(rs, "token_id"),
                rs.getString("endpoint"),
                rs.getString("model"),
                rs.getBoolean("stream"),
                rs.getLong("prompt_tokens"),
                rs.getLong("completion_tokens"),
                rs.getLong("cost"),
                rs.getBoolean("price_missing"),
                rs.getString("client_ip"));
    }
}
