package ai.burncloud.service;

/**
 * A service operation was refused. The message is one line meant for the operator; the kind tells
 * the caller how to report it (the CLI maps it to an exit code, the REST API to an HTTP status).
 */
public final class ServiceException extends RuntimeException {
    /** Why an operation was refused. */
    public enum Kind {
        /** The thing named does not exist (CLI exit 1, HTTP 404). */
        NOT_FOUND,
        /** The input is malformed or breaks a rule (CLI exit 2, HTTP 400). */
        INVALID,
        /** The input is fine but collides with what exists (CLI exit 1, HTTP 409). */
        CONFLICT
    }

    private final Kind kind;

    private ServiceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static ServiceException notFound(String message) {
        return new ServiceException(Kind.NOT_FOUND, message);
    }

    public static ServiceException invalid(String message) {
        return new ServiceException(Kind.INVALID, message);
    }

    public static ServiceException conflict(String message) {
        return new ServiceException(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }
}
