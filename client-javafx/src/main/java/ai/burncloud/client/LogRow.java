package ai.burncloud.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A request-log row as the table shows it; {@code json} is the whole row (for the detail). */
record LogRow(
        long id,
        String time,
        String model,
        long status,
        String tokens,
        String cost,
        long latencyMs,
        String stream,
        JsonNode json) {

    static LogRow of(JsonNode n) {
        long prompt = n.path("prompt_tokens").asLong();
        long completion = n.path("completion_tokens").asLong();
        return new LogRow(
                n.path("id").asLong(),
                Formats.dateTime(n.path("created_at").asLong()),
                n.path("model").asText(""),
                n.path("status").asLong(),
                prompt + " / " + completion,
                Formats.dollars(n.path("cost"), "—"),
                n.path("latency_ms").asLong(),
                n.path("stream").asBoolean() ? "✓" : "",
                n);
    }
}
