package ai.burncloud.database;

import java.util.List;

/**
 * A partial update of a token: every null field stays as it is. An empty list clears a restriction;
 * an empty group override removes the override.
 */
public record TokenUpdate(
        String name,
        Long quotaLimit,
        Long expiresAt,
        List<String> models,
        List<String> ipRanges,
        String groupOverride,
        Integer rpm,
        Status status,
        Integer tpm) {

    public TokenUpdate(
            String name,
            Long quotaLimit,
            Long expiresAt,
            List<String> models,
            List<String> ipRanges,
            String groupOverride,
            Integer rpm,
            Status status) {
        this(name, quotaLimit, expiresAt, models, ipRanges, groupOverride, rpm, status, null);
    }

    public static TokenUpdate status(Status status) {
        return new TokenUpdate(null, null, null, null, null, null, null, status);
    }
}
