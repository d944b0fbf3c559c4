package ai.burncloud.router;

import ai.burncloud.database.ChannelStatus;
import ai.burncloud.database.Repositories;
import ai.burncloud.service.AbandonedRequests;
import ai.burncloud.service.QuotaLedger;
import ai.burncloud.service.UsageRecorder;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that talks to the database for the data plane: it writes settled requests in
 * batches (with the in-flight journal), polls the configuration version and swaps in a new snapshot
 * when it moved, records channel auto-disables, and settles requests a stopped router left in the
 * journal. Doing these on one thread is what keeps the quota ledger's mirror exact: a reload can
 * never interleave with a flush.
 */
public final class StateSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StateSync.class);

    private final Repositories repos;
    private final SnapshotLoader loader;
    private final QuotaLedger ledger;
    private final UsageRecorder recorder;
    private final AbandonedRequests abandoned;
    private final AtomicReference<RoutingSnapshot> current;
    private final ScheduledExecutorService thread;
    private long loadedVersion = Long.MIN_VALUE;

    public StateSync(
            Repositories repos,
            ai.burncloud.common.BurnCloudConfig config,
            QuotaLedger ledger,
            UsageRecorder recorder,
            AbandonedRequests abandoned,
            AtomicReference<RoutingSnapshot> current) {
        this.repos = repos;
        this.loader = new SnapshotLoader(repos, config);
        this.ledger = ledger;
        this.recorder = recorder;
        this.abandoned = abandoned;
        this.current = current;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "burncloud-state");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Settles what a previous run left in flight, loads the first snapshot (blocking: the ledger then
     * starts from balances that include those charges) and starts the periodic work.
     */
    public void start(Duration refresh, Duration flush) {
        submitAndWait(() -> {
            try {
                abandoned.settleAtStart(System.currentTimeMillis());
            } catch (RuntimeException e) {
                log.error("settling interrupted requests failed, will retry: {}", e.getMessage());
            }
            reloadIfChanged();
        });
        thread.scheduleWithFixedDelay(this::safeReload, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::safeFlush, flush.toMillis(), flush.toMillis(), TimeUnit.MILLISECONDS);
        long sweep = Math.max(1, abandoned.staleAfter().toMillis() / 2);
        thread.scheduleWithFixedDelay(this::safeSweep, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the state thread every {@code period}, once at once (blocking until done). */
    void every(Duration period, Runnable task, String what) {
        Runnable safe = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("{} failed: {}", what, e.getMessage());
            }
        };
        submitAndWait(safe);
        thread.scheduleWithFixedDelay(safe, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * State thread only: reads the balances and quotas again even if the configuration did not
     * change (other routers spent while this one admitted through them).
     */
    void reloadNow() {
        loadedVersion = Long.MIN_VALUE;
        reloadIfChanged();
    }

    /** Marks a channel auto-disabled (asynchronously, on the state thread). */
    public void disableChannel(long channelId, String reason) {
        thread.execute(() -> {
            try {
                repos.channels().findById(channelId).ifPresent(c -> {
                    if (c.status() == ChannelStatus.ENABLED) {
                        repos.channels().setStatus(channelId, ChannelStatus.AUTO_DISABLED, truncate(reason));
                        log.warn("channel {} ({}) auto-disabled: {}", channelId, c.name(), reason);
                    }
                });
                reloadIfChanged();
            } catch (RuntimeException e) {
                log.error("could not auto-disable channel {}: {}", channelId, e.getMessage());
            }
        });
    }

    /** Flushes pending usage now and waits (tests, shutdown). */
    public void flushNow() {
        submitAndWait(this::safeFlush);
    }

    /** Reloads now if the configuration changed, and waits (tests). */
    public void refreshNow() {
        submitAndWait(this::safeReload);
    }

    private void submitAndWait(Runnable r) {
        try {
            thread.submit(r).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("state sync failed: " + e.getMessage(), e);
        }
    }

    private void safeReload() {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            log.error("configuration reload failed: {}", e.getMessage());
        }
    }

    private void safeFlush() {
        try {
            recorder.flush();
        } catch (RuntimeException e) {
            log.error("usage flush failed: {}", e.getMessage());
        }
    }

    private void safeSweep() {
        try {
            if (!abandoned.settleStale(System.currentTimeMillis()).isEmpty()) {
                // balances moved under the ledger's mirror: read them again
                loadedVersion = Long.MIN_VALUE;
                reloadIfChanged();
            }
        } catch (RuntimeException e) {
            log.error("settling interrupted requests failed: {}", e.getMessage());
        }
    }

    private void reloadIfChanged() {
        long version = repos.configVersion().current();
        if (version == loadedVersion) {
            return;
        }
        // pending settlements first: the reload then reads a database that already contains them
        recorder.flush();
        RoutingSnapshot snapshot = loader.load(ledger);
        current.set(snapshot);
        loadedVersion = snapshot.version();
        log.debug("routing snapshot {} loaded", loadedVersion);
    }

    private static String truncate(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            recorder.flush();
        } catch (RuntimeException e) {
            log.error("final usage flush failed: {}", e.getMessage());
        }
    }
}
