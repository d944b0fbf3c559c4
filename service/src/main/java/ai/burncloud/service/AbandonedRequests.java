package ai.burncloud.service;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Settlement;
import ai.burncloud.database.JournalEntry;
import ai.burncloud.database.JournalRepository;
import ai.burncloud.database.RequestLog;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles requests a router journaled as in flight and never settled, because it died (kill -9, a
 * crash, power loss) or stopped past its shutdown grace: each becomes a log row with settlement
 * {@code interrupted}, billed by the usage of its last journal point, in one transaction with its
 * charge. A running router refreshes its own journal rows at every flush, so rows older than
 * {@code staleAfter} belong to a router that stopped; another router (or the same one restarted)
 * settles them. A SQLite database has one router, so at start everything journaled is from a
 * previous run and is settled at once.
 */
public final class AbandonedRequests {
    private static final Logger log = LoggerFactory.getLogger(AbandonedRequests.class);

    private final JournalRepository journal;
    private final String instanceId;
    private final Duration staleAfter;
    private final boolean soleRouter;

    /**
     * @param instanceId this router's journal identity (its rows are never settled here)
     * @param soleRouter whether no other router can share the database (SQLite)
     */
    public AbandonedRequests(JournalRepository journal, String instanceId, Duration staleAfter, boolean soleRouter) {
        this.journal = journal;
        this.instanceId = instanceId;
        this.staleAfter = staleAfter;
        this.soleRouter = soleRouter;
    }

    /** How long a router's journal may go unrefreshed before its requests count as interrupted. */
    public Duration staleAfter() {
        return staleAfter;
    }

    /** At start, before this router journals anything. */
    public List<RequestLog> settleAtStart(long nowMs) {
        return settle(soleRouter ? Long.MAX_VALUE : nowMs - staleAfter.toMillis());
    }

    /** Periodically: the requests of routers that stopped refreshing their journal. */
    public List<RequestLog> settleStale(long nowMs) {
        return settle(nowMs - staleAfter.toMillis());
    }

    private List<RequestLog> settle(long journaledBeforeMs) {
        List<JournalEntry> entries = journal.abandoned(instanceId, journaledBeforeMs);
        if (entries.isEmpty()) {
            return List.of();
        }
        List<RequestLog> rows = journal.settleAbandoned(entries, AbandonedRequests::asLog);
        if (!rows.isEmpty()) {
            long cost = rows.stream().mapToLong(RequestLog::cost).sum();
            log.warn(
                    "settled {} requests interrupted when a router stopped, as '{}' ({} nano-dollars billed)",
                    rows.size(),
                    Settlement.INTERRUPTED.id(),
                    cost);
        }
        return rows;
    }

    /** The log row of an interrupted request: its journaled usage and cost, marked estimated. */
    static RequestLog asLog(JournalEntry e) {
        return new RequestLog(
                0,
                e.requestId(),
                e.createdAtMs(),
                e.userId(),
                e.tokenId(),
                null,
                e.endpoint(),
                e.model(),
                null,
                e.promptTokens(),
                e.completionTokens(),
                0,
                0,
                0,
                e.cost(),
                Math.max(0, e.journaledAtMs() - e.createdAtMs()),
                null,
                GatewayError.SERVER_ERROR.status(),
                e.stream(),
                Settlement.INTERRUPTED.id(),
                null,
                true,
                e.priceMissing(),
                Settlement.INTERRUPTED.id(),
                e.clientIp());
    }
}
