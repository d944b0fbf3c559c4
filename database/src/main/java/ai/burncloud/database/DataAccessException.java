package ai.burncloud.database;

import java.sql.SQLException;

/** A database operation failed unexpectedly (not a constraint the caller could have anticipated). */
public class DataAccessException extends RuntimeException {
    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    public static DataAccessException wrap(SQLException e) {
        return new DataAccessException(e.getMessage(), e);
    }
}
