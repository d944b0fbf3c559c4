package ai.burncloud.database;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settled requests to record in one transaction: their log rows and the sums they move, so a log row
 * never exists without its charge and a charge never without its row. Deltas are nano-dollars. When
 * {@code journal} is not null, the writing router's in-flight journal is replaced in the same
 * transaction, so a request is always either logged or journaled.
 */
public record UsageBatch(
        List<RequestLog> logs,
        Map<Long, Long> tokenUsed,
        Map<Long, Long> userCharged,
        Map<Long, Long> userRequests,
        Map<Long, Long> channelUsed,
        JournalUpdate journal) {

    /** A batch that leaves the journal as it is. */
    public UsageBatch(
            List<RequestLog> logs,
            Map<Long, Long> tokenUsed,
            Map<Long, Long> userCharged,
            Map<Long, Long> userRequests,
            Map<Long, Long> channelUsed) {
        this(logs, tokenUsed, userCharged, userRequests, channelUsed, null);
    }

    /** The rows and the sums they move: each row's cost on its token, user and channel. */
    public static UsageBatch of(List<RequestLog> rows, JournalUpdate journal) {
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
        return new UsageBatch(rows, tokenCost, userCost, userRequests, channelCost, journal);
    }

    public boolean isEmpty() {
        return logs.isEmpty()
                && tokenUsed.isEmpty()
                && userCharged.isEmpty()
                && userRequests.isEmpty()
                && channelUsed.isEmpty()
                && journal == null;
    }
}
