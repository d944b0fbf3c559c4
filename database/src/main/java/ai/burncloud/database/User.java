package ai.burncloud.database;

import ai.burncloud.common.Money;

/** A console user; balance and used quota in nano-dollars, balance -1 = unlimited. */
public record User(
        long id,
        String username,
        String passwordHash,
        Role role,
        String group,
        long balance,
        long usedQuota,
        long requestCount,
        Status status,
        String inviteCode,
        Long inviterId,
        long createdAt,
        long updatedAt) {

    public boolean unlimited() {
        return balance == Money.UNLIMITED;
    }
}
