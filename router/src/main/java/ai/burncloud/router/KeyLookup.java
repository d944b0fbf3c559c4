package ai.burncloud.router;

import ai.burncloud.common.ApiKeys;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a key the routing snapshot does not know yet — one the CLI created a moment ago in another
 * process — without letting a flood of made-up keys reach the database. A well-formed key the
 * snapshot misses is looked up off the event loop, and when the database has it the snapshot is
 * reloaded before the request goes on, so the key is then judged like any other (status, expiry,
 * quota, IP ranges).
 *
 * <p>What bounds the database work:
 *
 * <ul>
 *   <li>at most {@code threads} lookups run at once and {@code queue} wait; beyond that a miss is
 *       refused at once;
 *   <li>lookups that find nothing spend a budget of {@code burst} that refills at {@code perSecond};
 *       while it is empty a miss is refused without a look (a lookup that finds its key gives its
 *       unit back: real keys are bounded by how fast anyone can create them);
 *   <li>a key found absent is remembered as absent for {@code absentFor};
 *   <li>concurrent misses of one key share one lookup.
 * </ul>
 */
final class KeyLookup implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KeyLookup.class);
    private static final int MAX_REMEMBERED_ABSENT = 10_000;

    private final Predicate<String> inDatabase;
    private final Predicate<String> inSnapshot;
    private final Runnable reloadSnapshot;
    private final LongSupplier nanoClock;
    private final long absentForNanos;
    private final long intervalNanos;
    private final long burstNanos;
    private final ThreadPoolExecutor pool;
    private final Map<String, Long> absentUntil = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private final AtomicLong lookups = new AtomicLong();
    /** The budget as a theoretical arrival time (GCRA): a miss may look while it is within the burst. */
    private long budgetTat;

    /**
     * @param inDatabase whether the database has a token with this key hash (blocking)
     * @param inSnapshot whether the current snapshot has a token with this key hash
     * @param reloadSnapshot brings the snapshot up to the database (blocking)
     */
    KeyLookup(
            Predicate<String> inDatabase,
            Predicate<String> inSnapshot,
            Runnable reloadSnapshot,
            LongSupplier nanoClock,
            Limits limits) {
        this.inDatabase = inDatabase;
        this.inSnapshot = inSnapshot;
        this.reloadSnapshot = reloadSnapshot;
        this.nanoClock = nanoClock;
        this.absentForNanos = limits.absentFor().toNanos();
        this.intervalNanos = 1_000_000_000L / Math.max(1, limits.perSecond());
        this.burstNanos = intervalNanos * Math.max(1, limits.burst());
        this.budgetTat = nanoClock.getAsLong();
        this.pool = new ThreadPoolExecutor(
                limits.threads(),
                limits.threads(),
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queue()),
                r -> {
                    Thread t = new Thread(r, "burncloud-key-lookup");
                    t.setDaemon(true);
                    return t;
                });
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** How much database work unknown keys may cause. */
    record Limits(int threads, int queue, int burst, int perSecond, Duration absentFor) {
        static final Limits STANDARD = new Limits(2, 64, 32, 32, Duration.ofSeconds(10));
    }

    /**
     * Looks {@code key} up if it is worth it; the future completes (on a lookup thread) once the
     * snapshot reflects what the database knows of it. Null when no look is made (malformed, known
     * absent, or over budget): the key is unknown.
     */
    CompletableFuture<Void> find(String key) {
        if (!ApiKeys.isWellFormed(key)) {
            return null;
        }
        String hash = ApiKeys.hash(key);
        Long until = absentUntil.get(hash);
        if (until != null && until - nanoClock.getAsLong() > 0) {
            return null;
        }
        CompletableFuture<Void> shared = running.get(hash);
        if (shared != null) {
            return shared;
        }
        if (!spendBudget()) {
            return null;
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        shared = running.putIfAbsent(hash, mine);
        if (shared != null) {
            refundBudget();
            return shared;
        }
        try {
            pool.execute(() -> lookUp(hash, mine));
        } catch (RejectedExecutionException e) {
            running.remove(hash, mine);
            refundBudget();
            return null;
        }
        return mine;
    }

    private void lookUp(String hash, CompletableFuture<Void> done) {
        try {
            lookups.incrementAndGet();
            if (inDatabase.test(hash)) {
                refundBudget();
                reloadSnapshot.run();
                if (!inSnapshot.test(hash)) {
                    // in the database yet not servable (e.g. its owner is gone): do not look again soon
                    rememberAbsent(hash);
                }
            } else {
                rememberAbsent(hash);
            }
        } catch (RuntimeException e) {
            log.warn("looking up an unknown key failed: {}", e.getMessage());
        } finally {
            running.remove(hash, done);
            done.complete(null);
        }
    }

    private void rememberAbsent(String hash) {
        long now = nanoClock.getAsLong();
        if (absentUntil.size() >= MAX_REMEMBERED_ABSENT) {
            absentUntil.values().removeIf(until -> until - now <= 0);
            if (absentUntil.size() >= MAX_REMEMBERED_ABSENT) {
                absentUntil.clear();
            }
        }
        absentUntil.put(hash, now + absentForNanos);
    }

    private synchronized boolean spendBudget() {
        long now = nanoClock.getAsLong();
        long tat = Math.max(budgetTat, now);
        if (tat + intervalNanos - now > burstNanos) {
            return false;
        }
        budgetTat = tat + intervalNanos;
        return true;
    }

    private synchronized void refundBudget() {
        budgetTat -= intervalNanos;
    }

    /** Database lookups made so far. */
    long lookups() {
        return lookups.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
