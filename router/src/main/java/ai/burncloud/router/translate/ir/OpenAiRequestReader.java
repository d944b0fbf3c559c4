package ai.burncloud.router.translate.ir;

import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.ir.ChatRequest.Message;
import ai.burncloud.router.translate.ir.ChatRequest.Part;
import ai.burncloud.router.translate.ir.ChatRequest.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an OpenAI {@code /v1/chat/completions} request into a {@link ChatRequest}, for non-OpenAI
 * upstreams. Whatever would change the answer's meaning if dropped and has no neutral form is
 * refused here ({@code n > 1}, logprobs, audio output, legacy functions, non-function tools…).
 */
public final class OpenAiRequestReader {
    private OpenAiRequestReader() {}

    /**
     * @param upstream the upstream's name, for error messages (e.g. "anthropic")
     */
    public static ChatRequest read(JsonNode body, String upstream) throws TranslationException {
        refuseUnsupported(body, upstream);
        List<String> system = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        Map<String, String> toolNames = new HashMap<>();
        JsonNode msgs = body.get("messages");
        if (msgs == null || !msgs.isArray() || msgs.isEmpty()) {
            throw new TranslationException("\"messages\" must be a non-empty array");
        }
        for (JsonNode m : msgs) {
            String role = Jsons.text(m, "role");
            if (role == null) {
                throw new TranslationException("every message needs a \"role\"");
            }
            switch (role) {
                case "system", "developer" -> {
                    String text = textOnly(Jsons.field(m, "content"), role);
                    if (!text.isEmpty()) {
                        system.add(text);
                    }
                }
                case "user" -> messages.add(new Message(Role.USER, parts(Jsons.field(m, "content"), upstream)));
                case "assistant" -> messages.add(new Message(Role.ASSISTANT, assistantParts(m, toolNames)));
                case "tool" -> {
                    String callId = Jsons.text(m, "tool_call_id");
                    if (callId == null) {
                        throw new TranslationException("a \"tool\" message needs \"tool_call_id\"");
                    }
                    List<Part> content = parts(Jsons.field(m, "content"), upstream);
                    messages.add(new Message(
                            Role.USER,
                            List.of(new ChatRequest.ToolResult(callId, toolNames.get(callId), content, false))));
                }
                default ->
                    throw new TranslationException(
                            "message role \"" + role + "\" is not supported on " + upstream + " channels");
            }
        }
        JsonNode maxTokens = Jsons.field(body, "max_completion_tokens");
        if (maxTokens == null) {
            maxTokens = Jsons.field(body, "max_tokens");
        }
        return new ChatRequest(
                system,
                messages,
                tools(Jsons.field(body, "tools"), upstream),
                toolChoice(Jsons.field(body, "tool_choice"), upstream),
                Jsons.bool(Jsons.field(body, "parallel_tool_calls")),
                responseFormat(Jsons.field(body, "response_format"), upstream),
                stop(Jsons.field(body, "stop")),
                Jsons.dbl(Jsons.field(body, "temperature")),
                Jsons.dbl(Jsons.field(body, "top_p")),
                null,
                maxTokens != null && maxTokens.isNumber() ? maxTokens.asLong() : null,
                Jsons.longOrNull(Jsons.field(body, "seed")),
                Jsons.dbl(Jsons.field(body, "presence_penalty")),
                Jsons.dbl(Jsons.field(body, "frequency_penalty")),
                Jsons.text(body, "user"),
                body.path("stream").asBoolean(false),
                reasoning(Jsons.field(body, "reasoning_effort")));
    }

    private static ReasoningSetting reasoning(JsonNode effort) throws TranslationException {
        if (effort == null || effort.isNull()) {
            return null;
        }
        ReasoningSetting setting = ReasoningSetting.fromEffortWord(effort.asText());
        if (setting == null) {
            throw new TranslationException(
                    "\"reasoning_effort\" must be one of none, minimal, low, medium, high (got " + effort + ")");
        }
        return setting;
    }

