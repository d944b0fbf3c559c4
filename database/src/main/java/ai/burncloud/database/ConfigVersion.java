package ai.burncloud.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A counter every configuration write bumps in its own transaction, with a row in {@code
 * config_changes} saying what the new version changed. A router polls the counter (one indexed
 * single-row read) and, when it moved, reads the changes since the version it holds and re-reads
 * only those entities. On PostgreSQL the same transaction sends {@code NOTIFY} on {@link #channel}
 * so routers that listen learn of it at commit instead of at their next poll.
 */
public final class ConfigVersion {
    /** Changes kept: a router further behind than this reloads everything. */
    static final long KEPT = 10_000;

    private static final String CHANNEL_PREFIX = "burncloud_config_";

    private final Database db;

    public ConfigVersion(Database db) {
        this.db = db;
    }

    public long current() {
        return db.read(c -> Sql.queryLong(c, "SELECT version FROM config_version WHERE id = 1"));
    }

    /**
     * The changes after {@code version}, oldest first, or empty when they are no longer all known
     * (pruned, or written before changes were recorded): the caller must then reload everything.
     */
    public Optional<List<ConfigChange>> since(long version) {
        return db.read(c -> {
            long current = Sql.queryLong(c, "SELECT version FROM config_version WHERE id = 1");
            List<ConfigChange> changes = Sql.query(
                    c,
                    "SELECT version, kind, entity_key FROM config_changes WHERE version > ? ORDER BY version",
                    rs -> new ConfigChange(
                            rs.getLong("version"),
                            ConfigChange.Kind.fromLabel(rs.getString("kind")),
                            rs.getString("entity_key")),
                    version);
            long expected = version + 1;
            List<ConfigChange> known = new ArrayList<>(changes.size());
            for (ConfigChange change : changes) {
                if (change.version() != expected || change.kind() == null) {
                    return Optional.empty();
                }
                known.add(change);
                expected++;
            }
            // every version committed before the first read has its row (they are written together)
            return expected > current ? Optional.of(known) : Optional.empty();
        });
    }

    /**
     * The NOTIFY channel of this database's configuration: one per schema, so gateways sharing a
     * PostgreSQL server in different schemas do not wake each other.
     */
    public String channel() {
        return db.read(c -> Sql.query(c, "SELECT current_schema() AS s", rs -> rs.getString("s"))
                        .get(0))
                .transform(schema -> CHANNEL_PREFIX + schema);
    }

    /**
     * Moves the version, records what moved it and (PostgreSQL) notifies listeners, all in the
     * caller's transaction: the notification is delivered at commit, never for a rolled-back write.
     */
    static void bump(Connection c, ConfigChange.Kind kind, Object key) throws SQLException {
        Sql.update(c, "UPDATE config_version SET version = version + 1 WHERE id = 1");
        long version = Sql.queryLong(c, "SELECT version FROM config_version WHERE id = 1");
        ConfigChange change = new ConfigChange(version, kind, key == null ? null : key.toString());
        Sql.update(
                c,
                "INSERT INTO config_changes (version, kind, entity_key, changed_at_ms) VALUES (?, ?, ?, ?)",
                version,
                kind.label(),
                change.key(),
                System.currentTimeMillis());
        if (version % 100 == 0) {
            Sql.update(c, "DELETE FROM config_changes WHERE version <= ?", version - KEPT);
        }
        if (c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            Sql.query(
                    c,
                    "SELECT pg_notify('" + CHANNEL_PREFIX + "' || current_schema(), ?) AS n",
                    rs -> null,
                    change.payload());
        }
    }
}
