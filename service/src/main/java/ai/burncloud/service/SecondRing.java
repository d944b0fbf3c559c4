package ai.burncloud.service;

import ai.burncloud.database.RequestLog;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;

/**
 * The last hour, one slot per second, lock-free for writers (event loops): a slot is replaced when
 * its second comes round again, so memory stays at one hour of cells.
 */
final class SecondRing {
    static final int SECONDS = 3600;

    private final AtomicReferenceArray<Slot> slots = new AtomicReferenceArray<>(SECONDS);

    private record Slot(long second, Map<StatsKey, SecondCell> cells) {}

    void record(long second, StatsKey key, RequestLog row) {
        int i = (int) Math.floorMod(second, (long) SECONDS);
        Slot s = slots.get(i);
        while (s == null || s.second() < second) {
            Slot fresh = new Slot(second, new ConcurrentHashMap<>());
            if (slots.compareAndSet(i, s, fresh)) {
                s = fresh;
                break;
            }
            s = slots.get(i);
        }
        if (s.second() == second) {
            s.cells().computeIfAbsent(key, k -> new SecondCell()).record(row);
        }
    }

    /** Visits the cells of every second in {@code [from, to]} that is still held. */
    void forEach(long fromSecond, long toSecond, BiConsumer<Long, Map<StatsKey, SecondCell>> visitor) {
        for (long sec = Math.max(fromSecond, toSecond - SECONDS + 1); sec <= toSecond; sec++) {
            Slot s = slots.get((int) Math.floorMod(sec, (long) SECONDS));
            if (s != null && s.second() == sec) {
                visitor.accept(sec, s.cells());
            }
        }
    }
}
