package ai.burncloud.router.translate.anthropic;

import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.ir.ChatRequest;
import ai.burncloud.router.translate.ir.ChatRequest.Part;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.ReasoningSetting;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Anthropic {@code /v1/messages} (or {@code count_tokens}) request into a {@link ChatRequest}
 * for non-Anthropic upstreams. Refused: server and computer-use tools, MCP servers, containers and
 * content blocks that only Anthropic can execute. Dropped as hints that do not change the answer's
 * meaning: {@code cache_control}, {@code service_tier}. {@code thinking} becomes the request's
 * {@link ReasoningSetting} ({@code output_config.effort} counts with adaptive thinking); earlier
 * {@code thinking} and {@code redacted_thinking} blocks are kept with their signatures, for
 * upstreams that can take them back (Bedrock Claude).
 */
public final class AnthropicRequestReader {
    /** Anthropic's {@code error.details.error_code} for a message thread the upstream cannot hold. */
    static final String THREAD_UNSUPPORTED = "thread_unsupported_request";

    private AnthropicRequestReader() {}

    /**
     * "thread" (the message-threads beta: the server holds the history) cannot be honoured by an
     * upstream that only sees this request's messages: dropping it would send a conversation that starts
     * with a tool result. Refused as Anthropic refuses it, with {@code thread_unsupported_request}.
     */
    public static void refuseThread(JsonNode body, String upstream) throws TranslationException {
        if (Jsons.field(body, "thread") != null) {
            throw TranslationException.withErrorCode(
                    "\"thread\" (message threads) is only supported on anthropic channels, not on " + upstream
                            + " channels: send the whole conversation in \"messages\"",
                    THREAD_UNSUPPORTED);
        }
    }

    public static ChatRequest read(JsonNode body, String upstream) throws TranslationException {
        refuseThread(body, upstream);
        for (String field : new String[] {"mcp_servers", "container"}) {
            if (Jsons.field(body, field) != null) {
                throw new TranslationException("\"" + field + "\" is only supported on anthropic channels");
            }
        }
        JsonNode msgs = Jsons.field(body, "messages");
        if (msgs == null || !msgs.isArray() || msgs.isEmpty()) {
            throw new TranslationException("\"messages\" must be a non-empty array");
        }
        Map<String, String> toolNames = new HashMap<>();
        List<ChatRequest.Message> messages = new ArrayList<>();
        List<String> system = system(Jsons.field(body, "system"));
        for (JsonNode m : msgs) {
            String role = Jsons.text(m, "role");
            ChatRequest.Role r;
            if ("user".equals(role)) {
                r = ChatRequest.Role.USER;
            } else if ("assistant".equals(role)) {
                r = ChatRequest.Role.ASSISTANT;
            } else if ("system".equals(role)) {
                // Claude Code sends system messages mid-conversation; every upstream we convert to has one
                // system instruction, so they join it in order (docs/PROTOCOLS.md, "Claude Code")
                system.addAll(system(Jsons.field(m, "content")));
                continue;
            } else {
                throw new TranslationException("message role must be \"user\", \"assistant\" or \"system\"");
            }
            messages.add(new ChatRequest.Message(r, blocks(Jsons.field(m, "content"), toolNames, upstream)));
        }
        if (messages.isEmpty()) {
            throw new TranslationException("\"messages\" must contain a user or assistant message");
        }
        JsonNode toolChoice = Jsons.field(body, "tool_choice");
        Boolean parallel = null;
        if (toolChoice != null && toolChoice.path("disable_parallel_tool_use").asBoolean(false)) {
            parallel = false;
        }
        return new ChatRequest(
                system,
                messages,
                tools(Jsons.field(body, "tools"), upstream),
                toolChoice(toolChoice),
                parallel,
                responseFormat(Jsons.field(body, "output_config")),
                stop(Jsons.field(body, "stop_sequences")),
                Jsons.dbl(Jsons.field(body, "temperature")),
                Jsons.dbl(Jsons.field(body, "top_p")),
                Jsons.intOrNull(Jsons.field(body, "top_k")),
                Jsons.longOrNull(Jsons.field(body, "max_tokens")),
                null,
                null,
                null,
                Jsons.text(body.path("metadata"), "user_id"),
                body.path("stream").asBoolean(false),
                reasoning(Jsons.field(body, "thinking"), Jsons.field(body.path("output_config"), "effort")));
    }

    private static ReasoningSetting reasoning(JsonNode thinking, JsonNode effort) throws TranslationException {
        if (thinking == null) {
            return null;
        }
        String type = Jsons.text(thinking, "type");
        if ("enabled".equals(type)) {
            JsonNode budget = Jsons.field(thinking, "budget_tokens");
            if (budget == null || !budget.canConvertToLong() || budget.asLong() < ReasoningSetting.MIN_BUDGET) {
                throw new TranslationException("thinking.budget_tokens: must be an integer of at least 1024");
            }
            return ReasoningSetting.ofBudget(budget.asLong()).withIncludeThoughts(true);
        }
        if ("adaptive".equals(type)) {
            ReasoningSetting byEffort = ReasoningSetting.fromEffortWord(effort == null ? null : effort.asText());
            return (byEffort != null && byEffort.isOn() ? byEffort : ReasoningSetting.dynamic())
                    .withIncludeThoughts(true);
        }
        if ("disabled".equals(type)) {
            return ReasoningSetting.off();
        }
        throw new TranslationException("thinking.type: must be \"enabled\", \"adaptive\" or \"disabled\"");
    }

