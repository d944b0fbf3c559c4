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

    /**
     * One token's bucket, kept as time credit so no product can overflow, whatever the rpm (up to
     * Integer.MAX_VALUE, the column's maximum): the bucket holds at most one minute of credit, in
     * picoseconds (6·10¹³, far below Long.MAX_VALUE), credit grows with elapsed time, and a request
     * costs one minute / rpm of it. Picoseconds keep the cost exact to 1 in 27,000 at the largest rpm.
     */
    private static final class Bucket {
        private static final long PICOS_PER_NANO = 1_000;
        private static final long MINUTE_PICOS = MINUTE_NANOS * PICOS_PER_NANO;

        private long credit;
        private long last;

        Bucket(int rpm, long now) {
            this.credit = MINUTE_PICOS; // a full bucket: a burst of rpm requests
            this.last = now;
        }

        synchronized long take(int rpm, long now) {
            long cost = MINUTE_PICOS / rpm;
            long elapsed = Math.min(MINUTE_NANOS, Math.max(0, now - last));
            last = now;
            credit = Math.min(MINUTE_PICOS, credit + elapsed * PICOS_PER_NANO);
            if (credit >= cost) {
                credit -= cost;
                return 0;
            }
            long waitNanos = (cost - credit + PICOS_PER_NANO - 1) / PICOS_PER_NANO;
            return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        }
    }
}
