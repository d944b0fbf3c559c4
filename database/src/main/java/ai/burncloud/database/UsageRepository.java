package ai.burncloud.database;

/** Records settled requests: log rows and the balances they move, atomically. */
public interface UsageRepository {
    void record(UsageBatch batch);
}
