package ai.burncloud.router;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Circuit breakers that judge only the upstream, at two scopes (docs/ROUTING.md):
 *
 * <ul>
 *   <li>per channel, for connection-level failures (refused or reset connections, timeouts): when the
 *       host is down, every model on it is down;
 *   <li>per (channel, model), for the upstream's answers about one model: 5xx, an error inside a 2xx
 *       stream, and 429 (back-off: the provider limits models separately).
 * </ul>
 *
 * <p>Each breaker opens after {@code threshold} consecutive failures of its kind and stays open for
 * the cooldown; then one request at a time is let through as a probe (half-open). A probe ends in a
 * verdict — any upstream answer proves the upstream is up — or is released without one (the gateway
 * or the client ended the request first); a probe never resolved within {@code probeTimeout} gives its
 * slot to the next request, so a breaker can never stay open for good. Opening and closing are logged.
 * State is keyed by ids and outlives routing snapshots.
 */
public final class CircuitBreakers {
    private static final Logger log = LoggerFactory.getLogger(CircuitBreakers.class);

    /** What an attempt proved about its upstream. */
    public enum Verdict {
        /** The upstream answered (any status that is not a failure below): it is up. */
        UP,
        /** The connection failed or timed out: the whole channel counts it. */
        CONNECTION_FAILURE,
        /** 5xx or an error inside a 2xx answer: this model on this channel counts it. */
        MODEL_FAILURE,
        /** 429: this model on this channel backs off. */
        BACKOFF
    }

    private final int threshold;
    private final long cooldownNanos;
    private final long probeTimeoutNanos;
    private final LongSupplier clock;
    private final Map<Long, Breaker> channels = new ConcurrentHashMap<>();
    private final Map<ModelKey, Breaker> models = new ConcurrentHashMap<>();

    private record ModelKey(long channelId, String model) {}

    public CircuitBreakers(int threshold, Duration cooldown, Duration probeTimeout, LongSupplier nanoClock) {
        this.threshold = Math.max(1, threshold);
        this.cooldownNanos = cooldown.toNanos();
        this.probeTimeoutNanos = Math.max(1, probeTimeout.toNanos());
        this.clock = nanoClock;
    }

    /**
     * A permit to send one request for {@code model} to the channel, or null while either breaker is
     * open. The permit must be ended exactly once: {@link Permit#record} or {@link Permit#release}.
     */
    public Permit tryAcquire(long channelId, String model) {
        long now = clock.getAsLong();
        Breaker channel = channels.get(channelId);
        Breaker byModel = models.get(new ModelKey(channelId, model));
        if (isOpen(channel, now) || isOpen(byModel, now)) {
            return null;
        }
        boolean channelProbe = false;
        if (channel != null) {
            Breaker.Admit a = channel.admit(now, cooldownNanos, probeTimeoutNanos);
            if (a == Breaker.Admit.REFUSED) {
                return null;
            }
            channelProbe = a == Breaker.Admit.PROBE;
        }
        boolean modelProbe = false;
        if (byModel != null) {
            Breaker.Admit a = byModel.admit(now, cooldownNanos, probeTimeoutNanos);
            if (a == Breaker.Admit.REFUSED) {
                if (channelProbe) {
                    channel.releaseProbe();
                }
                return null;
            }
            modelProbe = a == Breaker.Admit.PROBE;
        }
        return new Permit(channelId, model, channelProbe ? channel : null, modelProbe ? byModel : null);
    }

    /** Whether a request for {@code model} would be refused right now (claims nothing). */
    public boolean isOpen(long channelId, String model) {
        long now = clock.getAsLong();
        return isOpen(channels.get(channelId), now) || isOpen(models.get(new ModelKey(channelId, model)), now);
    }

    private boolean isOpen(Breaker b, long now) {
        return b != null && b.refuses(now, cooldownNanos, probeTimeoutNanos);
    }

    /** One request's right to reach a channel; ended once with a verdict or released without one. */
    public final class Permit {
        private final long channelId;
        private final String model;
        private final Breaker channelProbe;
        private final Breaker modelProbe;
        private boolean ended;