    private static List<String> system(JsonNode system) throws TranslationException {
        List<String> out = new ArrayList<>();
        if (system == null) {
            return out;
        }
        if (system.isTextual()) {
            if (!system.asText().isEmpty()) {
                out.add(system.asText());
            }
            return out;
        }
        for (JsonNode block : system) {
            if (!"text".equals(Jsons.text(block, "type"))) {
                throw new TranslationException("\"system\" may only contain text blocks");
            }
            out.add(block.path("text").asText(""));
        }
        return out;
    }

    private static List<Part> blocks(JsonNode content, Map<String, String> toolNames, String upstream)
            throws TranslationException {
        List<Part> parts = new ArrayList<>();
        if (content == null) {
            return parts;
        }
        if (content.isTextual()) {
            parts.add(new ChatRequest.Text(content.asText()));
            return parts;
        }
        for (JsonNode block : content) {
            String type = Jsons.text(block, "type");
            if (type == null) {
                throw new TranslationException("every content block needs a \"type\"");
            }
            switch (type) {
                case "text" -> parts.add(new ChatRequest.Text(block.path("text").asText("")));
                case "image", "document" -> parts.add(source(block.path("source"), type, upstream));
                case "tool_use" -> {
                    String id = Jsons.text(block, "id");
                    String name = Jsons.text(block, "name");
                    JsonNode input = Jsons.field(block, "input");
                    toolNames.put(id, name);
                    parts.add(new ChatRequest.ToolCall(id, name, input == null ? "{}" : input.toString()));
                }
                case "tool_result" -> {
                    String id = Jsons.text(block, "tool_use_id");
                    List<Part> result = blocks(Jsons.field(block, "content"), toolNames, upstream);
                    for (Part p : result) {
                        if (p instanceof ChatRequest.ToolCall || p instanceof ChatRequest.ToolResult) {
                            throw new TranslationException("a tool_result may only contain text, images and documents");
                        }
                    }
                    parts.add(new ChatRequest.ToolResult(
                            id,
                            toolNames.get(id),
                            result,
                            block.path("is_error").asBoolean(false)));
                }
                case "thinking" ->
                    parts.add(new ChatRequest.Reasoning(
                            block.path("thinking").asText(""), signature(Jsons.text(block, "signature"))));
                case "redacted_thinking" -> parts.add(new ChatRequest.RedactedReasoning(Jsons.text(block, "data")));
                default ->
                    throw new TranslationException(
                            "content block type \"" + type + "\" is not supported on " + upstream + " channels");
            }
        }
        return parts;
    }

    /** An empty signature (what we send when the upstream gave none) signs nothing. */
    private static String signature(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Part source(JsonNode source, String blockType, String upstream) throws TranslationException {
        String type = Jsons.text(source, "type");
        if ("base64".equals(type)) {
            return new ChatRequest.Media(
                    source.path("media_type").asText("application/octet-stream"),
                    source.path("data").asText(""));
        }
        if ("url".equals(type)) {
            return new ChatRequest.MediaUrl(
                    source.path("url").asText(), "document".equals(blockType) ? "application/pdf" : null);
        }
        if ("text".equals(type) && "document".equals(blockType)) {
            return new ChatRequest.Text(source.path("data").asText(""));
        }
        throw new TranslationException(
                blockType + " source type \"" + type + "\" is not supported on " + upstream + " channels");
    }

    private static List<ChatRequest.ToolDef> tools(JsonNode tools, String upstream) throws TranslationException {
        List<ChatRequest.ToolDef> defs = new ArrayList<>();
        if (tools == null) {
            return defs;
        }
        for (JsonNode t : tools) {
            String type = Jsons.text(t, "type");
            if (type != null && !type.equals("custom")) {
                throw new TranslationException("tool type \"" + type
                        + "\" runs on Anthropic's servers and is not supported on " + upstream + " channels");
            }
            String name = Jsons.text(t, "name");
            if (name == null) {
                throw new TranslationException("every tool needs a \"name\"");
            }
            JsonNode schema = Jsons.field(t, "input_schema");
            defs.add(new ChatRequest.ToolDef(
                    name, Jsons.text(t, "description"), schema != null ? schema : Jsons.emptyObjectSchema()));
        }
        return defs;
    }

    private static ChatRequest.ToolChoice toolChoice(JsonNode choice) throws TranslationException {
        if (choice == null) {
            return null;
        }
        String type = Jsons.text(choice, "type");
        if (type == null) {
            throw new TranslationException("\"tool_choice\" needs a \"type\"");
        }
        return switch (type) {
            case "auto" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.AUTO, null);
            case "any" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.REQUIRED, null);
            case "none" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.NONE, null);
            case "tool" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.FUNCTION, Jsons.text(choice, "name"));
            default -> throw new TranslationException("unknown \"tool_choice\" type \"" + type + "\"");
        };
    }

    private static ChatRequest.ResponseFormat responseFormat(JsonNode outputConfig) {
        JsonNode format = Jsons.field(outputConfig, "format");
        if (format == null || !"json_schema".equals(Jsons.text(format, "type"))) {
            return null;
        }
        JsonNode schema = Jsons.field(format, "schema");
        return new ChatRequest.ResponseFormat(
                ChatRequest.ResponseFormat.Kind.JSON_SCHEMA,
                "response",
                schema != null ? schema : Jsons.emptyObjectSchema());
    }

    private static List<String> stop(JsonNode stop) {
        List<String> out = new ArrayList<>();
        if (stop != null && stop.isArray()) {
            for (JsonNode s : stop) {
                if (s.isTextual()) {
                    out.add(s.asText());
                }
            }
        }
        return out;
    }
}
