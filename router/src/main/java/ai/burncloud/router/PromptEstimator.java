package ai.burncloud.router;

import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.service.TokenCounter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Counts prompt tokens from a request body with the local tokenizer: the text of the fields that
 * carry prompt content in any of the three dialects. Used only when an upstream reports no usage.
 *
 * <p>The tokenizer is super-linear on long runs without a word break (2 MB of one character took
 * seconds), so the text is counted in pieces of {@value #PIECE_CHARS} characters, and past a deadline
 * the rest is extrapolated from the pieces counted. Pieces can differ from the whole by a token at a
 * boundary: the count is an estimate, and the row is marked so.
 */
final class PromptEstimator {
    static final int PIECE_CHARS = 2048;

    /** For a count that must happen on an event loop (a usage chunk written for the client): 20 ms. */
    static final long ON_EVENT_LOOP_BUDGET_NANOS = 20_000_000L;

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

    /** Fields that hold images, audio or files: not text; their cost is the upstream's to report. */
    static final Set<String> MEDIA_FIELDS = Set.of("image_url", "inlineData", "source", "input_audio", "file");

    private PromptEstimator() {}

    /** The prompt's tokens, counted until {@code deadlineNanos} (System.nanoTime) and extrapolated after. */
    static long estimate(ClientRequest request, TokenCounter counter, long deadlineNanos) {
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
        return countInPieces(text, counter, deadlineNanos);
    }

    static long countInPieces(CharSequence text, TokenCounter counter, long deadlineNanos) {
        long tokens = 0;
        int at = 0;
        int n = text.length();
        while (at < n) {
            if (at > 0 && System.nanoTime() - deadlineNanos > 0) {
                // out of time: the rest at the rate of what was counted, rounded up
                long rest = n - at;
                return tokens + (rest * tokens + at - 1) / at;
            }
            int end = Math.min(n, at + PIECE_CHARS);
            if (end < n && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a surrogate pair
            }
            tokens += counter.count(text.subSequence(at, end));
            at = end;
        }
        return tokens;
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
                if (MEDIA_FIELDS.contains(f.getKey())) {
                    continue;
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