    /** Whether an OpenAI client asked for the usage chunk at the end of its stream. */
    public static boolean includeUsage(JsonNode body) {
        return body.path("stream_options").path("include_usage").asBoolean(false);
    }

    /**
     * As {@link #includeUsage(JsonNode)}, for the response side, which has no way to refuse: a body
     * that does not parse asked for nothing.
     */
    public static boolean includeUsage(ClientRequest request) {
        try {
            return includeUsage(request.json());
        } catch (TranslationException e) {
            return false;
        }
    }

    private static void refuseUnsupported(JsonNode body, String upstream) throws TranslationException {
        JsonNode n = Jsons.field(body, "n");
        if (n != null && n.asInt(1) > 1) {
            throw new TranslationException("\"n\" > 1 is not supported on " + upstream + " channels");
        }
        if (body.path("logprobs").asBoolean(false) || Jsons.field(body, "top_logprobs") != null) {
            throw new TranslationException("\"logprobs\" is not supported on " + upstream + " channels");
        }
        JsonNode modalities = Jsons.field(body, "modalities");
        if (Jsons.field(body, "audio") != null
                || (modalities != null && modalities.toString().contains("audio"))) {
            throw new TranslationException("audio output is not supported on " + upstream + " channels");
        }
        JsonNode bias = Jsons.field(body, "logit_bias");
        if (bias != null && bias.size() > 0) {
            throw new TranslationException("\"logit_bias\" is not supported on " + upstream + " channels");
        }
        if (Jsons.field(body, "functions") != null || Jsons.field(body, "function_call") != null) {
            throw new TranslationException("legacy \"functions\"/\"function_call\" are not supported on " + upstream
                    + " channels; use \"tools\"");
        }
        if (Jsons.field(body, "prediction") != null) {
            throw new TranslationException("\"prediction\" is not supported on " + upstream + " channels");
        }
        if (Jsons.field(body, "web_search_options") != null) {
            throw new TranslationException("\"web_search_options\" is not supported on " + upstream + " channels");
        }
    }

    private static List<Part> assistantParts(JsonNode m, Map<String, String> toolNames) throws TranslationException {
        List<Part> parts = new ArrayList<>();
        // the reasoning_content of an earlier answer is not sent back: no upstream can verify it
        JsonNode content = Jsons.field(m, "content");
        if (content != null) {
            String text = textOnly(content, "assistant");
            if (!text.isEmpty()) {
                parts.add(new ChatRequest.Text(text));
            }
        }
        JsonNode calls = Jsons.field(m, "tool_calls");
        if (calls != null) {
            for (JsonNode call : calls) {
                String id = Jsons.text(call, "id");
                JsonNode fn = call.path("function");
                String name = Jsons.text(fn, "name");
                if (id == null || name == null) {
                    throw new TranslationException("every assistant tool call needs \"id\" and \"function.name\"");
                }
                String args = Jsons.text(fn, "arguments");
                toolNames.put(id, name);
                parts.add(new ChatRequest.ToolCall(id, name, args == null || args.isBlank() ? "{}" : args));
            }
        }
        return parts;
    }

    /** Text, images, audio and files of a user or tool message. */
    private static List<Part> parts(JsonNode content, String upstream) throws TranslationException {
        List<Part> parts = new ArrayList<>();
        if (content == null) {
            return parts;
        }
        if (content.isTextual()) {
            parts.add(new ChatRequest.Text(content.asText()));
            return parts;
        }
        if (!content.isArray()) {
            throw new TranslationException("message \"content\" must be a string or an array of parts");
        }
        for (JsonNode p : content) {
            String type = Jsons.text(p, "type");
            if (type == null) {
                throw new TranslationException("every content part needs a \"type\"");
            }
            switch (type) {
                case "text", "input_text" ->
                    parts.add(new ChatRequest.Text(p.path("text").asText("")));
                case "image_url" -> {
                    JsonNode img = p.get("image_url");
                    String url = img != null && img.isTextual() ? img.asText() : Jsons.text(img, "url");
                    parts.add(media(url, null));
                }
                case "input_audio" -> {
                    JsonNode audio = p.path("input_audio");
                    String format = audio.path("format").asText("wav").toLowerCase(Locale.ROOT);
                    parts.add(new ChatRequest.Media(
                            "audio/" + format, audio.path("data").asText("")));
                }
                case "file" -> {
                    JsonNode file = p.path("file");
                    String data = Jsons.text(file, "file_data");
                    if (data == null) {
                        throw new TranslationException("file parts by \"file_id\" are not supported on " + upstream
                                + " channels; send \"file_data\" as a data URL");
                    }
                    parts.add(media(data, "application/pdf"));
                }
                default ->
                    throw new TranslationException(
                            "content part type \"" + type + "\" is not supported on " + upstream + " channels");
            }
        }
        return parts;
    }

