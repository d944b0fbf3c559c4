package ai.burncloud.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Answers statistics questions from a {@link StatsRecorder}: one-second buckets from the in-memory
 * hour, minute and hour buckets and summaries from the minute rollups (stored and buffered). Times
 * are unix seconds, inclusive. {@code userId} null means everyone's. Blocking (reads the database).
 */
public final class StatsQueries {
    /** Most points one series may have. */
    public static final int MAX_POINTS = 10_000;

    private final StatsRecorder recorder;

    public StatsQueries(StatsRecorder recorder) {
        this.recorder = recorder;
    }

    /** Totals of the minutes overlapping {@code [from, to]}. */
    public StatsTotals summary(long from, long to, Long userId) {
        checkRange(from, to);
        StatsTotals t = new StatsTotals();
        recorder.minutes().read(minute(from), minute(to), userId, (row, k) -> t.addRow(row), (b, k, c) -> c.addTo(t));
        return t;
    }

    /**
     * @throws ServiceException INVALID for a bad range, too many points, or one-second buckets
     *     outside the last hour
     */
    public TimeSeries timeseries(
            StatsMetric metric, StatsBucket bucket, long from, long to, StatsGroupBy groupBy, Long userId) {
        checkRange(from, to);
        long first = from - Math.floorMod(from, bucket.seconds());
        long last = to - Math.floorMod(to, bucket.seconds());
        if ((last - first) / bucket.seconds() + 1 > MAX_POINTS) {
            throw ServiceException.invalid("too many points: at most " + MAX_POINTS + " buckets per series");
        }
        Function<StatsKey, String> groupOf = groupBy == null ? k -> "" : k -> k.dimension(groupBy);
        Map<String, TreeMap<Long, StatsTotals>> groups = new TreeMap<>();
        if (bucket == StatsBucket.SECOND) {
            long now = recorder.clock().millis() / 1000;
            if (from <= now - SecondRing.SECONDS) {
                throw ServiceException.invalid("1s buckets cover only the last hour; use 1m or 1h");
            }
            recorder.seconds()
                    .forEach(
                            from,
                            to,
                            (sec, cells) -> cells.forEach((k, c) -> {
                                if (userId == null || k.userId() == userId) {
                                    c.addTo(cell(groups, groupOf.apply(k), sec));
                                }
                            }));
        } else {
            long size = bucket.seconds();
            recorder.minutes()
                    .read(
                            minute(first),
                            minute(to),
                            userId,
                            (row, k) -> cell(groups, groupOf.apply(k), align(row.bucket(), size))
                                    .addRow(row),
                            (b, k, c) -> c.addTo(cell(groups, groupOf.apply(k), align(b, size))));
        }
        if (groups.isEmpty() && groupBy == null) {
            groups.put("", new TreeMap<>());
        }
        List<TimeSeries.Series> series = new ArrayList<>();
        groups.forEach((group, cells) -> series.add(
                new TimeSeries.Series(groupBy == null ? null : group, points(metric, cells, first, last, bucket))));
        return new TimeSeries(metric, bucket, first, last, groupBy, List.copyOf(series));
    }

    /** Live rates from the in-memory seconds; {@code inFlight} is passed through. */
    public LiveStats live(Long userId, Integer inFlight) {
        long now = recorder.clock().millis() / 1000;
        long lastFull = now - 1;
        long[] sums = new long[3]; // tokens last second, requests last second, requests last minute
        recorder.seconds()
                .forEach(
                        now - 60,
                        lastFull,
                        (sec, cells) -> cells.forEach((k, c) -> {
                            if (userId == null || k.userId() == userId) {
                                StatsTotals t = new StatsTotals();
                                c.addTo(t);
                                sums[2] += t.requests();
                                if (sec == lastFull) {
                                    sums[0] += t.tokens();
                                    sums[1] += t.requests();
                                }
                            }
                        }));
        return new LiveStats(now, sums[0], sums[1], sums[2], inFlight);
    }

    private static List<TimeSeries.Point> points(
            StatsMetric metric, TreeMap<Long, StatsTotals> cells, long first, long last, StatsBucket bucket) {
        List<TimeSeries.Point> out = new ArrayList<>();
        for (long t = first; t <= last; t += bucket.seconds()) {
            StatsTotals c = cells.get(t);
            if (c != null) {
                out.add(new TimeSeries.Point(t, metric.valueOf(c)));
            } else if (metric.isCount()) {
                out.add(new TimeSeries.Point(t, 0L));
            } else {
                out.add(new TimeSeries.Point(t, null));
            }
        }
        return out;
    }

    private static StatsTotals cell(Map<String, TreeMap<Long, StatsTotals>> groups, String group, long time) {
        return groups.computeIfAbsent(group, g -> new TreeMap<>()).computeIfAbsent(time, x -> new StatsTotals());
    }

    private static long minute(long t) {
        return t - Math.floorMod(t, 60L);
    }

    private static long align(long t, long size) {
        return t - Math.floorMod(t, size);
    }

    private static void checkRange(long from, long to) {
        if (from < 0 || to < 0 || from > to) {
            throw ServiceException.invalid("from must be a unix time in seconds no later than to");
        }
    }
}
