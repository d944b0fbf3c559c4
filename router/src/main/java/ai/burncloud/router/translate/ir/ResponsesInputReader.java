package ai.burncloud.router.translate.ir;

import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.ir.ChatRequest.Message;
import ai.burncloud.router.translate.ir.ChatRequest.Part;
import ai.burncloud.router.translate.ir.ChatRequest.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Responses request's {@code input} (a string, or a list of items) into neutral turns.
 * Message items become user or assistant turns (system and developer ones join the system
 * instruction); {@code function_call} items become assistant tool calls and
 * {@code function_call_output} items user tool results, consecutive ones sharing one turn so
 * parallel calls stay together; reasoning items are dropped (no other upstream can read them).
 * Items that point into a response store ({@code item_reference}) or belong to hosted tools are
 * refused: without them the conversation would silently change.
 */
final class ResponsesInputReader {
    private final String upstream;
    private final List<String> system;
    private final List<Message> messages = new ArrayList<>();
    private final Map<String, String> toolNames = new HashMap<>();

    private ResponsesInputReader(String upstream, List<String> system) {
        this.upstream = upstream;
        this.system = system;
    }

    /** Reads {@code input}, adding system texts to {@code system}; returns the turns. */
    static List<Message> read(JsonNode input, String upstream, List<String> system) throws TranslationException {
        ResponsesInputReader reader = new ResponsesInputReader(upstream, system);
        if (input == null) {
            throw new TranslationException("\"input\" is required");
        }
        if (input.isTextual()) {
            reader.messages.add(new Message(Role.USER, List.of(new ChatRequest.Text(input.asText()))));
        } else if (input.isArray()) {
            for (JsonNode item : input) {
                reader.item(item);
            }
        } else {
            throw new TranslationException("\"input\" must be a string or an array of items");
        }
        if (reader.messages.isEmpty()) {
            throw new TranslationException("\"input\" holds no message for the model");
        }
        return reader.messages;
    }

    private void item(JsonNode item) throws TranslationException {
        String type = Jsons.text(item, "type");
        if (type == null && Jsons.text(item, "role") != null) {
            type = "message"; // EasyInputMessage: {role, content} without a type
        }
        if (type == null) {
            throw new TranslationException("every \"input\" item needs a \"type\"");
        }
        switch (type) {
            case "message" -> message(item);
            case "function_call" -> functionCall(item);
            case "function_call_output" -> functionCallOutput(item);
            case "reasoning" -> {
                // reasoning is the upstream model's own (often encrypted); no other model can use it
            }
            case "item_reference" ->
                throw new TranslationException("\"item_reference\" input items are not supported on " + upstream
                        + " channels: BurnCloud keeps no response store; send the items themselves");
            default ->
                throw new TranslationException(
                        "input item type \"" + type + "\" is not supported on " + upstream + " channels");
        }
    }

    private void message(JsonNode item) throws TranslationException {
        String role = Jsons.text(item, "role");
        if (role == null) {
            throw new TranslationException("a \"message\" input item needs a \"role\"");
        }
        JsonNode content = Jsons.field(item, "content");
        switch (role) {
            case "system", "developer" -> {
                String text = text(content, role);
                if (!text.isEmpty()) {
                    system.add(text);
                }
            }
            case "user" -> add(Role.USER, parts(content));
            case "assistant" -> {
                String text = text(content, role);
                if (!text.isEmpty()) {
                    add(Role.ASSISTANT, List.of(new ChatRequest.Text(text)));
                }
            }
            default ->
                throw new TranslationException(
                        "message role \"" + role + "\" is not supported on " + upstream + " channels");
        }
    }

    private void functionCall(JsonNode item) throws TranslationException {
        String callId = Jsons.text(item, "call_id");
        String name = Jsons.text(item, "name");
        if (callId == null || name == null) {
            throw new TranslationException("a \"function_call\" input item needs \"call_id\" and \"name\"");
        }
        // a namespaced function goes upstream under the flat name its tool was offered with
        name = ResponsesToolNames.flat(Jsons.text(item, "namespace"), name);
        String args = Jsons.text(item, "arguments");
        toolNames.put(callId, name);
        addJoined(Role.ASSISTANT, new ChatRequest.ToolCall(callId, name, args == null || args.isBlank() ? "{}" : args));
    }

    private void functionCallOutput(JsonNode item) throws TranslationException {
        String callId = Jsons.text(item, "call_id");
        if (callId == null) {
            throw new TranslationException("a \"function_call_output\" input item needs \"call_id\"");
        }
        JsonNode output = Jsons.field(item, "output");
        List<Part> content = output == null ? List.of() : parts(output);
        addJoined(Role.USER, new ChatRequest.ToolResult(callId, toolNames.get(callId), content, false));
    }

    /** Adds a turn; a tool call or result joins the previous turn when that is made of the same kind. */
    private void add(Role role, List<Part> parts) {
        messages.add(new Message(role, new ArrayList<>(parts)));
    }

    private void addJoined(Role role, Part part) {
        if (!messages.isEmpty()) {
            Message last = messages.get(messages.size() - 1);
            boolean sameKind = last.parts().stream()
                    .allMatch(p -> p instanceof ChatRequest.ToolCall || p instanceof ChatRequest.ToolResult);
            if (last.role() == role && (sameKind || role == Role.ASSISTANT)) {
                last.parts().add(part);
                return;
            }
        }
        add(role, List.of(part));
    }

    /** User or tool-output content: a string, or input_text / input_image / input_file parts. */
    private List<Part> parts(JsonNode content) throws TranslationException {
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
                case "input_text", "output_text", "text" ->
                    parts.add(new ChatRequest.Text(p.path("text").asText("")));
                case "input_image" -> parts.add(media(storeless(p, "image_url", "input_image"), null));
                case "input_file" -> parts.add(media(storeless(p, "file_data", "input_file"), "application/pdf"));
                default ->
                    throw new TranslationException(
                            "content part type \"" + type + "\" is not supported on " + upstream + " channels");
            }
        }
        return parts;
    }

    /** The inline field of an image or file part; parts by {@code file_id} need OpenAI's file store. */
    private String storeless(JsonNode part, String field, String type) throws TranslationException {
        String value = Jsons.text(part, field);
        if (value == null && Jsons.text(part, "file_url") != null) {
            value = Jsons.text(part, "file_url");
        }
        if (value == null) {
            throw new TranslationException("\"" + type + "\" parts by \"file_id\" are not supported on " + upstream
                    + " channels; send \"" + field + "\"");
        }
        return value;
    }

    private static Part media(String url, String defaultType) throws TranslationException {
        DataUrl data = DataUrl.parse(url);
        if (data != null) {
            return new ChatRequest.Media(data.mediaType(), data.base64());
        }
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            if (defaultType != null && url.startsWith("JVBER")) {
                return new ChatRequest.Media(defaultType, url); // a bare base64 PDF
            }
            throw new TranslationException("image and file URLs must be https:// or data: URLs");
        }
        return new ChatRequest.MediaUrl(url, DataUrl.guessMediaType(url));
    }

    /** The text of a system, developer or assistant message (a string, or its text parts joined). */
    private static String text(JsonNode content, String role) throws TranslationException {
        if (content == null) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : content) {
            String type = Jsons.text(p, "type");
            if ("input_text".equals(type) || "output_text".equals(type) || "text".equals(type)) {
                sb.append(p.path("text").asText(""));
            } else if ("refusal".equals(type)) {
                sb.append(p.path("refusal").asText(""));
            } else {
                throw new TranslationException("\"" + role + "\" messages may only contain text parts");
            }
        }
        return sb.toString();
    }
}
