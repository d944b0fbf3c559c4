package ai.burncloud.service;

import ai.burncloud.database.RequestLog;
import ai.burncloud.database.StatsMinute;
import org.HdrHistogram.Histogram;

/** One minute of one {@link StatsKey}, with latency histograms; becomes a {@code stats_minute} row. */
final class MinuteCell {
    private long requests;
    private long errors;
    private long promptTokens;
    private long completionTokens;
    private long cost;
    private long latencySumMs;
    private final Histogram latency = Histograms.create();
    private Histogram ttft;

    synchronized void record(RequestLog row) {
        requests++;
        if (StatsRecorder.isError(row)) {
            errors++;
        }
        promptTokens += row.promptTokens();
        completionTokens += row.completionTokens();
        cost += row.cost();
        latencySumMs += row.latencyMs();
        Histograms.record(latency, row.latencyMs());
        if (row.ttfbMs() != null) {
            if (ttft == null) {
                ttft = Histograms.create();
            }
            Histograms.record(ttft, row.ttfbMs());
        }
    }

    synchronized void addTo(StatsTotals t) {
        t.addCounts(requests, errors, promptTokens, completionTokens, cost, latencySumMs);
        t.latency().add(latency);
        if (ttft != null) {
            t.ttft().add(ttft);
        }
    }

    synchronized StatsMinute toRow(long bucket, StatsKey k) {
        return new StatsMinute(
                bucket,
                k.model(),
                k.channelId(),
                k.userId(),
                k.tokenId(),
                requests,
                errors,
                promptTokens,
                completionTokens,
                cost,
                latencySumMs,
                Histograms.encode(latency),
                Histograms.encode(ttft));
    }
}
