package ai.burncloud.router.translate.anthropic;

import ai.burncloud.common.Json;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.UpstreamTarget;
import ai.burncloud.router.translate.ir.ChatRequest;
import ai.burncloud.router.translate.ir.ChatRequest.Part;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.MergedTurns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as an Anthropic {@code /v1/messages} body. Anthropic insists on a few
 * things the others do not: {@code max_tokens} (default from the channel config's
 * {@code max_tokens}, else 4096), temperature at most 1 and not together with top_p, strictly structured turns (consecutive
 * same-role messages merged, tool results first in their user turn), no {@code tool_choice} without
 * tools. Thinking follows {@link AnthropicThinking}; earlier reasoning goes back only when signed and
 * only while thinking is on.
 */
public final class AnthropicRequestWriter {
    static final long DEFAULT_MAX_TOKENS = 4096;
    /** How JSON-object mode is asked for: Anthropic has native JSON only with a schema. */
    static final String JSON_OBJECT_INSTRUCTION = "Respond with a single valid JSON object and nothing else.";

    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private AnthropicRequestWriter() {}

    public static ObjectNode write(ChatRequest r, UpstreamTarget target) throws TranslationException {
        ObjectNode root = Json.object();
        root.put("model", target.upstreamModel());
        AnthropicThinking thinking = AnthropicThinking.plan(r, maxTokens(r, target.config()));
        root.put("max_tokens", thinking != null ? thinking.maxTokens() : maxTokens(r, target.config()));
        if (thinking != null) {
            root.set("thinking", thinking.json());
        }
        List<String> system = new ArrayList<>(r.system());
        if (r.responseFormat() != null && r.responseFormat().kind() == ChatRequest.ResponseFormat.Kind.JSON_OBJECT) {
            system.add(JSON_OBJECT_INSTRUCTION);
        }
        if (!system.isEmpty()) {
            root.put("system", String.join("\n\n", system));
        }
        root.set(
                "messages",
                MergedTurns.write(
                        r.messages(), (tr, role) -> toolResult(tr), (p, role) -> block(p, role, thinking != null)));
        if (!r.tools().isEmpty()) {
            ArrayNode tools = root.putArray("tools");
            for (ChatRequest.ToolDef t : r.tools()) {
                ObjectNode tool = tools.addObject().put("name", t.name());
                if (t.description() != null) {
                    tool.put("description", t.description());
                }
                tool.set("input_schema", t.schema());
            }
            ObjectNode choice = toolChoice(r.toolChoice());
            if (Boolean.FALSE.equals(r.parallelToolCalls()) && !"none".equals(Jsons.text(choice, "type"))) {
                if (choice == null) {
                    choice = Json.object().put("type", "auto");
                }
                choice.put("disable_parallel_tool_use", true);
            }
            if (choice != null) {
                root.set("tool_choice", choice);
            }
        }
        if (r.responseFormat() != null && r.responseFormat().kind() == ChatRequest.ResponseFormat.Kind.JSON_SCHEMA) {
            ObjectNode format = root.putObject("output_config").putObject("format");
            format.put("type", "json_schema");
            format.set("schema", r.responseFormat().schema());
        }
        if (!r.stop().isEmpty()) {
            ArrayNode stop = root.putArray("stop_sequences");
            r.stop().forEach(stop::add);
        }
        if (thinking != null) {
            Double topP = AnthropicThinking.allowedTopP(r.topP());
            if (topP != null) {
                root.put("top_p", topP);
            }
        } else if (r.temperature() != null) {
            root.put("temperature", Math.min(1.0, r.temperature()));
        } else if (r.topP() != null) {
            // current Claude models refuse temperature and top_p together; temperature wins
            root.put("top_p", r.topP());
        }
        if (r.topK() != null && thinking == null) {
            root.put("top_k", r.topK());
        }
        if (r.user() != null) {
            root.putObject("metadata").put("user_id", r.user());
        }
        if (r.stream()) {
            root.put("stream", true);
        }
        return root;
    }

