package ai.burncloud.service;

import ai.burncloud.database.StatsMinute;
import org.HdrHistogram.Histogram;

/** Sums and latency distributions over some cells; built by one query thread, then read. */
public final class StatsTotals {
    private long requests;
    private long errors;
    private long promptTokens;
    private long completionTokens;
    private long cost;
    private long latencySumMs;
    private final Histogram latency = Histograms.create();
    private final Histogram ttft = Histograms.create();

    void addCounts(long requests, long errors, long prompt, long completion, long cost, long latencySum) {
        this.requests += requests;
        this.errors += errors;
        this.promptTokens += prompt;
        this.completionTokens += completion;
        this.cost += cost;
        this.latencySumMs += latencySum;
    }

    void addRow(StatsMinute r) {
        addCounts(r.requests(), r.errors(), r.promptTokens(), r.completionTokens(), r.cost(), r.latencySumMs());
        if (r.latencyHist() != null) {
            latency.add(Histograms.decode(r.latencyHist()));
        }
        if (r.ttftHist() != null) {
            ttft.add(Histograms.decode(r.ttftHist()));
        }
    }

    Histogram latency() {
        return latency;
    }

    Histogram ttft() {
        return ttft;
    }

    public long requests() {
        return requests;
    }

    public long errors() {
        return errors;
    }

    public long promptTokens() {
        return promptTokens;
    }

    public long completionTokens() {
        return completionTokens;
    }

    public long tokens() {
        return promptTokens + completionTokens;
    }

    /** Nano-dollars. */
    public long cost() {
        return cost;
    }

    /** Mean latency in ms, or null without requests. */
    public Long latencyMeanMs() {
        return requests == 0 ? null : latencySumMs / requests;
    }

    /** The latency percentile in ms, or null when nothing was measured. */
    public Long latencyPercentile(double p) {
        return latency.getTotalCount() == 0 ? null : latency.getValueAtPercentile(p);
    }

    public Long ttftPercentile(double p) {
        return ttft.getTotalCount() == 0 ? null : ttft.getValueAtPercentile(p);
    }
}