    private static Part media(String url, String defaultType) throws TranslationException {
        if (url == null || url.isBlank()) {
            throw new TranslationException("an image or file part needs a URL");
        }
        DataUrl data = DataUrl.parse(url);
        if (data == null && url.startsWith("JVBER")) {
            // a bare base64 PDF, as some clients send file_data
            return new ChatRequest.Media(defaultType, url);
        }
        if (data != null) {
            return new ChatRequest.Media(data.mediaType(), data.base64());
        }
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new TranslationException("image URLs must be https:// or data: URLs");
        }
        return new ChatRequest.MediaUrl(url, DataUrl.guessMediaType(url));
    }

    /** The text of a system or assistant message (a string, or text parts joined). */
    private static String textOnly(JsonNode content, String role) throws TranslationException {
        if (content == null) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : content) {
            String type = Jsons.text(p, "type");
            if ("text".equals(type)) {
                sb.append(p.path("text").asText(""));
            } else if ("refusal".equals(type)) {
                sb.append(p.path("refusal").asText(""));
            } else {
                throw new TranslationException("\"" + role + "\" messages may only contain text parts");
            }
        }
        return sb.toString();
    }

    private static List<ChatRequest.ToolDef> tools(JsonNode tools, String upstream) throws TranslationException {
        List<ChatRequest.ToolDef> defs = new ArrayList<>();
        if (tools == null) {
            return defs;
        }
        for (JsonNode t : tools) {
            if (!"function".equals(Jsons.text(t, "type"))) {
                throw new TranslationException("tool type \"" + Jsons.text(t, "type") + "\" is not supported on "
                        + upstream + " channels (only \"function\")");
            }
            JsonNode fn = t.path("function");
            String name = Jsons.text(fn, "name");
            if (name == null) {
                throw new TranslationException("every tool needs \"function.name\"");
            }
            JsonNode params = Jsons.field(fn, "parameters");
            defs.add(new ChatRequest.ToolDef(
                    name, Jsons.text(fn, "description"), params != null ? params : Jsons.emptyObjectSchema()));
        }
        return defs;
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
        String name = Jsons.text(choice.path("function"), "name");
        if ("function".equals(Jsons.text(choice, "type")) && name != null) {
            return new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.FUNCTION, name);
        }
        throw new TranslationException("this \"tool_choice\" is not supported on " + upstream + " channels");
    }

    private static ChatRequest.ResponseFormat responseFormat(JsonNode format, String upstream)
            throws TranslationException {
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
            JsonNode js = format.path("json_schema");
            JsonNode schema = Jsons.field(js, "schema");
            return new ChatRequest.ResponseFormat(
                    ChatRequest.ResponseFormat.Kind.JSON_SCHEMA,
                    Jsons.text(js, "name"),
                    schema != null ? schema : Jsons.emptyObjectSchema());
        }
        throw new TranslationException(
                "\"response_format\" type \"" + type + "\" is not supported on " + upstream + " channels");
    }

    private static List<String> stop(JsonNode stop) {
        List<String> out = new ArrayList<>();
        if (stop == null) {
            return out;
        }
        if (stop.isTextual()) {
            out.add(stop.asText());
        } else if (stop.isArray()) {
            for (JsonNode s : stop) {
                if (s.isTextual() && !s.asText().isEmpty()) {
                    out.add(s.asText());
                }
            }
        }
        return out;
    }
}
