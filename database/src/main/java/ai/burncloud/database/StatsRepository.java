package ai.burncloud.database;

import java.util.List;
import java.util.function.BinaryOperator;

/** Per-minute statistics rollups ({@code stats_minute}), for windows longer than the in-memory hour. */
public interface StatsRepository {
    /**
     * Adds rows to the stored rollups in one transaction: a row whose key exists is summed into it,
     * its histograms combined with {@code mergeHistograms} (called with two non-null texts).
     */
    void add(List<StatsMinute> rows, BinaryOperator<String> mergeHistograms);

    /** Rollups with {@code fromBucket <= bucket <= toBucket}, of one user or (null) of everyone. */
    List<StatsMinute> range(long fromBucket, long toBucket, Long userId);

    /** Deletes rollups older than {@code bucket}; returns how many. */
    int deleteBefore(long bucket);
}
