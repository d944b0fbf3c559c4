package ai.burncloud.database;

/**
 * Admission shared through the database by several routers (PostgreSQL only, docs/SCALING.md): the
 * routers' heartbeats, and holds taken with one guarded update per limit so that routers together
 * never reserve more than a key's quota, its owner's balance or its rate limits allow. Holds are
 * given back by the flush that logs their request ({@link UsageRepository}), or — for a router that
 * stopped — by {@link #releaseDead}.
 */
public interface AdmissionRepository {
    /** Why {@link #hold} refused, or {@code ADMITTED}. */
    enum Verdict {
        ADMITTED,
        REQUESTS_PER_MINUTE,
        TOKENS_PER_MINUTE,
        TOKEN_QUOTA,
        USER_BALANCE
    }

    /**
     * Takes one request's hold atomically: the key's rate windows, then its quota, then its owner's
     * balance; all or nothing.
     *
     * @param amount nano-dollars to hold on the quota and the balance (where they are finite)
     * @param tokens tokens to count in the key's tokens-per-minute window
     * @param nowNanos wall-clock time in nanoseconds (routers' clocks must agree)
     */
    Verdict hold(
            String instanceId,
            String requestId,
            long tokenId,
            long userId,
            long amount,
            int rpm,
            int tpm,
            long tokens,
            long nowNanos);

    /** Gives back the hold of a request that will never be logged (its settlement failed). */
    void release(String requestId);

    /**
     * Records that {@code instanceId} is alive now.
     *
     * @return how many routers are alive (beat at or after {@code aliveSinceMs}), this one included
     */
    int beat(String instanceId, long startedAtMs, long nowMs, long aliveSinceMs);

    /** A router stopping cleanly: it no longer counts as alive. */
    void leave(String instanceId);

    /**
     * Gives back every hold of routers that stopped beating before {@code aliveSinceMs} (and forgets
     * those routers) — except holds of requests in the in-flight journal: those go back in the
     * transaction that charges them as interrupted. Each hold is deleted and given back in one transaction, so two survivors doing
     * this at once give it back once.
     *
     * @return the holds given back
     */
    int releaseDead(long aliveSinceMs);
}