    static long maxTokens(ChatRequest r, JsonNode config) {
        if (r.maxTokens() != null) {
            return r.maxTokens();
        }
        return Jsons.number(config, "max_tokens", DEFAULT_MAX_TOKENS);
    }

    private static ObjectNode block(Part p, ChatRequest.Role role, boolean thinking) throws TranslationException {
        if (p instanceof ChatRequest.Reasoning rs) {
            // Claude checks the signature; unsigned reasoning (from another upstream) cannot go back
            return thinking && rs.signature() != null && role == ChatRequest.Role.ASSISTANT
                    ? Json.object()
                            .put("type", "thinking")
                            .put("thinking", rs.text())
                            .put("signature", rs.signature())
                    : null;
        }
        if (p instanceof ChatRequest.RedactedReasoning rr) {
            return thinking && role == ChatRequest.Role.ASSISTANT
                    ? Json.object().put("type", "redacted_thinking").put("data", rr.data())
                    : null;
        }
        if (p instanceof ChatRequest.Text t) {
            // Anthropic rejects empty text blocks
            return t.text().isEmpty() ? null : Json.object().put("type", "text").put("text", t.text());
        }
        if (p instanceof ChatRequest.ToolCall c) {
            if (role != ChatRequest.Role.ASSISTANT) {
                throw new TranslationException("tool calls may only appear in assistant messages");
            }
            JsonNode input = Jsons.parseOrNull(c.argumentsJson());
            if (input == null || !input.isObject()) {
                throw new TranslationException("the arguments of tool call " + c.id() + " are not a JSON object");
            }
            ObjectNode block =
                    Json.object().put("type", "tool_use").put("id", c.id()).put("name", c.name());
            block.set("input", input);
            return block;
        }
        return media(p);
    }

    private static ObjectNode media(Part p) throws TranslationException {
        if (p instanceof ChatRequest.Media m) {
            String kind = kind(m.mediaType());
            ObjectNode block = Json.object().put("type", kind);
            block.putObject("source")
                    .put("type", "base64")
                    .put("media_type", m.mediaType())
                    .put("data", m.base64());
            return block;
        }
        if (p instanceof ChatRequest.MediaUrl u) {
            String kind = u.mediaType() == null ? "image" : kind(u.mediaType());
            ObjectNode block = Json.object().put("type", kind);
            block.putObject("source").put("type", "url").put("url", u.url());
            return block;
        }
        throw new TranslationException("unsupported content for anthropic channels");
    }

    private static String kind(String mediaType) throws TranslationException {
        if (IMAGE_TYPES.contains(mediaType)) {
            return "image";
        }
        if (mediaType.equals("application/pdf")) {
            return "document";
        }
        throw new TranslationException("media type " + mediaType + " is not supported on anthropic channels");
    }

    private static ObjectNode toolResult(ChatRequest.ToolResult tr) throws TranslationException {
        ObjectNode block = Json.object().put("type", "tool_result").put("tool_use_id", tr.callId());
        ArrayNode content = block.putArray("content");
        for (Part p : tr.content()) {
            if (p instanceof ChatRequest.Text t) {
                if (!t.text().isEmpty()) {
                    content.addObject().put("type", "text").put("text", t.text());
                }
            } else {
                content.add(media(p));
            }
        }
        if (tr.isError()) {
            block.put("is_error", true);
        }
        return block;
    }

    private static ObjectNode toolChoice(ChatRequest.ToolChoice choice) {
        if (choice == null) {
            return null;
        }
        return switch (choice.mode()) {
            case AUTO -> Json.object().put("type", "auto");
            case NONE -> Json.object().put("type", "none");
            case REQUIRED -> Json.object().put("type", "any");
            case FUNCTION -> Json.object().put("type", "tool").put("name", choice.name());
        };
    }
}
