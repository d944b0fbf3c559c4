package ai.burncloud.database.testing;

import ai.burncloud.common.DatabaseUrl;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Databases for tests: a SQLite file in a temporary directory, or a fresh PostgreSQL schema on the
 * local server (127.0.0.1:5432, database test, user postgres, trust auth) that is dropped afterwards.
 * PostgreSQL is required: when it is unreachable the tests using it fail, they are never skipped.
 */
public final class TestDatabases {
    public static final String PG_HOST_URL = "postgres://postgres@127.0.0.1:5432/test";
    private static final String PG_JDBC = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDatabases() {}

    public static String sqliteUrl(Path dir) {
        return "sqlite:" + dir.resolve("burncloud-test.db");
    }

    public static DatabaseUrl sqlite(Path dir) {
        return DatabaseUrl.parse(sqliteUrl(dir));
    }

    /** A schema name no other run uses; Database.open creates it on first use. */
    public static PostgresSchema freshPostgresSchema() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return new PostgresSchema("bc_test_" + HexFormat.of().formatHex(bytes));
    }

    /** A PostgreSQL schema owned by one test; closing it drops everything in it. */
    public static final class PostgresSchema implements AutoCloseable {
        private final String name;

        PostgresSchema(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** The DATABASE_URL selecting this schema. */
        public String urlText() {
            return PG_HOST_URL + "?currentSchema=" + name;
        }

        public DatabaseUrl url() {
            return DatabaseUrl.parse(urlText());
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = DriverManager.getConnection(PG_JDBC, "postgres", null);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        }
    }
}
