package ai.burncloud.service;

import ai.burncloud.database.RequestLog;
import ai.burncloud.database.StatsRepository;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns every settled request into statistics: per-second cells for the last hour and per-minute
 * rollups, all in memory on the hot path (event loops; never the database). {@link #flush()} persists
 * finished minutes; call it from a worker every few seconds and at shutdown.
 */
public final class StatsRecorder implements RequestListener {
    private static final long RETENTION_SECONDS = Duration.ofDays(90).toSeconds();

    private final StatsRepository repo;
    private final Clock clock;
    private final SecondRing seconds = new SecondRing();
    private final MinuteBuffer minutes;
    private long lastPurge;

    public StatsRecorder(StatsRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
        this.minutes = new MinuteBuffer(repo);
    }

    /** A request counts as an error when it was answered with a 4xx or 5xx status. */
    static boolean isError(RequestLog row) {
        return row.status() >= 400;
    }

    @Override
    public void onSettled(RequestLog row) {
        long now = clock.millis() / 1000;
        StatsKey key = StatsKey.of(row);
        seconds.record(now, key, row);
        minutes.record(now - Math.floorMod(now, 60L), key, row);
    }

    /** Writes the minutes that ended more than a minute ago; purges rollups older than 90 days hourly. */
    public synchronized void flush() {
        long now = clock.millis() / 1000;
        long currentMinute = now - Math.floorMod(now, 60L);
        minutes.flushBefore(currentMinute - 60);
        if (now - lastPurge >= 3600) {
            repo.deleteBefore(now - RETENTION_SECONDS);
            lastPurge = now;
        }
    }

    /** Writes every minute, the current one included (shutdown). */
    public synchronized void flushAll() {
        minutes.flushBefore(Long.MAX_VALUE);
    }

    SecondRing seconds() {
        return seconds;
    }

    MinuteBuffer minutes() {
        return minutes;
    }

    Clock clock() {
        return clock;
    }
}
