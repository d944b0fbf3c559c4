package ai.burncloud.database;

import java.util.List;
import java.util.Map;

/**
 * Settled requests to record in one transaction: their log rows and the sums they move, so a log row
 * never exists without its charge and a charge never without its row. Deltas are nano-dollars.
 */
public record UsageBatch(
        List<RequestLog> logs,
        Map<Long, Long> tokenUsed,
        Map<Long, Long> userCharged,
        Map<Long, Long> userRequests,
        Map<Long, Long> channelUsed) {

    public boolean isEmpty() {
        return logs.isEmpty()
                && tokenUsed.isEmpty()
                && userCharged.isEmpty()
                && userRequests.isEmpty()
                && channelUsed.isEmpty();
    }
}
