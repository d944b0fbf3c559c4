package ai.burncloud.database;

import java.util.List;

/** One page of a listing and the total number of matching rows. */
public record Page<T>(List<T> items, long total, int page, int size) {
    /** Normalises page (from 1) and size (1..max) requests. */
    public static int[] bounds(int page, int size, int maxSize) {
        int p = Math.max(1, page);
        int s = Math.max(1, Math.min(size, maxSize));
        return new int[] {p, s};
    }
}
