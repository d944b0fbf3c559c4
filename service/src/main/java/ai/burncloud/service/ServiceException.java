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
        CONFLICT,
        /** No valid credentials were presented (HTTP 401). */
        UNAUTHENTICATED,
        /** The caller is known but may not do this (HTTP 403). */
        FORBIDDEN,
        /** Too many attempts; {@link #retryAfterSeconds()} tells when to try again (HTTP 429). */
        RATE_LIMITED,
        /** Well-formed and allowed, but this thing cannot do it (HTTP 422). */
        UNPROCESSABLE,
        /** Something this depends on is not running (HTTP 503). */
        UNAVAILABLE
    }

    private final Kind kind;
    private final long retryAfterSeconds;

    private ServiceException(Kind kind, String message) {
        this(kind, message, 0);
    }

    private ServiceException(Kind kind, String message, long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ServiceException unauthenticated(String message) {
        return new ServiceException(Kind.UNAUTHENTICATED, message);
    }

    public static ServiceException forbidden(String message) {
        return new ServiceException(Kind.FORBIDDEN, message);
    }

    public static ServiceException rateLimited(String message, long retryAfterSeconds) {
        return new ServiceException(Kind.RATE_LIMITED, message, Math.max(1, retryAfterSeconds));
    }

    public static ServiceException unprocessable(String message) {
        return new ServiceException(Kind.UNPROCESSABLE, message);
    }

    public static ServiceException unavailable(String message) {
        return new ServiceException(Kind.UNAVAILABLE, message);
    }

    /** Seconds until a rate-limited caller may try again (0 for other kinds). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
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
