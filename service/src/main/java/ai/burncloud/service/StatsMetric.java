package ai.burncloud.service;

import java.util.Locale;

/** What a time series counts. Latencies are milliseconds; cost is nano-dollars until rendered. */
public enum StatsMetric {
    REQUESTS,
    TOKENS,
    COST,
    ERRORS,
    LATENCY_P50,
    LATENCY_P95,
    TTFT_P50;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether empty buckets are 0 (counts) rather than absent (percentiles). */
    public boolean isCount() {
        return ordinal() <= ERRORS.ordinal();
    }

    /** @throws ServiceException INVALID for an unknown metric */
    public static StatsMetric parse(String text) {
        for (StatsMetric m : values()) {
            if (m.id().equals(text)) {
                return m;
            }
        }
        throw ServiceException.invalid(
                "metric must be one of requests, tokens, cost, errors, latency_p50, latency_p95, ttft_p50");
    }

    /** This metric's value of an aggregate: a Long, or null for a percentile of nothing. */
    Long valueOf(StatsTotals t) {
        return switch (this) {
            case REQUESTS -> t.requests();
            case TOKENS -> t.promptTokens() + t.completionTokens();
            case COST -> t.cost();
            case ERRORS -> t.errors();
            case LATENCY_P50 -> t.latencyPercentile(50);
            case LATENCY_P95 -> t.latencyPercentile(95);
            case TTFT_P50 -> t.ttftPercentile(50);
        };
    }
}
