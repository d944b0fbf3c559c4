package ai.burncloud.router.translate.gemini;

import ai.burncloud.router.translate.ir.Completion;
import ai.burncloud.router.translate.ir.ErrorInfo;
import ai.burncloud.router.translate.ir.FinishReason;
import ai.burncloud.router.translate.ir.Ids;
import ai.burncloud.router.translate.ir.Jsons;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reading one {@code GenerateContentResponse} (a whole answer, or one chunk of a stream): its parts,
 * finish reason and error. Shared by the stream reader and the whole-answer reader.
 */
final class GeminiChunks {
    private GeminiChunks() {}

    /** The error a chunk carries ({@code {"error":{"code","message","status"}}}), or null. */
    static ErrorInfo error(JsonNode chunk) {
        JsonNode err = Jsons.field(chunk, "error");
        if (err == null) {
            return null;
        }
        int status = (int) Jsons.number(err, "code", 502);
        if (status < 400 || status > 599) {
            status = 502;
        }
        return ErrorInfo.upstream(
                status, Jsons.text(err, "status"), err.path("message").asText("upstream reported an error"));
    }

    /**
     * Appends the first candidate's parts to {@code parts}: thought text as reasoning, function calls
     * with an id (Gemini's, or a minted one).
     *
     * @return whether a function call was among them
     */
    static boolean parts(JsonNode chunk, List<Completion.Part> parts) {
        boolean sawCall = false;
        for (JsonNode p : firstCandidate(chunk).path("content").path("parts")) {
            if (p.has("text")) {
                String text = p.path("text").asText("");
                if (!text.isEmpty()) {
                    parts.add(
                            p.path("thought").asBoolean(false)
                                    ? new Completion.Reasoning(text)
                                    : new Completion.Text(text));
                }
            } else if (p.has("functionCall")) {
                JsonNode call = p.get("functionCall");
                String id = Jsons.text(call, "id");
                JsonNode args = Jsons.field(call, "args");
                parts.add(new Completion.ToolCall(
                        id != null ? id : Ids.random("call_"),
                        Jsons.text(call, "name"),
                        args == null ? "{}" : args.toString()));
                sawCall = true;
            }
        }
        return sawCall;
    }

    /** The finish reason of the first candidate, or a content-filter stop when the prompt was blocked. */
    static FinishReason finish(JsonNode chunk, boolean sawToolCall) {
        String reason = Jsons.text(firstCandidate(chunk), "finishReason");
        if (reason != null) {
            return GeminiFinishReasons.read(reason, sawToolCall);
        }
        if (Jsons.text(chunk.path("promptFeedback"), "blockReason") != null) {
            return FinishReason.CONTENT_FILTER;
        }
        return null;
    }

    static JsonNode firstCandidate(JsonNode chunk) {
        return chunk.path("candidates").path(0);
    }
}
