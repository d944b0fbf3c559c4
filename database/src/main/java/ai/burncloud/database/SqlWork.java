package ai.burncloud.database;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one JDBC connection, inside or outside a transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
