package ai.burncloud.database;

/** The database could not be opened or reached. The message is one line for the operator. */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
