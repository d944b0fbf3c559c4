package ai.burncloud.database;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Redemption codes (stored by hash). */
public interface RedemptionRepository {
    /** Inserts codes (given as hash + prefix pairs) in one transaction; returns their ids. */
    List<Long> createBatch(String name, long amount, List<String[]> hashAndPrefix, Long createdBy);

    Page<Redemption> list(int page, int size);

    Optional<Redemption> findById(long id);

    /** Deletes a code that was not used yet. */
    boolean deleteUnused(long id);

    /**
     * Marks the code used by {@code userId} and credits the user, in one transaction; only the first
     * of any number of concurrent calls succeeds.
     *
     * @return the amount credited, or empty when the code is unknown or already used
     */
    OptionalLong redeem(String codeHash, long userId);
}
