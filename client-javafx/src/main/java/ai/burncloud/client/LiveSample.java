package ai.burncloud.client;

import com.fasterxml.jackson.databind.JsonNode;

/** One event of {@code /api/stats/live}: the last full second, the last minute, and now. */
public record LiveSample(long time, long tps, long rps, long rpm, Integer inFlight) {
    static LiveSample of(JsonNode n) {
        JsonNode inFlight = n.path("in_flight");
        return new LiveSample(
                n.path("time").asLong(),
                n.path("tps").asLong(),
                n.path("rps").asLong(),
                n.path("rpm").asLong(),
                inFlight.isNumber() ? inFlight.asInt() : null);
    }
}
