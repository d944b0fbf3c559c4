package ai.burncloud.service;

import ai.burncloud.database.RequestLog;
import java.util.Arrays;

/**
 * One second of one {@link StatsKey}: counters and the raw latencies (at most {@value #MAX_SAMPLES}
 * per cell; beyond that a second's percentiles are those of its first requests). Raw samples keep
 * an hour of seconds small where a histogram per second would not be.
 */
final class SecondCell {
    static final int MAX_SAMPLES = 256;

    private long requests;
    private long errors;
    private long promptTokens;
    private long completionTokens;
    private long cost;
    private long latencySumMs;
    private int[] latencies = new int[2];
    private int latencyCount;
    private int[] ttfts = new int[0];
    private int ttftCount;

    synchronized void record(RequestLog row) {
        requests++;
        if (StatsRecorder.isError(row)) {
            errors++;
        }
        promptTokens += row.promptTokens();
        completionTokens += row.completionTokens();
        cost += row.cost();
        latencySumMs += row.latencyMs();
        if (latencyCount < MAX_SAMPLES) {
            latencies = grow(latencies, latencyCount);
            latencies[latencyCount++] = clamp(row.latencyMs());
        }
        if (row.ttfbMs() != null && ttftCount < MAX_SAMPLES) {
            ttfts = grow(ttfts, ttftCount);
            ttfts[ttftCount++] = clamp(row.ttfbMs());
        }
    }

    synchronized void addTo(StatsTotals t) {
        t.addCounts(requests, errors, promptTokens, completionTokens, cost, latencySumMs);
        for (int i = 0; i < latencyCount; i++) {
            Histograms.record(t.latency(), latencies[i]);
        }
        for (int i = 0; i < ttftCount; i++) {
            Histograms.record(t.ttft(), ttfts[i]);
        }
    }

    private static int[] grow(int[] a, int used) {
        return used < a.length ? a : Arrays.copyOf(a, Math.max(2, a.length * 2));
    }

    private static int clamp(long v) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, v));
    }
}
