package ai.burncloud.service;

import ai.burncloud.database.JournalEntry;
import ai.burncloud.database.JournalUpdate;
import ai.burncloud.database.RequestLog;
import ai.burncloud.database.UsageBatch;
import ai.burncloud.database.UsageRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects settled requests off the hot path and writes them in batches, each batch one transaction
 * (log rows together with the quota, balance and channel totals they move). Settlement enqueues
 * without blocking; {@link #flush()} runs on the single state-sync thread. If the database refuses a
 * batch it stays queued and is retried on the next flush, so nothing is lost while the process lives.
 *
 * <p>With an {@link InFlightSource}, the last batch of every flush also replaces this router's
 * in-flight journal, read after the queue was drained: a request settles by leaving the in-flight
 * set before its row is queued, so no request is both logged and journaled by one flush, and one
 * still in flight at the flush is journaled.
 */
public final class UsageRecorder {
    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);
    private static final int MAX_BATCH = 2000;

    private final UsageRepository repository;
    private final QuotaLedger ledger;
    private final String instanceId;
    private final InFlightSource inFlight;
    private final ConcurrentLinkedQueue<RequestLog> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private List<RequestLog> retry = List.of();
    /** Whether the journal may hold rows of ours (unknown at start: assume so). */
    private boolean journaled = true;

    public UsageRecorder(UsageRepository repository, QuotaLedger ledger) {
        this(repository, ledger, null, null);
    }

    /** A recorder that also keeps {@code instanceId}'s in-flight journal up to date. */
    public UsageRecorder(UsageRepository repository, QuotaLedger ledger, String instanceId, InFlightSource inFlight) {
        this.repository = repository;
        this.ledger = ledger;
        this.instanceId = instanceId;
        this.inFlight = inFlight;
    }

    /** Queues a finished request's log row; its cost is charged when the row is written. */
    public void record(RequestLog row) {
        queue.add(row);
        queued.incrementAndGet();
    }

    public int pending() {
        return queued.get() + retry.size();
    }

    /**
     * Writes everything queued so far, and the in-flight journal. State-sync thread only.
     *
     * @return the number of rows written
     */
    public int flush() {
        int written = 0;
        while (true) {
            List<RequestLog> rows = new ArrayList<>(retry);
            retry = List.of();
            RequestLog next;
            while (rows.size() < MAX_BATCH && (next = queue.poll()) != null) {
                queued.decrementAndGet();
                rows.add(next);
            }
            // the batch is not full only when the queue ran dry: the journal goes with the last batch
            boolean drained = rows.size() < MAX_BATCH;
            JournalUpdate journal = drained ? journal() : null;
            if (rows.isEmpty() && journal == null) {
                return written;
            }
            UsageBatch batch = UsageBatch.of(rows, journal);
            try {
                repository.record(batch);
            } catch (RuntimeException e) {
                log.error("writing {} request log rows failed, will retry: {}", rows.size(), e.getMessage());
                retry = rows;
                return written;
            }
            if (journal != null) {
                journaled = !journal.inFlight().isEmpty();
            }
            ledger.flushed(batch.tokenUsed(), batch.userCharged());
            written += rows.size();
            if (drained) {
                return written;
            }
        }
    }

    /** The journal to write now, or null when it would not change (nothing in flight, nothing journaled). */
    private JournalUpdate journal() {
        if (inFlight == null) {
            return null;
        }
        List<JournalEntry> now = inFlight.inFlight(System.currentTimeMillis());
        if (now.isEmpty() && !journaled) {
            return null;
        }
        return new JournalUpdate(instanceId, now);
    }
}
