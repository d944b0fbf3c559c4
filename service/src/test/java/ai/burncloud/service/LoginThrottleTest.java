package ai.burncloud.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicLong nanos = new AtomicLong();
    private final LoginThrottle throttle = new LoginThrottle(5, 2, Duration.ofMinutes(1), nanos::get);

    @Test
    void failuresPerUserLockTheUserUntilTheWindowEnds() {
        throttle.attempt("1.1.1.1", "Alice");
        throttle.failed("Alice");
        throttle.attempt("1.1.1.2", "alice");
        throttle.failed("alice");
        assertThatThrownBy(() -> throttle.attempt("1.1.1.3", "ALICE"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(ServiceException.Kind.RATE_LIMITED);
                    org.assertj.core.api.Assertions.assertThat(e.retryAfterSeconds())
                            .isBetween(1L, 61L);
                });
        assertThatCode(() -> throttle.attempt("1.1.1.3", "bob")).doesNotThrowAnyException();
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThatCode(() -> throttle.attempt("1.1.1.3", "alice")).doesNotThrowAnyException();
    }

    @Test
    void everyAttemptCountsAgainstTheAddressAndSuccessClearsTheUser() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt("9.9.9.9", "u" + i);
        }
        assertThatThrownBy(() -> throttle.attempt("9.9.9.9", "other")).isInstanceOf(ServiceException.class);
        throttle.attempt("8.8.8.8", "carol");
        throttle.failed("carol");
        throttle.succeeded("carol");
        throttle.attempt("8.8.8.8", "carol");
        throttle.failed("carol");
        assertThatCode(() -> throttle.attempt("8.8.8.8", "carol")).doesNotThrowAnyException();
    }
}
