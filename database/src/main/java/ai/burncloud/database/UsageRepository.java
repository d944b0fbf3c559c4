package ai.burncloud.database;

/**
 * Records settled requests: log rows and the balances they move, atomically (with the writing
 * router's in-flight journal when the batch carries it).
 */
public interface UsageRepository {
    void record(UsageBatch batch);
}
