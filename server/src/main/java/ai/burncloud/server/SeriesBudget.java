package ai.burncloud.server;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hard cap on Prometheus series (METRICS_MAX_SERIES). Label values come from bounded sets
 * already; this is the backstop that keeps /metrics from growing with anything else (a thousand
 * channels, a storm of upstream error codes). A refused label set is counted under {@code other};
 * the first refusal is logged once.
 */
final class SeriesBudget {
    private static final Logger log = LoggerFactory.getLogger(SeriesBudget.class);

    private final long max;
    private final AtomicLong used = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();

    SeriesBudget(long max) {
        this.max = max;
    }

    /** Takes {@code series} from the budget; false (and nothing taken) when it would go over. */
    boolean take(long series) {
        long now = used.addAndGet(series);
        if (now <= max) {
            return true;
        }
        used.addAndGet(-series);
        if (warned.compareAndSet(false, true)) {
            log.warn(
                    "metrics series cap METRICS_MAX_SERIES={} reached: new label values are counted under \"other\"",
                    max);
        }
        return false;
    }

    /** Series that are always allowed (the {@code other} fallbacks): counted, never refused. */
    void force(long series) {
        used.addAndGet(series);
    }
}
