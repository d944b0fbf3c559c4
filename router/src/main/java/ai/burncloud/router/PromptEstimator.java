package ai.burncloud.router;

import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.service.TokenCounter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Estimates prompt tokens from a request body with the local tokenizer: the text of the fields that
 * carry prompt content in any of the three dialects. Used only when an upstream reports no usage.
 */
final class PromptEstimator {
    private static final Set<String> TEXT_FIELDS = Set.of(
            "content",
            "text",
            "prompt",
            "input",
            "system",
            "instructions",
            "arguments",
            "parts",
            "contents",
            "messages",
            "systemInstruction");

    private PromptEstimator() {}

    static long estimate(ClientRequest request, TokenCounter counter) {
        if (request.fields() == null) {
            return 0; // multipart audio: no text prompt
        }
        JsonNode root;
        try {
            root = request.json();
        } catch (TranslationException e) {
            return 0;
        }
        StringBuilder text = new StringBuilder();
        collect(root, false, text);
        return counter.count(text);
    }

    private static void collect(JsonNode node, boolean inText, StringBuilder out) {
        if (node.isTextual()) {
            if (inText) {
                out.append(node.textValue()).append('\n');
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                collect(child, inText, out);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().equals("image_url")
                        || f.getKey().equals("inlineData")
                        || f.getKey().equals("source")) {
                    continue; // images are not text; their cost is the upstream's to report
                }
                collect(
                        f.getValue(),
                        TEXT_FIELDS.contains(f.getKey())
                                || (inText && !f.getKey().equals("role")),
                        out);
            }
        }
    }
}
