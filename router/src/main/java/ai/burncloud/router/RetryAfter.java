package ai.burncloud.router;

/** Retry-After values for the shared rate limits. */
final class RetryAfter {
    private RetryAfter() {}

    /** One request's share of the minute, rounded up: when the bucket has room for one more. */
    static long rpm(int rpm) {
        return Math.max(1, (60L + rpm - 1) / Math.max(1, rpm));
    }

    /** The seconds left in the current clock minute (tokens-per-minute windows are clock minutes). */
    static long nextMinute(long nowMs) {
        return Math.max(1, (60_000 - nowMs % 60_000 + 999) / 1000);
    }
}
