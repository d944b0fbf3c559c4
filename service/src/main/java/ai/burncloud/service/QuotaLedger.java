package ai.burncloud.service;

import ai.burncloud.common.Money;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory quota for the hot path: holds before the upstream call, settlement after, never a
 * database round trip. The database catches up through {@link UsageRecorder}, and the ledger learns
 * of outside changes (a top-up from the CLI) when the router reloads its snapshot.
 *
 * <p>A token's quota and its user's balance are both held; if the second does not fit, the first is
 * given back. Either may be unlimited (-1).
 */
public final class QuotaLedger {
    /** Why a hold was refused. */
    public enum Shortfall {
        TOKEN_QUOTA,
        USER_BALANCE
    }

    private final Map<Long, QuotaAccount> tokens = new ConcurrentHashMap<>();
    private final Map<Long, QuotaAccount> users = new ConcurrentHashMap<>();

    /** Reserves {@code amount} on the token and its user, or says which one is short. */
    public HoldResult hold(long tokenId, long userId, long amount) {
        QuotaAccount token = tokens.get(tokenId);
        QuotaAccount user = users.get(userId);
        if (token == null || user == null) {
            // not loaded yet: nothing known to spend against
            return HoldResult.refused(token == null ? Shortfall.TOKEN_QUOTA : Shortfall.USER_BALANCE);
        }
        if (!token.tryHold(amount)) {
            return HoldResult.refused(Shortfall.TOKEN_QUOTA);
        }
        if (!user.tryHold(amount)) {
            token.adjust(-amount);
            return HoldResult.refused(Shortfall.USER_BALANCE);
        }
        return HoldResult.held(new QuotaHold(tokenId, userId, amount));
    }

    /**
     * Replaces the hold by the real cost. The cost may exceed the hold (an answer longer than its
     * estimate); the account then runs over by that difference and further holds are refused.
     *
     * @return false if the hold was already settled or released
     */
    public boolean settle(QuotaHold hold, long cost) {
        if (!hold.finish()) {
            return false;
        }
        long delta = cost - hold.amount;
        account(tokens, hold.tokenId).ifPresent(a -> a.adjust(delta));
        account(users, hold.userId).ifPresent(a -> a.adjust(delta));
        return true;
    }

    /** Gives the hold back untouched (the request was not served). */
    public boolean release(QuotaHold hold) {
        if (!hold.finish()) {
            return false;
        }
        account(tokens, hold.tokenId).ifPresent(a -> a.adjust(-hold.amount));
        account(users, hold.userId).ifPresent(a -> a.adjust(-hold.amount));
        return true;
    }

    /** What the token may still spend, or -1 if unlimited; empty if unknown. */
    public Optional<Long> tokenAvailable(long tokenId) {
        return account(tokens, tokenId).map(QuotaAccount::available);
    }

    public Optional<Long> userAvailable(long userId) {
        return account(users, userId).map(QuotaAccount::available);
    }

    // ---- state-sync thread only ----

    /** Sets a token's quota limit and used amount as just read from the database. */
    public void loadToken(long tokenId, long quotaLimit, long usedQuota) {
        tokens.computeIfAbsent(tokenId, id -> new QuotaAccount(quotaLimit, usedQuota))
                .reload(quotaLimit, usedQuota);
    }

    /** Sets a user's balance as just read from the database. */
    public void loadUser(long userId, long balance) {
        users.computeIfAbsent(userId, id -> new QuotaAccount(balance, 0)).reload(balance, 0);
    }

    /** Forgets accounts that no longer exist (deleted tokens and users). */
    public void retainOnly(java.util.Set<Long> tokenIds, java.util.Set<Long> userIds) {
        tokens.keySet().retainAll(tokenIds);
        users.keySet().retainAll(userIds);
    }

    /** Settled costs were committed to the database: move them from outstanding to the mirror. */
    void flushed(Map<Long, Long> tokenCosts, Map<Long, Long> userCosts) {
        tokenCosts.forEach((id, cost) -> account(tokens, id).ifPresent(a -> a.flushedAsSpent(cost)));
        userCosts.forEach((id, cost) -> account(users, id).ifPresent(a -> a.flushedFromLimit(cost)));
    }

    private static Optional<QuotaAccount> account(Map<Long, QuotaAccount> map, long id) {
        return Optional.ofNullable(map.get(id));
    }

    /** The outcome of {@link #hold}. */
    public record HoldResult(QuotaHold hold, Shortfall shortfall) {
        static HoldResult held(QuotaHold hold) {
            return new HoldResult(hold, null);
        }

        static HoldResult refused(Shortfall shortfall) {
            return new HoldResult(null, shortfall);
        }

        public boolean ok() {
            return hold != null;
        }
    }

    /** For diagnostics and tests: the sentinel for unlimited accounts. */
    public static boolean isUnlimited(long available) {
        return available == Money.UNLIMITED;
    }
}
