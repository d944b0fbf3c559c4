package ai.burncloud.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A channel as the table shows it; {@code json} is the API's whole answer (for editing). */
record ChannelRow(
        long id,
        String name,
        String type,
        String status,
        String statusReason,
        String models,
        long priority,
        long weight,
        String lastTest,
        JsonNode json) {

    static ChannelRow of(JsonNode n, Texts texts) {
        return new ChannelRow(
                n.path("id").asLong(),
                n.path("name").asText(),
                n.path("type").asText(),
                n.path("status").asText(),
                n.path("status_reason").asText(""),
                String.join(", ", Formats.strings(n.path("models"))),
                n.path("priority").asLong(),
                n.path("weight").asLong(),
                lastTest(n.path("last_test"), texts),
                n);
    }

    boolean enabled() {
        return "enabled".equals(status);
    }

    /** "312 ms · TTFT 120 ms · 45.3 tok/s", or the error of a failed test, or "never". */
    static String lastTest(JsonNode t, Texts texts) {
        if (t == null || t.isNull() || t.isMissingNode()) {
            return texts.get("channels.neverTested");
        }
        if (!t.path("ok").asBoolean()) {
            return texts.format("channels.testFailed", t.path("error").asText(""));
        }
        return texts.format(
                "channels.testOk",
                t.path("latency_ms").asLong(),
                t.path("ttft_ms").isNull() ? "—" : t.path("ttft_ms").asText(),
                t.path("tokens_per_s").isNull()
                        ? "—"
                        : t.path("tokens_per_s")
                                .decimalValue()
                                .setScale(1, java.math.RoundingMode.HALF_UP)
                                .toPlainString());
    }
}
