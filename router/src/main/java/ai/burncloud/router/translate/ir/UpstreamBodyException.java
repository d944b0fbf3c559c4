package ai.burncloud.router.translate.ir;

/** An upstream's successful response carried an error, or could not be read. */
public final class UpstreamBodyException extends Exception {
    private final ErrorInfo error;

    public UpstreamBodyException(ErrorInfo error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public static UpstreamBodyException unreadable(String what) {
        return new UpstreamBodyException(ErrorInfo.upstream(502, "upstream_protocol_error", what));
    }

    public ErrorInfo error() {
        return error;
    }
}
