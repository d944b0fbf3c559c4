package ai.burncloud.router;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One circuit breaker per channel: after {@code threshold} consecutive failures it opens for the
 * cooldown; then it lets exactly one request through (half-open) and closes on its success or opens
 * again on its failure. State outlives snapshots, keyed by channel id.
 */
public final class CircuitBreakers {
    private final int threshold;
    private final long cooldownNanos;
    private final LongSupplier clock;
    private final Map<Long, Breaker> breakers = new ConcurrentHashMap<>();

    public CircuitBreakers(int threshold, Duration cooldown, LongSupplier nanoClock) {
        this.threshold = threshold;
        this.cooldownNanos = cooldown.toNanos();
        this.clock = nanoClock;
    }

    /** Whether a request may be sent to the channel now (claims the half-open probe if due). */
    public boolean tryAcquire(long channelId) {
        Breaker b = breakers.get(channelId);
        return b == null || b.tryAcquire(clock.getAsLong(), cooldownNanos);
    }

    /** Whether the channel's circuit is open right now (without claiming anything). */
    public boolean isOpen(long channelId) {
        Breaker b = breakers.get(channelId);
        return b != null && b.isOpen(clock.getAsLong(), cooldownNanos);
    }

    public void onSuccess(long channelId) {
        Breaker b = breakers.get(channelId);
        if (b != null) {
            b.onSuccess();
        }
    }

    public void onFailure(long channelId) {
        breakers.computeIfAbsent(channelId, id -> new Breaker()).onFailure(clock.getAsLong(), threshold);
    }

    private static final class Breaker {
        private int consecutiveFailures;
        private long openedAt;
        private boolean open;
        private boolean probing;

        synchronized boolean tryAcquire(long now, long cooldown) {
            if (!open) {
                return true;
            }
            if (!probing && now - openedAt >= cooldown) {
                probing = true;
                return true;
            }
            return false;
        }

        synchronized boolean isOpen(long now, long cooldown) {
            return open && (probing || now - openedAt < cooldown);
        }

        synchronized void onSuccess() {
            consecutiveFailures = 0;
            open = false;
            probing = false;
        }

        synchronized void onFailure(long now, int threshold) {
            consecutiveFailures++;
            if (probing || consecutiveFailures >= threshold) {
                open = true;
                openedAt = now;
                probing = false;
            }
        }
    }
}
