package ai.burncloud.router.translate.ir;

import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.ir.ChatRequest.Message;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an OpenAI {@code /v1/responses} request into a {@link ChatRequest}, for upstreams that
 * only speak chat (Anthropic, Gemini, Bedrock). {@code instructions} join the system text;
 * {@code max_output_tokens}, sampling, function tools, {@code tool_choice},
 * {@code parallel_tool_calls} and {@code text.format} map to their chat equivalents.
 *
 * <p>Refused, because dropping them would change the answer: {@code previous_response_id} and
 * {@code conversation} (BurnCloud keeps no response store), background mode, stored prompts, and
 * hosted tools (file search, computer use…) other than an offered web search, which is left out.
 * Members of {@code namespace} tools become flat functions ({@link ResponsesToolNames}). Ignored,
 * because they only concern OpenAI's storage or output extras: {@code store}, {@code include},
 * {@code metadata}, {@code client_metadata}, {@code truncation}, {@code service_tier},
 * {@code prompt_cache_key}. {@code reasoning.effort} maps like chat's
 * {@code reasoning_effort} (docs/PROTOCOLS.md, "Thinking and reasoning"); reasoning items in the
 * input are dropped.
 */
public final class ResponsesRequestReader {
    private ResponsesRequestReader() {}

    /**
     * @param upstream the upstream's name, for error messages (e.g. "anthropic")
     */
    public static ChatRequest read(JsonNode body, String upstream) throws TranslationException {
        refuseUnsupported(body, upstream);
        List<String> system = new ArrayList<>();
        String instructions = Jsons.text(body, "instructions");
        if (instructions != null && !instructions.isEmpty()) {
            system.add(instructions);
        }
        List<Message> messages = ResponsesInputReader.read(Jsons.field(body, "input"), upstream, system);
        JsonNode maxTokens = Jsons.field(body, "max_output_tokens");
        String user = Jsons.text(body, "safety_identifier");
        return new ChatRequest(
                system,
                messages,
                tools(Jsons.field(body, "tools"), upstream),
                toolChoice(Jsons.field(body, "tool_choice"), upstream),
                Jsons.bool(Jsons.field(body, "parallel_tool_calls")),
                format(Jsons.field(Jsons.field(body, "text"), "format"), upstream),
                List.of(),
                Jsons.dbl(Jsons.field(body, "temperature")),
                Jsons.dbl(Jsons.field(body, "top_p")),
                null,
                maxTokens != null && maxTokens.isNumber() ? maxTokens.asLong() : null,
                null,
                null,
                null,
                user != null ? user : Jsons.text(body, "user"),
                body.path("stream").asBoolean(false),
                OpenAiRequestReader.reasoning(
                        Jsons.field(Jsons.field(body, "reasoning"), "effort"), "reasoning.effort"));
    }

    private static void refuseUnsupported(JsonNode body, String upstream) throws TranslationException {
        if (Jsons.field(body, "previous_response_id") != null) {
            throw new TranslationException("\"previous_response_id\" is not supported on " + upstream
                    + " channels: BurnCloud keeps no response store; send the whole conversation in \"input\"");
        }
        if (Jsons.field(body, "conversation") != null) {
            throw new TranslationException("\"conversation\" is not supported on " + upstream
                    + " channels: BurnCloud keeps no conversation store; send the whole conversation in \"input\"");
        }
        if (body.path("background").asBoolean(false)) {
            throw new TranslationException("background responses are not supported on " + upstream + " channels");
        }
        if (Jsons.field(body, "prompt") != null) {
            throw new TranslationException(
                    "stored prompts (\"prompt\") are not supported on " + upstream + " channels");
        }
        JsonNode topLogprobs = Jsons.field(body, "top_logprobs");
        if (topLogprobs != null && topLogprobs.asInt(0) > 0) {
            throw new TranslationException("\"top_logprobs\" is not supported on " + upstream + " channels");
        }
    }

    /**
     * Responses function tools are flat: {@code {type, name, description, parameters, strict}}. The
     * members of {@code namespace} tools are offered as {@code <namespace>__<name>}
     * ({@link ResponsesToolNames}). OpenAI's web search is left out: it is only an offer (Codex makes it
     * on every turn), the upstream cannot run it, and the model answers without it; a request that
     * forces it is refused by {@link #toolChoice}. Every other hosted tool is refused.
     */
    private static List<ChatRequest.ToolDef> tools(JsonNode tools, String upstream) throws TranslationException {
        List<ChatRequest.ToolDef> defs = new ArrayList<>();
        if (tools == null) {
            return defs;
        }
        for (JsonNode t : tools) {
            String type = Jsons.text(t, "type");
            if (type != null && type.startsWith("web_search")) {
                continue;
            }
            if ("namespace".equals(type)) {
                String namespace = Jsons.text(t, "name");
                if (namespace == null) {
                    throw new TranslationException("every namespace tool needs a \"name\"");
                }
                for (JsonNode member : t.path("tools")) {
                    defs.add(function(member, namespace, upstream));
                }
                continue;
            }
            defs.add(function(t, null, upstream));
        }
        return defs;
    }

    private static ChatRequest.ToolDef function(JsonNode t, String namespace, String upstream)
            throws TranslationException {
        String type = Jsons.text(t, "type");
        if (!"function".equals(type)) {
            throw new TranslationException("tool type \"" + type + "\" is not supported on " + upstream
                    + " channels (only \"function\", in or out of a \"namespace\")");
        }
        String name = Jsons.text(t, "name");
        if (name == null) {
            throw new TranslationException("every function tool needs a \"name\"");
        }
        JsonNode params = Jsons.field(t, "parameters");
        return new ChatRequest.ToolDef(
                ResponsesToolNames.flat(namespace, name),
                Jsons.text(t, "description"),
                params != null ? params : Jsons.emptyObjectSchema());
    }

    private static ChatRequest.ToolChoice toolChoice(JsonNode choice, String upstream) throws TranslationException {
        if (choice == null) {
            return null;
        }
        if (choice.isTextual()) {
            return switch (choice.asText()) {
                case "auto" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.AUTO, null);
                case "none" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.NONE, null);
                case "required" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.REQUIRED, null);
                default -> throw new TranslationException("unknown \"tool_choice\": " + choice.asText());
            };
        }
        String name = Jsons.text(choice, "name");
        if ("function".equals(Jsons.text(choice, "type")) && name != null) {
            return new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.FUNCTION, name);
        }
        throw new TranslationException("this \"tool_choice\" is not supported on " + upstream + " channels");
    }

    /** {@code text.format}: Responses flattens the schema ({@code {type, name, schema, strict}}). */
    private static ChatRequest.ResponseFormat format(JsonNode format, String upstream) throws TranslationException {
        if (format == null) {
            return null;
        }
        String type = Jsons.text(format, "type");
        if (type == null || type.equals("text")) {
            return null;
        }
        if (type.equals("json_object")) {
            return new ChatRequest.ResponseFormat(ChatRequest.ResponseFormat.Kind.JSON_OBJECT, null, null);
        }
        if (type.equals("json_schema")) {
            JsonNode schema = Jsons.field(format, "schema");
            return new ChatRequest.ResponseFormat(
                    ChatRequest.ResponseFormat.Kind.JSON_SCHEMA,
                    Jsons.text(format, "name"),
                    schema != null ? schema : Jsons.emptyObjectSchema());
        }
        throw new TranslationException(
                "\"text.format\" type \"" + type + "\" is not supported on " + upstream + " channels");
    }
}
