package ai.burncloud.database;

/** An insert or update collided with a unique key (e.g. a username that is taken). */
public final class DuplicateKeyException extends DataAccessException {
    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
