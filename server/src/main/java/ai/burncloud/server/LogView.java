package ai.burncloud.server;

import ai.burncloud.common.Money;
import ai.burncloud.database.RequestLog;
import ai.burncloud.service.JsonViews;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A request-log row as the API and the CSV export show it. {@code created_at} is unix seconds like
 * every time in the API ({@code created_at_ms} keeps the millisecond). Users do not see the channel
 * side (channel, upstream model, retry trail): that is the operator's business.
 */
final class LogView {
    static final List<String> COLUMNS = List.of(
            "id",
            "request_id",
            "created_at",
            "created_at_ms",
            "user_id",
            "token_id",
            "channel_id",
            "endpoint",
            "model",
            "upstream_model",
            "prompt_tokens",
            "completion_tokens",
            "cached_tokens",
            "cache_creation_tokens",
            "reasoning_tokens",
            "cost",
            "latency_ms",
            "ttfb_ms",
            "status",
            "stream",
            "settlement",
            "retry_trail",
            "estimated",
            "price_missing",
            "error_code",
            "client_ip");
    private static final List<String> ADMIN_ONLY = List.of("channel_id", "upstream_model", "retry_trail");

    private LogView() {}

    static List<String> columns(boolean admin) {
        return admin
                ? COLUMNS
                : COLUMNS.stream().filter(c -> !ADMIN_ONLY.contains(c)).toList();
    }

    static List<Object> values(RequestLog r, boolean admin) {
        List<Object> all = new ArrayList<>(List.of(
                r.id(),
                nz(r.requestId()),
                r.createdAtMs() / 1000,
                r.createdAtMs(),
                nz(r.userId()),
                nz(r.tokenId()),
                nz(r.channelId()),
                nz(r.endpoint()),
                nz(r.model()),
                nz(r.upstreamModel()),
                r.promptTokens(),
                r.completionTokens(),
                r.cachedTokens(),
                r.cacheCreationTokens(),
                r.reasoningTokens(),
                Money.toDollars(r.cost()),
                r.latencyMs(),
                nz(r.ttfbMs()),
                r.status(),
                r.stream(),
                nz(r.settlement()),
                nz(r.retryTrail()),
                r.estimated(),
                r.priceMissing(),
                nz(r.errorCode()),
                nz(r.clientIp())));
        if (!admin) {
            for (int i = COLUMNS.size() - 1; i >= 0; i--) {
                if (ADMIN_ONLY.contains(COLUMNS.get(i))) {
                    all.remove(i);
                }
            }
        }
        return all;
    }

    static ObjectNode json(RequestLog r, boolean admin) {
        ObjectNode n = JsonViews.object();
        List<String> cols = columns(admin);
        List<Object> vals = values(r, admin);
        for (int i = 0; i < cols.size(); i++) {
            n.putPOJO(cols.get(i), vals.get(i) == NULL ? null : vals.get(i));
        }
        return n;
    }

    /** A placeholder for SQL NULL (List.of refuses null). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "";
        }
    };

    private static Object nz(Object v) {
        return v == null ? NULL : v;
    }
}
