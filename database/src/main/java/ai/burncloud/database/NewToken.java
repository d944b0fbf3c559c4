package ai.burncloud.database;

import java.util.List;

/** What it takes to create a token; the plaintext key never reaches this layer. */
public record NewToken(
        long userId,
        String name,
        String keyHash,
        String keyPrefix,
        long quotaLimit,
        long expiresAt,
        List<String> models,
        List<String> ipRanges,
        String groupOverride,
        int rpm,
        int tpm) {

    public NewToken(
            long userId,
            String name,
            String keyHash,
            String keyPrefix,
            long quotaLimit,
            long expiresAt,
            List<String> models,
            List<String> ipRanges,
            String groupOverride,
            int rpm) {
        this(userId, name, keyHash, keyPrefix, quotaLimit, expiresAt, models, ipRanges, groupOverride, rpm, 0);
    }
}
