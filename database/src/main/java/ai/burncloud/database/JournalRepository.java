package ai.burncloud.database;

import java.util.List;
import java.util.function.Function;

/** Requests routers journaled as in flight and never settled: finding them and settling them once. */
public interface JournalRepository {
    /** Journaled requests of routers other than {@code instanceId}, last journaled before {@code beforeMs}. */
    List<JournalEntry> abandoned(String instanceId, long beforeMs);

    /**
     * Settles journaled requests in one transaction: each entry still in the journal is removed and
     * its log row ({@code asLog}) written with its charge; an entry already gone (another router
     * settled it first) is skipped, so a request is never settled twice.
     *
     * @return the rows written
     */
    List<RequestLog> settleAbandoned(List<JournalEntry> entries, Function<JournalEntry, RequestLog> asLog);
}
