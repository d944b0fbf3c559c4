package ai.burncloud.router.translate.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Gemini's {@code Schema} (an OpenAPI subset with upper-case types such as {@code "OBJECT"}) as JSON
 * Schema, for tools declared by a Gemini client but served by another upstream.
 */
final class GeminiSchemas {
    private GeminiSchemas() {}

    /** A deep copy of {@code schema} with every {@code type} lower-cased. */
    static JsonNode toJsonSchema(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        lowerTypes(copy);
        return copy;
    }

    private static void lowerTypes(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode type = o.get("type");
            if (type != null && type.isTextual()) {
                o.put("type", type.asText().toLowerCase(Locale.ROOT));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                lowerTypes(it.next().getValue());
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(GeminiSchemas::lowerTypes);
        }
    }
}
