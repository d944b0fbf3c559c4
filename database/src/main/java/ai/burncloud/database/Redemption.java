package ai.burncloud.database;

/** A redemption code worth {@code amount} nano-dollars; only its hash and a prefix are stored. */
public record Redemption(
        long id,
        String name,
        String codePrefix,
        long amount,
        String status,
        Long createdBy,
        long createdAt,
        Long redeemedBy,
        Long redeemedAt) {}
