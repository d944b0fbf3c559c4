package ai.burncloud.service;

import java.util.List;

/**
 * A time series answer: one series per group (a single series with a null group when not grouped).
 * Point times are bucket starts in unix seconds; values are Longs (cost in nano-dollars) or null.
 */
public record TimeSeries(
        StatsMetric metric, StatsBucket bucket, long from, long to, StatsGroupBy groupBy, List<Series> series) {

    public record Series(String group, List<Point> points) {}

    public record Point(long time, Long value) {}
}
