package ai.burncloud.router;

/** The upstream sent nothing for longer than UPSTREAM_READ_TIMEOUT_MS. */
final class UpstreamTimeoutException extends RuntimeException {
    UpstreamTimeoutException() {
        super("upstream read timeout", null, false, false);
    }
}
