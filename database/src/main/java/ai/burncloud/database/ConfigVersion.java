package ai.burncloud.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A counter every configuration write bumps in its own transaction. A running router polls it (one
 * indexed single-row read) and rebuilds its in-memory snapshot only when it moved, which is how a
 * change made by the CLI in another process reaches the router within a second.
 */
public final class ConfigVersion {
    private final Database db;

    public ConfigVersion(Database db) {
        this.db = db;
    }

    public long current() {
        return db.read(c -> Sql.queryLong(c, "SELECT version FROM config_version WHERE id = 1"));
    }

    static void bump(Connection c) throws SQLException {
        Sql.update(c, "UPDATE config_version SET version = version + 1 WHERE id = 1");
    }
}