        private Permit(long channelId, String model, Breaker channelProbe, Breaker modelProbe) {
            this.channelId = channelId;
            this.model = model;
            this.channelProbe = channelProbe;
            this.modelProbe = modelProbe;
        }

        /** Records what the attempt proved about the upstream; {@code reason} is logged if it opens. */
        public void record(Verdict verdict, String reason) {
            if (ended) {
                return;
            }
            ended = true;
            long now = clock.getAsLong();
            switch (verdict) {
                case UP -> {
                    up(channels.get(channelId), "channel " + channelId);
                    up(models.get(new ModelKey(channelId, model)), "channel " + channelId + " model " + model);
                }
                case CONNECTION_FAILURE -> {
                    releaseModelProbe();
                    Breaker b = channels.computeIfAbsent(channelId, id -> new Breaker());
                    failed(b, now, "channel " + channelId, reason);
                }
                case MODEL_FAILURE, BACKOFF -> {
                    // the host answered: the channel-wide breaker hears that it is up
                    up(channels.get(channelId), "channel " + channelId);
                    Breaker b = models.computeIfAbsent(new ModelKey(channelId, model), k -> new Breaker());
                    failed(
                            b,
                            now,
                            "channel " + channelId + " model " + model,
                            verdict == Verdict.BACKOFF ? "back-off: " + reason : reason);
                }
            }
        }

        /** Ends the permit without a verdict (the gateway or the client ended the request first). */
        public void release() {
            if (ended) {
                return;
            }
            ended = true;
            if (channelProbe != null) {
                channelProbe.releaseProbe();
            }
            releaseModelProbe();
        }

        /** Whether this permit is a half-open probe. */
        public boolean probe() {
            return channelProbe != null || modelProbe != null;
        }

        private void releaseModelProbe() {
            if (modelProbe != null) {
                modelProbe.releaseProbe();
            }
        }

        private void up(Breaker b, String what) {
            if (b != null && b.onSuccess()) {
                log.info("circuit closed for {}: the upstream answered again", what);
            }
        }

        private void failed(Breaker b, long now, String what, String reason) {
            if (b.onFailure(now, threshold)) {
                log.warn(
                        "circuit open for {} for {} s: {} consecutive failures, last: {}",
                        what,
                        cooldownNanos / 1_000_000_000L,
                        b.failures(),
                        reason);
            }
        }
    }

    /** One breaker; synchronized because requests on every event loop share it. */
    private static final class Breaker {
        enum Admit {
            CLOSED,
            PROBE,
            REFUSED
        }

        private int consecutiveFailures;
        private long openedAt;
        private boolean open;
        private boolean probing;
        private long probeStartedAt;

        synchronized Admit admit(long now, long cooldown, long probeTimeout) {
            if (!open) {
                return Admit.CLOSED;
            }
            if (now - openedAt < cooldown) {
                return Admit.REFUSED;
            }
            if (probing && now - probeStartedAt < probeTimeout) {
                return Admit.REFUSED;
            }
            // the cooldown is over and no probe is out (or the last one never came back): probe now
            probing = true;
            probeStartedAt = now;
            return Admit.PROBE;
        }

        synchronized boolean refuses(long now, long cooldown, long probeTimeout) {
            return open && (now - openedAt < cooldown || probing && now - probeStartedAt < probeTimeout);
        }

        synchronized void releaseProbe() {
            probing = false;
        }

        /** Returns true when this closed an open breaker. */
        synchronized boolean onSuccess() {
            boolean wasOpen = open;
            consecutiveFailures = 0;
            open = false;
            probing = false;
            return wasOpen;
        }

        /** Returns true when this opened the breaker (again). */
        synchronized boolean onFailure(long now, int threshold) {
            consecutiveFailures++;
            if (probing || (!open && consecutiveFailures >= threshold)) {
                open = true;
                openedAt = now;
                probing = false;
                return true;
            }
            return false;
        }

        synchronized int failures() {
            return consecutiveFailures;
        }
    }
}
