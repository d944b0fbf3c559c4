package ai.burncloud.service;

import ai.burncloud.database.RequestLog;
import ai.burncloud.database.StatsMinute;
import ai.burncloud.database.StatsRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;

/**
 * Minute rollups not yet in {@code stats_minute}. Writers (event loops) never lock. A minute is
 * written once it is over by more than a minute (so no late writer can still be adding to it), and
 * the write and its removal from memory happen under a write lock that readers share: a reader sees
 * every minute exactly once, from memory or from the database.
 */
final class MinuteBuffer {
    private final StatsRepository repo;
    private final ConcurrentSkipListMap<Long, Map<StatsKey, MinuteCell>> minutes = new ConcurrentSkipListMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    MinuteBuffer(StatsRepository repo) {
        this.repo = repo;
    }

    void record(long minuteBucket, StatsKey key, RequestLog row) {
        minutes.computeIfAbsent(minuteBucket, m -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new MinuteCell())
                .record(row);
    }

    /** Writes every minute that started before {@code beforeBucket}. Blocking. */
    void flushBefore(long beforeBucket) {
        lock.writeLock().lock();
        try {
            ConcurrentNavigableMap<Long, Map<StatsKey, MinuteCell>> done = minutes.headMap(beforeBucket, false);
            if (done.isEmpty()) {
                return;
            }
            List<StatsMinute> rows = new ArrayList<>();
            done.forEach((bucket, cells) -> cells.forEach((k, c) -> rows.add(c.toRow(bucket, k))));
            repo.add(rows, Histograms::merge);
            done.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Visits the stored rows and the buffered cells of {@code [fromBucket, toBucket]} (of one user, or
     * of everyone when {@code userId} is null) consistently. Blocking.
     */
    void read(
            long fromBucket,
            long toBucket,
            Long userId,
            BiConsumer<StatsMinute, StatsKey> stored,
            MinuteVisitor buffered) {
        lock.readLock().lock();
        try {
            minutes.subMap(fromBucket, true, toBucket, true)
                    .forEach((bucket, cells) -> cells.forEach((k, c) -> {
                        if (userId == null || k.userId() == userId) {
                            buffered.visit(bucket, k, c);
                        }
                    }));
            for (StatsMinute r : repo.range(fromBucket, toBucket, userId)) {
                stored.accept(r, new StatsKey(r.model(), r.channelId(), r.userId(), r.tokenId()));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    @FunctionalInterface
    interface MinuteVisitor {
        void visit(long bucket, StatsKey key, MinuteCell cell);
    }
}
