package ai.burncloud.router;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests-per-minute limits per token, as token buckets: a token with limit N may burst N requests
 * and regains one every 60/N seconds. In-process only (one router); documented in docs/ROUTING.md.
 */
public final class RateLimiter {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final LongSupplier clock;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /**
     * Takes one request from the token's bucket.
     *
     * @return 0 when allowed, otherwise the whole seconds to wait before retrying (at least 1)
     */
    public long tryAcquire(long tokenId, int rpm) {
        if (rpm <= 0) {
            return 0;
        }
        Bucket b = buckets.computeIfAbsent(tokenId, id -> new Bucket(rpm, clock.getAsLong()));
        return b.take(rpm, clock.getAsLong());
    }

    private static final class Bucket {
        /** Available requests, scaled by MINUTE_NANOS so refill stays in integer arithmetic. */
        private long scaled;

        private long last;

        Bucket(int rpm, long now) {
            this.scaled = rpm * MINUTE_NANOS;
            this.last = now;
        }

        synchronized long take(int rpm, long now) {
            long capacity = rpm * MINUTE_NANOS;
            long elapsed = Math.max(0, now - last);
            last = now;
            // refill: rpm requests per minute = rpm scaled-units per nanosecond
            scaled = Math.min(capacity, scaled + Math.min(capacity, elapsed) * rpm);
            if (scaled >= MINUTE_NANOS) {
                scaled -= MINUTE_NANOS;
                return 0;
            }
            long missing = MINUTE_NANOS - scaled;
            long waitNanos = (missing + rpm - 1) / rpm;
            return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        }
    }
}
