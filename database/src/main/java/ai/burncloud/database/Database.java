package ai.burncloud.database;

import ai.burncloud.common.DatabaseUrl;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database, SQLite or PostgreSQL, behind a HikariCP pool, migrated with Flyway on open.
 *
 * <p>SQLite runs in WAL mode with a busy timeout, and every write transaction in this process goes
 * through one lock and starts with {@code BEGIN IMMEDIATE}: one writer at a time, so "database is
 * locked" cannot arise between our own threads, and another process (the CLI) waits up to the busy
 * timeout instead of failing. PostgreSQL writes run concurrently.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Pattern SCHEMA_PARAM = Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)");
    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

    private final DatabaseUrl url;
    private final HikariDataSource dataSource;
    private final ReentrantLock writeLock;

    private Database(DatabaseUrl url, HikariDataSource dataSource) {
        this.url = url;
        this.dataSource = dataSource;
        this.writeLock = url.kind() == DatabaseUrl.Kind.SQLITE ? new ReentrantLock() : null;
    }

    /**
     * Opens the pool and brings the schema up to date.
     *
     * @throws DatabaseUnavailableException when the database cannot be reached or migrated
     */
    public static Database open(DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setPoolName("burncloud-db");
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(1);
        if (url.kind() == DatabaseUrl.Kind.SQLITE) {
            config.setDriverClassName("org.sqlite.JDBC");
            config.setMaximumPoolSize(4);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            config.setDriverClassName("org.postgresql.Driver");
            config.setMaximumPoolSize(10);
            if (url.user() != null) {
                config.setUsername(url.user());
            }
            if (url.password() != null) {
                config.setPassword(url.password());
            }
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("cannot open database " + url + ": " + rootMessage(e), e);
        }
        Database db = new Database(url, ds);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new DatabaseUnavailableException("cannot migrate database " + url + ": " + rootMessage(e), e);
        }
        return db;
    }

    private void migrate() {
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(
                        url.kind() == DatabaseUrl.Kind.SQLITE
                                ? "classpath:db/migration/sqlite"
                                : "classpath:db/migration/postgresql")
                .loggers("slf4j")
                // numbers are reserved per feature and land in any order (V5 after V6)
                .outOfOrder(true);
        Matcher schema = SCHEMA_PARAM.matcher(url.jdbcUrl());
        if (schema.find()) {
            flyway = flyway.schemas(schema.group(1)).createSchemas(true);
        }
        try {
            var result = flyway.load().migrate();
            if (result.migrationsExecuted > 0) {
                log.info("database {} migrated to version {}", url, result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public DatabaseUrl url() {
        return url;
    }

    public DatabaseUrl.Kind kind() {
        return url.kind();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs read-only work on a pooled connection in auto-commit mode. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs work in one transaction: all of it commits or none of it does. */
    public <T> T write(SqlWork<T> work) {
        if (writeLock != null) {
            writeLock.lock();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            if (writeLock != null) {
                writeLock.unlock();
            }
        }
    }

    private static DataAccessException translate(SQLException e) {
        String state = e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if ("23505".equals(state) || message.contains("UNIQUE constraint failed")) {
            return new DuplicateKeyException(message, e);
        }
        return DataAccessException.wrap(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return (m == null ? t.getClass().getSimpleName() : m)
                .lines()
                .findFirst()
                .orElse("");
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
