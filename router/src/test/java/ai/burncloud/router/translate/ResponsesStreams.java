package ai.burncloud.router.translate;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Independent readings of Responses API event streams, used as test oracles. */
public final class ResponsesStreams {
    private ResponsesStreams() {}

    /** The event types of a recorded Responses stream, in order (elided "..." lines skipped). */
    public static List<String> fixtureTypes(String fixture) {
        List<String> out = new ArrayList<>();
        for (String line : ConverterHarness.fixtureText(fixture).split("\r?\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                out.add(Json.parse(line.substring(6)).get("type").asText());
            }
        }
        return out;
    }

    /** The event types, with consecutive repeats of one type collapsed (deltas vary in number). */
    public static List<String> collapsedTypes(List<JsonNode> events) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            String type = e.get("type").asText();
            if (out.isEmpty() || !out.get(out.size() - 1).equals(type)) {
                out.add(type);
            }
        }
        return out;
    }

    /** The concatenated {@code response.output_text.delta}s. */
    public static String text(List<JsonNode> events) {
        return concat(events, "response.output_text.delta");
    }

    /** The concatenated {@code response.function_call_arguments.delta}s. */
    public static String arguments(List<JsonNode> events) {
        return concat(events, "response.function_call_arguments.delta");
    }

    /** The single event of {@code type}. */
    public static JsonNode only(List<JsonNode> events, String type) {
        List<JsonNode> found =
                events.stream().filter(e -> type.equals(e.get("type").asText())).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + " event, found " + found.size());
        }
        return found.get(0);
    }

    private static String concat(List<JsonNode> events, String type) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : events) {
            if (type.equals(e.get("type").asText())) {
                sb.append(e.get("delta").asText());
            }
        }
        return sb.toString();
    }
}
