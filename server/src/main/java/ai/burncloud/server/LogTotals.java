package ai.burncloud.server;

import ai.burncloud.common.Money;
import ai.burncloud.database.RequestLog;
import java.util.ArrayList;
import java.util.List;

/**
 * The last row of a CSV export: {@code total} in the id column, the number of rows in
 * {@code request_id}, the sums of the token columns and the exact sum of the cost (integer
 * nano-dollars added up, shown in dollars); other columns empty.
 */
final class LogTotals {
    private long rows;
    private long prompt;
    private long completion;
    private long cached;
    private long cacheCreation;
    private long reasoning;
    private long cost;

    void add(RequestLog r) {
        rows++;
        prompt += r.promptTokens();
        completion += r.completionTokens();
        cached += r.cachedTokens();
        cacheCreation += r.cacheCreationTokens();
        reasoning += r.reasoningTokens();
        cost += r.cost();
    }

    List<Object> values(boolean admin) {
        List<Object> out = new ArrayList<>();
        for (String column : LogView.columns(admin)) {
            out.add(
                    switch (column) {
                        case "id" -> "total";
                        case "request_id" -> rows;
                        case "prompt_tokens" -> prompt;
                        case "completion_tokens" -> completion;
                        case "cached_tokens" -> cached;
                        case "cache_creation_tokens" -> cacheCreation;
                        case "reasoning_tokens" -> reasoning;
                        case "cost" -> Money.toDollars(cost).toPlainString();
                        default -> "";
                    });
        }
        return out;
    }
}
