package ai.burncloud.database;

import ai.burncloud.common.Money;
import java.util.List;

/**
 * A data-plane API key. Only its SHA-256 hash and a display prefix are stored. Quota and used quota
 * are nano-dollars (limit -1 = unlimited); {@code expiresAt} is unix seconds (-1 = never); an empty
 * model list allows every model; an empty IP list allows every address; {@code rpm} and
 * {@code tpm} (tokens per minute) 0 = no limit.
 */
public record Token(
        long id,
        long userId,
        String name,
        String keyHash,
        String keyPrefix,
        Status status,
        long quotaLimit,
        long usedQuota,
        long expiresAt,
        List<String> models,
        List<String> ipRanges,
        String groupOverride,
        int rpm,
        long createdAt,
        long updatedAt,
        int tpm) {

    /** A token without a tokens-per-minute limit. */
    public Token(
            long id,
            long userId,
            String name,
            String keyHash,
            String keyPrefix,
            Status status,
            long quotaLimit,
            long usedQuota,
            long expiresAt,
            List<String> models,
            List<String> ipRanges,
            String groupOverride,
            int rpm,
            long createdAt,
            long updatedAt) {
        this(
                id,
                userId,
                name,
                keyHash,
                keyPrefix,
                status,
                quotaLimit,
                usedQuota,
                expiresAt,
                models,
                ipRanges,
                groupOverride,
                rpm,
                createdAt,
                updatedAt,
                0);
    }

    public boolean unlimited() {
        return quotaLimit == Money.UNLIMITED;
    }

    public boolean expiredAt(long unixSeconds) {
        return expiresAt != -1 && expiresAt <= unixSeconds;
    }
}
