package ai.burncloud.router.translate.anthropic;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ir.Completion;
import ai.burncloud.router.translate.ir.ErrorInfo;
import ai.burncloud.router.translate.ir.FinishReason;
import ai.burncloud.router.translate.ir.Ids;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.UpstreamBodyException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Anthropic's non-streamed {@code message} body, read into and written from a {@link Completion}. */
public final class AnthropicCompletions {
    private AnthropicCompletions() {}

    public static Completion read(JsonNode body) throws UpstreamBodyException {
        if ("error".equals(Jsons.text(body, "type")) || Jsons.field(body, "error") != null) {
            throw new UpstreamBodyException(readError(body));
        }
        JsonNode content = Jsons.field(body, "content");
        if (content == null || !content.isArray()) {
            throw UpstreamBodyException.unreadable("upstream message has no content array");
        }
        List<Completion.Part> parts = new ArrayList<>();
        for (JsonNode block : content) {
            String type = Jsons.text(block, "type");
            if ("text".equals(type)) {
                parts.add(new Completion.Text(block.path("text").asText("")));
            } else if ("thinking".equals(type)) {
                parts.add(new Completion.Reasoning(block.path("thinking").asText(""), Jsons.text(block, "signature")));
            } else if ("redacted_thinking".equals(type)) {
                parts.add(new Completion.RedactedReasoning(block.path("data").asText("")));
            } else if ("tool_use".equals(type)) {
                JsonNode input = Jsons.field(block, "input");
                parts.add(new Completion.ToolCall(
                        Jsons.text(block, "id"), Jsons.text(block, "name"), input == null ? "{}" : input.toString()));
            }
        }
        return new Completion(
                Jsons.text(body, "id"),
                Jsons.text(body, "model"),
                parts,
                AnthropicStopReasons.read(Jsons.text(body, "stop_reason")),
                Jsons.text(body, "stop_sequence"),
                AnthropicUsage.read(Jsons.field(body, "usage")));
    }

    /** A Messages {@code usage} object (for answers forwarded as bytes, e.g. Bedrock InvokeModel). */
    public static TokenUsage readUsage(JsonNode usage) {
        return AnthropicUsage.read(usage);
    }

    public static ObjectNode write(Completion c, String fallbackModel) {
        ObjectNode root = Json.object();
        root.put("id", c.id() != null ? c.id() : Ids.random("msg_"));
        root.put("type", "message");
        root.put("role", "assistant");
        root.put("model", c.model() != null ? c.model() : fallbackModel);
        ArrayNode content = root.putArray("content");
        for (Completion.Part p : c.parts()) {
            if (p instanceof Completion.Reasoning r) {
                content.addObject()
                        .put("type", "thinking")
                        .put("thinking", r.text())
                        .put("signature", r.signature() != null ? r.signature() : "");
            } else if (p instanceof Completion.RedactedReasoning rr) {
                content.addObject().put("type", "redacted_thinking").put("data", rr.data());
            } else if (p instanceof Completion.Text t) {
                ObjectNode block = content.addObject().put("type", "text").put("text", t.text());
                block.putNull("citations");
            } else if (p instanceof Completion.ToolCall call) {
                ObjectNode block = content.addObject().put("type", "tool_use");
                block.put("id", call.id() != null ? call.id() : Ids.random("toolu_"));
                block.put("name", call.name());
                block.set("input", parseArguments(call.argumentsJson()));
                block.putObject("caller").put("type", "direct");
            }
        }
        root.put(
                "stop_reason",
                AnthropicStopReasons.write(
                        FinishReason.afterToolCalls(c.finish(), !c.toolCalls().isEmpty())));
        if (c.stopSequence() != null) {
            root.put("stop_sequence", c.stopSequence());
        } else {
            root.putNull("stop_sequence");
        }
        root.putNull("stop_details");
        root.putNull("container");
        root.set("usage", AnthropicUsage.write(c.usage()));
        return root;
    }

    /** Tool arguments as a JSON object; an upstream's malformed arguments are kept as a string field. */
    static JsonNode parseArguments(String json) {
        JsonNode parsed = Jsons.parseOrNull(json);
        if (parsed != null && parsed.isObject()) {
            return parsed;
        }
        return Json.object().put("_raw_arguments", json);
    }

    /** An Anthropic {@code {"type":"error","error":{…}}} object (a body or a stream event). */
    static ErrorInfo readError(JsonNode body) {
        JsonNode err = body.path("error");
        String type = Jsons.text(err, "type");
        return ErrorInfo.upstream(statusOf(type), type, err.path("message").asText("upstream reported an error"));
    }

    static int statusOf(String anthropicErrorType) {
        if (anthropicErrorType == null) {
            return 502;
        }
        return switch (anthropicErrorType) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "billing_error" -> 402;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "timeout_error" -> 504;
            case "overloaded_error" -> 529;
            default -> 500;
        };
    }
}
