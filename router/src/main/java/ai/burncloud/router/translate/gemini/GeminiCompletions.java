package ai.burncloud.router.translate.gemini;

import ai.burncloud.common.Json;
import ai.burncloud.router.translate.ir.Completion;
import ai.burncloud.router.translate.ir.ErrorInfo;
import ai.burncloud.router.translate.ir.Ids;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.UpstreamBodyException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Gemini's non-streamed {@code GenerateContentResponse}, read into and written from a {@link Completion}. */
public final class GeminiCompletions {
    static final String MALFORMED_CALL = "MALFORMED_FUNCTION_CALL";

    private GeminiCompletions() {}

    public static Completion read(JsonNode body) throws UpstreamBodyException {
        ErrorInfo error = GeminiChunks.error(body);
        if (error != null) {
            throw new UpstreamBodyException(error);
        }
        List<Completion.Part> parts = new ArrayList<>();
        boolean sawCall = GeminiChunks.parts(body, parts);
        return new Completion(
                Jsons.text(body, "responseId"),
                Jsons.text(body, "modelVersion"),
                parts,
                GeminiChunks.finish(body, sawCall),
                null,
                GeminiUsage.read(Jsons.field(body, "usageMetadata")));
    }

    public static ObjectNode write(Completion c, String fallbackModel) {
        ObjectNode root = Json.object();
        ObjectNode candidate = root.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        ArrayNode parts = content.putArray("parts");
        boolean malformed = false;
        for (Completion.Part p : c.parts()) {
            malformed |= !appendPart(p, parts);
        }
        content.put("role", "model");
        candidate.put("finishReason", malformed ? MALFORMED_CALL : GeminiFinishReasons.write(c.finish()));
        candidate.put("index", 0);
        root.set("usageMetadata", GeminiUsage.write(c.usage()));
        root.put("modelVersion", c.model() != null ? c.model() : fallbackModel);
        root.put("responseId", c.id() != null ? c.id() : Ids.random("resp_"));
        return root;
    }

    /**
     * Writes one part the way Gemini does: thoughts flagged, calls with parsed args.
     *
     * @return false when a tool call's arguments are not a JSON object: it is left out, and the caller
     *     reports Gemini's own {@value #MALFORMED_CALL} instead of inventing arguments
     */
    static boolean appendPart(Completion.Part p, ArrayNode parts) {
        if (p instanceof Completion.Text t) {
            parts.addObject().put("text", t.text());
        } else if (p instanceof Completion.Reasoning r) {
            parts.addObject().put("text", r.text()).put("thought", true);
        } else if (p instanceof Completion.ToolCall call) {
            JsonNode args = Jsons.parseOrNull(call.argumentsJson());
            if (args == null || !args.isObject()) {
                return false;
            }
            ObjectNode fn = parts.addObject().putObject("functionCall");
            if (call.id() != null) {
                fn.put("id", call.id());
            }
            fn.put("name", call.name());
            fn.set("args", args);
        }
        return true;
    }
}
