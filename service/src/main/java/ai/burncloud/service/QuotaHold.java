package ai.burncloud.service;

/**
 * Money reserved for one request on its token and its user. Settled once: either charged (the real
 * cost replaces the reservation) or released.
 */
public final class QuotaHold {
    final long tokenId;
    final long userId;
    final long amount;
    private boolean done;

    QuotaHold(long tokenId, long userId, long amount) {
        this.tokenId = tokenId;
        this.userId = userId;
        this.amount = amount;
    }

    public long amount() {
        return amount;
    }

    /** Marks the hold finished; returns false if it already was (settling twice is a bug we absorb). */
    synchronized boolean finish() {
        if (done) {
            return false;
        }
        done = true;
        return true;
    }
}
