package ai.burncloud.service;

import ai.burncloud.database.RequestLog;
import ai.burncloud.database.UsageBatch;
import ai.burncloud.database.UsageRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects settled requests off the hot path and writes them in batches, each batch one transaction
 * (log rows together with the quota, balance and channel totals they move). Settlement enqueues
 * without blocking; {@link #flush()} runs on the single state-sync thread. If the database refuses a
 * batch it stays queued and is retried on the next flush, so nothing is lost while the process lives.
 */
public final class UsageRecorder {
    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);
    private static final int MAX_BATCH = 2000;

    private final UsageRepository repository;
    private final QuotaLedger ledger;
    private final ConcurrentLinkedQueue<RequestLog> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private List<RequestLog> retry = List.of();

    public UsageRecorder(UsageRepository repository, QuotaLedger ledger) {
        this.repository = repository;
        this.ledger = ledger;
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
     * Writes everything queued so far. State-sync thread only.
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
            if (rows.isEmpty()) {
                return written;
            }
            Map<Long, Long> tokenCost = new HashMap<>();
            Map<Long, Long> userCost = new HashMap<>();
            Map<Long, Long> userRequests = new HashMap<>();
            Map<Long, Long> channelCost = new HashMap<>();
            for (RequestLog r : rows) {
                if (r.tokenId() != null) {
                    tokenCost.merge(r.tokenId(), r.cost(), Long::sum);
                }
                if (r.userId() != null) {
                    userCost.merge(r.userId(), r.cost(), Long::sum);
                    userRequests.merge(r.userId(), 1L, Long::sum);
                }
                if (r.channelId() != null) {
                    channelCost.merge(r.channelId(), r.cost(), Long::sum);
                }
            }
            try {
                repository.record(new UsageBatch(rows, tokenCost, userCost, userRequests, channelCost));
            } catch (RuntimeException e) {
                log.error("writing {} request log rows failed, will retry: {}", rows.size(), e.getMessage());
                retry = rows;
                return written;
            }
            ledger.flushed(tokenCost, userCost);
            written += rows.size();
        }
    }
}
