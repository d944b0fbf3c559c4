package ai.burncloud.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A model's price per 1M tokens; {@code json} for editing. */
record PriceRow(String model, String input, String output, String cachedInput, String alias, JsonNode json) {
    static PriceRow of(JsonNode n) {
        return new PriceRow(
                n.path("model").asText(),
                Formats.dollars(n.path("input"), "—"),
                Formats.dollars(n.path("output"), "—"),
                Formats.dollars(n.path("cached_input"), "—"),
                n.path("alias").isNull() ? "" : n.path("alias").asText(""),
                n);
    }
}
