package ai.burncloud.client;

/**
 * The API refused a request: its status and the message from its {@code {"error":{...}}} body, or
 * the server could not be reached at all ({@link #unreachable()}).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiException unreachable(String server, Throwable cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        ApiException e = new ApiException(0, "unreachable", "cannot reach " + server + " (" + why + ")");
        e.initCause(cause);
        return e;
    }

    /** 0 when no answer came. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean unreachable() {
        return status == 0;
    }

    /** The words to show a user for any failure of an API call. */
    public static String describe(Throwable t) {
        Throwable e = t;
        while ((e instanceof java.util.concurrent.CompletionException
                        || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof ApiException api) {
            return api.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
