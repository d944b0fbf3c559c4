package ai.burncloud.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A data-plane key as the table shows it (never the key, only its prefix). */
record TokenRow(
        long id,
        String name,
        String keyPrefix,
        String status,
        String quota,
        String used,
        String expires,
        String models) {

    static TokenRow of(JsonNode n, Texts texts) {
        long expiresAt = n.path("expires_at").asLong(-1);
        String models = String.join(", ", Formats.strings(n.path("models")));
        return new TokenRow(
                n.path("id").asLong(),
                n.path("name").asText(),
                n.path("key_prefix").asText(),
                n.path("status").asText(),
                Formats.dollars(n.path("quota_limit"), texts.get("tokens.unlimited")),
                Formats.dollars(n.path("used_quota"), "—"),
                expiresAt < 0 ? texts.get("tokens.never") : Formats.dateTime(expiresAt),
                models.isEmpty() ? texts.get("tokens.allModels") : models);
    }

    boolean enabled() {
        return "enabled".equals(status);
    }
}
