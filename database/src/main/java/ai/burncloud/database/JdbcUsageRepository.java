package ai.burncloud.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

final class JdbcUsageRepository implements UsageRepository {
    private final Database db;

    JdbcUsageRepository(Database db) {
        this.db = db;
    }

    @Override
    public void record(UsageBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        db.write(c -> {
            write(c, batch);
            if (batch.journal() != null) {
                JdbcJournalRepository.replace(c, batch.journal());
            }
            return null;
        });
    }

    /** The rows and their charges, inside the caller's transaction. */
    static void write(Connection c, UsageBatch batch) throws SQLException {
        insertLogs(c, batch);
        JdbcAdmissionRepository.releaseLogged(c, batch.logs());
        addAll(c, "UPDATE tokens SET used_quota = used_quota + ? WHERE id = ?", batch.tokenUsed());
        addAll(c, "UPDATE users SET used_quota = used_quota + ? WHERE id = ?", batch.userCharged());
        // an unlimited balance (-1) is never charged
        addAll(c, "UPDATE users SET balance = balance - ? WHERE id = ? AND balance <> -1", batch.userCharged());
        addAll(c, "UPDATE users SET request_count = request_count + ? WHERE id = ?", batch.userRequests());
        addAll(c, "UPDATE channels SET used_quota = used_quota + ? WHERE id = ?", batch.channelUsed());
    }

    private static void insertLogs(Connection c, UsageBatch batch) throws SQLException {
        if (batch.logs().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO request_logs (request_id, created_at_ms, user_id,"
                + " token_id, channel_id, endpoint, model, upstream_model, prompt_tokens, completion_tokens,"
                + " cached_tokens, cache_creation_tokens, reasoning_tokens, cost, latency_ms, ttfb_ms, status, stream,"
                + " settlement, retry_trail, estimated, price_missing, error_code, client_ip)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RequestLog l : batch.logs()) {
                Sql.bind(
                        ps,
                        l.requestId(),
                        l.createdAtMs(),
                        l.userId(),
                        l.tokenId(),
                        l.channelId(),
                        l.endpoint(),
                        l.model(),
                        l.upstreamModel(),
                        l.promptTokens(),
                        l.completionTokens(),
                        l.cachedTokens(),
                        l.cacheCreationTokens(),
                        l.reasoningTokens(),
                        l.cost(),
                        l.latencyMs(),
                        l.ttfbMs(),
                        l.status(),
                        l.stream(),
                        l.settlement(),
                        l.retryTrail(),
                        l.estimated(),
                        l.priceMissing(),
                        l.errorCode(),
                        l.clientIp());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void addAll(Connection c, String sql, Map<Long, Long> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<Long, Long> e : deltas.entrySet()) {
                if (e.getValue() == 0) {
                    continue;
                }
                Sql.bind(ps, e.getValue(), e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
