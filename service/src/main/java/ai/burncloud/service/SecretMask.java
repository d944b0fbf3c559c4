package ai.burncloud.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Replaces secrets in a JSON value by {@code "***"} before it is written to the audit log. The views
 * already leave keys out (they carry {@code key_hint}); this is the second line, by field name, for a
 * view that one day forgets.
 */
final class SecretMask {
    static final String MASK = "***";
    private static final Set<String> SECRET_FIELDS = Set.of(
            "key",
            "api_key",
            "password",
            "password_hash",
            "secret",
            "code",
            "codes",
            "access_token",
            "csrf_token",
            "token_key",
            "new_key");

    private SecretMask() {}

    static JsonNode mask(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        maskInPlace(copy);
        return copy;
    }

    private static void maskInPlace(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (SECRET_FIELDS.contains(f.getKey()) && !f.getValue().isNull()) {
                    f.setValue(TextNode.valueOf(MASK));
                } else {
                    maskInPlace(f.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(SecretMask::maskInPlace);
        }
    }
}
