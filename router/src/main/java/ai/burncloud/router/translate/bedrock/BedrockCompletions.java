package ai.burncloud.router.translate.bedrock;

import ai.burncloud.router.translate.ir.Completion;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.UpstreamBodyException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Bedrock's non-streamed Converse answer read into a {@link Completion} (Bedrock gives no id or model). */
final class BedrockCompletions {
    private BedrockCompletions() {}

    static Completion read(JsonNode body) throws UpstreamBodyException {
        JsonNode content = body.path("output").path("message").path("content");
        if (!content.isArray()) {
            if (Jsons.text(body, "message") != null) {
                throw new UpstreamBodyException(
                        BedrockExceptions.of(Jsons.text(body, "__type"), Jsons.text(body, "message")));
            }
            throw UpstreamBodyException.unreadable("upstream Converse answer has no output message");
        }
        List<Completion.Part> parts = new ArrayList<>();
        for (JsonNode block : content) {
            if (block.has("text")) {
                parts.add(new Completion.Text(block.path("text").asText("")));
            } else if (block.has("toolUse")) {
                JsonNode use = block.get("toolUse");
                JsonNode input = Jsons.field(use, "input");
                parts.add(new Completion.ToolCall(
                        Jsons.text(use, "toolUseId"),
                        Jsons.text(use, "name"),
                        input == null ? "{}" : input.toString()));
            } else if (block.has("reasoningContent")) {
                JsonNode reasoning = block.path("reasoningContent");
                JsonNode reasoningText = reasoning.path("reasoningText");
                String text = Jsons.text(reasoningText, "text");
                String redacted = Jsons.text(reasoning, "redactedContent");
                if (text != null) {
                    parts.add(new Completion.Reasoning(text, Jsons.text(reasoningText, "signature")));
                } else if (redacted != null) {
                    parts.add(new Completion.RedactedReasoning(redacted));
                }
            }
        }
        return new Completion(
                null,
                null,
                parts,
                BedrockStopReasons.read(Jsons.text(body, "stopReason")),
                null,
                BedrockUsage.read(Jsons.field(body, "usage")));
    }
}
