package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Token buckets on a hand-driven clock, from 1 rpm up to the column's maximum. */
class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);
    private final RateLimiter limiter = new RateLimiter(now::get);

    @Test
    void aBurstOfNThenOneEverySixtyOverNSeconds() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(1, 3)).isZero();
        }
        assertThat(limiter.tryAcquire(1, 3)).as("seconds to wait").isEqualTo(20);
        now.addAndGet(19 * SECOND);
        assertThat(limiter.tryAcquire(1, 3)).isEqualTo(1);
        now.addAndGet(SECOND);
        assertThat(limiter.tryAcquire(1, 3)).isZero();
        assertThat(limiter.tryAcquire(2, 3))
                .as("another key has its own bucket")
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {200_000_000, 1_000_000_000, Integer.MAX_VALUE})
    void hugeLimitsNeverOverflowIntoRefusingEverything(int rpm) {
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire(7, rpm)).isZero();
        }
        now.addAndGet(3600 * SECOND);
        assertThat(limiter.tryAcquire(7, rpm)).isZero();
    }

    @Test
    void aLargeLimitStillLimitsExactly() {
        int rpm = 1_000_000;
        long allowed = 0;
        for (int i = 0; i < rpm + 10; i++) {
            if (limiter.tryAcquire(9, rpm) == 0) {
                allowed++;
            } else {
                break;
            }
        }
        assertThat(allowed).isEqualTo(rpm);
    }
}
