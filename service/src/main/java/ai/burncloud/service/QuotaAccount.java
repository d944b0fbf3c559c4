package ai.burncloud.service;

import ai.burncloud.common.Money;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The spendable amount of one token (its quota) or one user (its balance), in nano-dollars.
 *
 * <p>{@code limit} and {@code spent} mirror the database as of the last flush or reload and are
 * written only by the single state-sync thread. {@code outstanding} is what this process has held
 * or settled but not yet written: holds add to it atomically (compare-and-set against the limit),
 * so concurrent requests can never together reserve more than the account has.
 */
final class QuotaAccount {
    private volatile long limit;
    private volatile long spent;
    private final AtomicLong outstanding = new AtomicLong();

    QuotaAccount(long limit, long spent) {
        this.limit = limit;
        this.spent = spent;
    }

    /** Reserves {@code amount} if it fits; an unlimited account always fits. */
    boolean tryHold(long amount) {
        while (true) {
            long current = outstanding.get();
            long l = limit;
            if (l != Money.UNLIMITED && spent + current + amount > l) {
                return false;
            }
            if (outstanding.compareAndSet(current, current + amount)) {
                return true;
            }
        }
    }

    /** Adjusts the outstanding amount (release a hold: negative; settle above the hold: positive). */
    void adjust(long delta) {
        outstanding.addAndGet(delta);
    }

    /** What can still be reserved, or {@link Money#UNLIMITED}. */
    long available() {
        long l = limit;
        return l == Money.UNLIMITED ? Money.UNLIMITED : Math.max(0, l - spent - outstanding.get());
    }

    long outstanding() {
        return outstanding.get();
    }

    /** State-sync thread only: values just read from the database. */
    void reload(long newLimit, long newSpent) {
        this.limit = newLimit;
        this.spent = newSpent;
    }

    /**
     * State-sync thread only: {@code amount} was just committed to the database. It is counted in
     * {@code spent} before it leaves {@code outstanding}, so for an instant it counts twice — the
     * safe direction.
     */
    void flushedAsSpent(long amount) {
        spent = spent + amount;
        outstanding.addAndGet(-amount);
    }

    /** State-sync thread only: a balance-style account had {@code amount} taken from its limit. */
    void flushedFromLimit(long amount) {
        long l = limit;
        if (l != Money.UNLIMITED) {
            limit = l - amount;
        }
        outstanding.addAndGet(-amount);
    }
}
