package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.router.CircuitBreakers.Permit;
import ai.burncloud.router.CircuitBreakers.Verdict;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The breakers on a hand-driven clock: what opens them, what each probe outcome does, what they scope. */
class CircuitBreakersTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final CircuitBreakers breakers =
            new CircuitBreakers(3, Duration.ofSeconds(30), Duration.ofSeconds(10), now::get);

    private void fail(long channel, String model, Verdict verdict, int times) {
        for (int i = 0; i < times; i++) {
            breakers.tryAcquire(channel, model).record(verdict, "test");
        }
    }

    @Test
    void threeConnectionFailuresCloseTheWholeChannelForTheCooldown() {
        fail(1, "gpt-4o", Verdict.CONNECTION_FAILURE, 3);
        assertThat(breakers.tryAcquire(1, "gpt-4o")).isNull();
        assertThat(breakers.tryAcquire(1, "gpt-4o-mini"))
                .as("the host is down for every model")
                .isNull();
        assertThat(breakers.tryAcquire(2, "gpt-4o")).as("another channel").isNotNull();
        now.addAndGet(29 * SECOND);
        assertThat(breakers.isOpen(1, "gpt-4o")).isTrue();
        now.addAndGet(SECOND);
        assertThat(breakers.isOpen(1, "gpt-4o")).isFalse();
    }

    @Test
    void manyFailuresThatAreNotConsecutiveOpenNothing() {
        for (int i = 0; i < 10; i++) {
            fail(1, "m", Verdict.CONNECTION_FAILURE, 2);
            breakers.tryAcquire(1, "m").record(Verdict.UP, "answered");
        }
        assertThat(breakers.tryAcquire(1, "m")).isNotNull();
    }

    @Test
    void throttlingOneModelLeavesTheOtherModelsOfTheChannelServed() {
        fail(1, "gpt-4o", Verdict.BACKOFF, 3);
        assertThat(breakers.tryAcquire(1, "gpt-4o")).isNull();
        assertThat(breakers.tryAcquire(1, "gpt-4o-mini")).isNotNull();
        fail(1, "gpt-4o-mini", Verdict.MODEL_FAILURE, 2);
        assertThat(breakers.tryAcquire(1, "gpt-4o-mini")).as("2 of 3 failures").isNotNull();
    }

    @Test
    void afterTheCooldownOneProbeAtATimeAndASuccessClosesTheBreaker() {
        fail(1, "m", Verdict.CONNECTION_FAILURE, 3);
        now.addAndGet(30 * SECOND);
        Permit probe = breakers.tryAcquire(1, "m");
        assertThat(probe).isNotNull();
        assertThat(probe.probe()).isTrue();
        assertThat(breakers.tryAcquire(1, "m"))
                .as("a second request while the probe is out")
                .isNull();
        probe.record(Verdict.UP, "answered");
        assertThat(breakers.tryAcquire(1, "m")).isNotNull();
        assertThat(breakers.tryAcquire(1, "m").probe()).isFalse();
    }

    @Test
    void anyUpstreamAnswerEndsTheProbeEvenAClientError() {
        fail(1, "m", Verdict.MODEL_FAILURE, 3);
        now.addAndGet(30 * SECOND);
        breakers.tryAcquire(1, "m").record(Verdict.UP, "HTTP 400"); // a 400 is an answer: the upstream is up
        assertThat(breakers.tryAcquire(1, "m")).isNotNull();
    }

    @Test
    void aFailedProbeOpensTheBreakerForAnotherCooldown() {
        fail(1, "m", Verdict.CONNECTION_FAILURE, 3);
        now.addAndGet(30 * SECOND);
        breakers.tryAcquire(1, "m").record(Verdict.CONNECTION_FAILURE, "refused");
        assertThat(breakers.tryAcquire(1, "m")).isNull();
        now.addAndGet(30 * SECOND);
        assertThat(breakers.tryAcquire(1, "m")).isNotNull();
    }

    @Test
    void aProbeReleasedWithoutAVerdictLetsTheNextRequestProbe() {
        fail(1, "m", Verdict.CONNECTION_FAILURE, 3);
        now.addAndGet(30 * SECOND);
        breakers.tryAcquire(1, "m").release(); // the client left, or the gateway answered itself
        Permit next = breakers.tryAcquire(1, "m");
        assertThat(next).isNotNull();
        assertThat(next.probe()).isTrue();
    }

    @Test
    void aProbeNeverResolvedGivesUpItsSlotAfterTheProbeTimeout() {
        fail(1, "m", Verdict.MODEL_FAILURE, 3);
        now.addAndGet(30 * SECOND);
        Permit lost = breakers.tryAcquire(1, "m");
        assertThat(lost).isNotNull();
        now.addAndGet(9 * SECOND);
        assertThat(breakers.tryAcquire(1, "m")).isNull();
        now.addAndGet(SECOND);
        Permit next = breakers.tryAcquire(1, "m");
        assertThat(next).as("the slot of a probe that never came back").isNotNull();
        next.record(Verdict.UP, "answered");
        lost.record(Verdict.MODEL_FAILURE, "very late"); // its late verdict is counted, but does not reopen alone
        assertThat(breakers.tryAcquire(1, "m")).isNotNull();
    }

    @Test
    void aModelFailureProvesTheHostIsUpAndClosesTheChannelBreaker() {
        fail(1, "m", Verdict.CONNECTION_FAILURE, 3);
        now.addAndGet(30 * SECOND);
        breakers.tryAcquire(1, "m").record(Verdict.BACKOFF, "HTTP 429");
        assertThat(breakers.tryAcquire(1, "other"))
                .as("the channel answered: it is up")
                .isNotNull();
    }

    @Test
    void aPermitEndsOnceWhateverIsCalledAfter() {
        fail(1, "m", Verdict.CONNECTION_FAILURE, 3);
        now.addAndGet(30 * SECOND);
        Permit probe = breakers.tryAcquire(1, "m");
        probe.record(Verdict.UP, "answered");
        probe.record(Verdict.CONNECTION_FAILURE, "again");
        probe.release();
        assertThat(breakers.tryAcquire(1, "m")).isNotNull();
    }
}
