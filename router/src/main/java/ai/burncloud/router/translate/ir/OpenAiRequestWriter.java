package ai.burncloud.router.translate.ir;

import ai.burncloud.common.Json;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.ir.ChatRequest.Part;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link ChatRequest} as an OpenAI {@code /chat/completions} body, for Anthropic and Gemini
 * clients on OpenAI, Azure and Qwen channels. Streams always ask for
 * {@code stream_options.include_usage} so billing sees the upstream's own numbers.
 */
public final class OpenAiRequestWriter {
    private static final int MAX_USER = 64;

    private OpenAiRequestWriter() {}

    /**
     * @param config the channel config: {@code max_tokens_field} may name {@code max_completion_tokens}
     *     for hosts (OpenAI reasoning models) that refuse {@code max_tokens}; {@code reasoning_field}
     *     how reasoning is asked for ({@link OpenAiReasoningField})
     */
    public static ObjectNode write(ChatRequest r, String model, JsonNode config) throws TranslationException {
        ObjectNode root = Json.object();
        root.put("model", model);
        ArrayNode messages = root.putArray("messages");
        for (String s : r.system()) {
            messages.addObject().put("role", "system").put("content", s);
        }
        for (ChatRequest.Message m : r.messages()) {
            if (m.role() == ChatRequest.Role.ASSISTANT) {
                writeAssistant(m, messages);
            } else {
                writeUser(m, messages);
            }
        }
        if (!r.tools().isEmpty()) {
            ArrayNode tools = root.putArray("tools");
            for (ChatRequest.ToolDef t : r.tools()) {
                ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
                fn.put("name", t.name());
                if (t.description() != null) {
                    fn.put("description", t.description());
                }
                fn.set("parameters", t.schema());
            }
            if (r.toolChoice() != null) {
                root.set("tool_choice", toolChoice(r.toolChoice()));
            }
            if (r.parallelToolCalls() != null) {
                root.put("parallel_tool_calls", r.parallelToolCalls());
            }
        }
        if (r.responseFormat() != null) {
            ObjectNode format = root.putObject("response_format");
            if (r.responseFormat().kind() == ChatRequest.ResponseFormat.Kind.JSON_OBJECT) {
                format.put("type", "json_object");
            } else {
                format.put("type", "json_schema");
                ObjectNode js = format.putObject("json_schema");
                js.put(
                        "name",
                        r.responseFormat().name() != null ? r.responseFormat().name() : "response");
                js.set("schema", r.responseFormat().schema());
            }
        }
        if (!r.stop().isEmpty()) {
            ArrayNode stop = root.putArray("stop");
            r.stop().forEach(stop::add);
        }
        if (r.temperature() != null) {
            root.put("temperature", r.temperature());
        }
        if (r.topP() != null) {
            root.put("top_p", r.topP());
        }
        if (r.maxTokens() != null) {
            String field = config == null ? null : Jsons.text(config, "max_tokens_field");
            root.put("max_completion_tokens".equals(field) ? field : "max_tokens", r.maxTokens());
        }
        OpenAiReasoningField.write(r.reasoning(), model, config, root);
        if (r.seed() != null) {
            root.put("seed", r.seed());
        }
        if (r.presencePenalty() != null) {
            root.put("presence_penalty", r.presencePenalty());
        }
        if (r.frequencyPenalty() != null) {
            root.put("frequency_penalty", r.frequencyPenalty());
        }
        if (r.user() != null) {
            root.put("user", endUser(r.user()));
        }
        if (r.stream()) {
            root.put("stream", true);
            root.putObject("stream_options").put("include_usage", true);
        }
        return root;
    }

    private static void writeAssistant(ChatRequest.Message m, ArrayNode messages) throws TranslationException {
        StringBuilder text = new StringBuilder();
        ArrayNode calls = null;
        for (Part p : m.parts()) {
            if (p instanceof ChatRequest.Text t) {
                text.append(t.text());
            } else if (p instanceof ChatRequest.ToolCall c) {
                if (calls == null) {
                    calls = Json.mapper().createArrayNode();
                }
                ObjectNode call = calls.addObject();
                call.put("id", c.id());
                call.put("type", "function");
                call.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
            } else if (p instanceof ChatRequest.Reasoning || p instanceof ChatRequest.RedactedReasoning) {
                // another upstream's reasoning: OpenAI takes none back
            } else {
                throw new TranslationException(
                        "assistant messages may only hold text and tool calls on OpenAI channels");
            }
        }
        if (text.length() == 0 && calls == null) {
            return;
        }
        ObjectNode msg = messages.addObject().put("role", "assistant");
        if (text.length() == 0) {
            msg.putNull("content");
        } else {
            msg.put("content", text.toString());
        }
        if (calls != null) {
            msg.set("tool_calls", calls);
        }
    }

    /** Tool results become "tool" messages first (OpenAI wants them right after the calls); then the rest. */
    private static void writeUser(ChatRequest.Message m, ArrayNode messages) throws TranslationException {
        List<Part> rest = new ArrayList<>();
        for (Part p : m.parts()) {
            if (p instanceof ChatRequest.ToolResult tr) {
                messages.addObject()
                        .put("role", "tool")
                        .put("tool_call_id", tr.callId())
                        .put("content", tr.text());
                List<Part> media = new ArrayList<>();
                for (Part c : tr.content()) {
                    if (!(c instanceof ChatRequest.Text)) {
                        media.add(c);
                    }
                }
                if (!media.isEmpty()) {
                    // OpenAI tool messages carry text only: the tool's images follow as user content
                    rest.add(new ChatRequest.Text("Images returned by tool call " + tr.callId() + ":"));
                    rest.addAll(media);
                }
            } else {
                rest.add(p);
            }
        }
        if (rest.isEmpty()) {
            return;
        }
        ObjectNode msg = messages.addObject().put("role", "user");
        if (rest.size() == 1 && rest.get(0) instanceof ChatRequest.Text t) {
            msg.put("content", t.text());
            return;
        }
        ArrayNode content = msg.putArray("content");
        for (Part p : rest) {
            writeUserPart(p, content);
        }
    }

    private static void writeUserPart(Part p, ArrayNode content) throws TranslationException {
        if (p instanceof ChatRequest.Text t) {
            content.addObject().put("type", "text").put("text", t.text());
        } else if (p instanceof ChatRequest.Media media) {
            String type = media.mediaType();
            if (type.startsWith("image/")) {
                content.addObject()
                        .put("type", "image_url")
                        .putObject("image_url")
                        .put("url", new DataUrl(type, media.base64()).toUrl());
            } else if (type.equals("audio/wav") || type.equals("audio/mp3") || type.equals("audio/mpeg")) {
                content.addObject()
                        .put("type", "input_audio")
                        .putObject("input_audio")
                        .put("data", media.base64())
                        .put("format", type.endsWith("wav") ? "wav" : "mp3");
            } else if (type.equals("application/pdf")) {
                content.addObject()
                        .put("type", "file")
                        .putObject("file")
                        .put("filename", "document.pdf")
                        .put("file_data", new DataUrl(type, media.base64()).toUrl());
            } else {
                throw new TranslationException("media type " + type + " is not supported on OpenAI channels");
            }
        } else if (p instanceof ChatRequest.MediaUrl url) {
            if (url.mediaType() != null
                    && !url.mediaType().toLowerCase(Locale.ROOT).startsWith("image/")) {
                throw new TranslationException(
                        "only images may be sent by URL on OpenAI channels (got " + url.mediaType() + ")");
            }
            content.addObject().put("type", "image_url").putObject("image_url").put("url", url.url());
        } else {
            throw new TranslationException("tool calls may only appear in assistant messages");
        }
    }

    private static JsonNode toolChoice(ChatRequest.ToolChoice choice) {
        return switch (choice.mode()) {
            case AUTO -> Json.mapper().getNodeFactory().textNode("auto");
            case NONE -> Json.mapper().getNodeFactory().textNode("none");
            case REQUIRED -> Json.mapper().getNodeFactory().textNode("required");
            case FUNCTION -> {
                ObjectNode o = Json.object().put("type", "function");
                o.putObject("function").put("name", choice.name());
                yield o;
            }
        };
    }

    /**
     * OpenAI and Azure refuse a {@code user} over 64 characters, and Claude Code's
     * {@code metadata.user_id} is a JSON string of about 150: a longer id is sent as its SHA-256 in hex
     * (64 characters), which still tells one end user from another, the field's only purpose.
     */
    static String endUser(String user) {
        if (user.length() <= MAX_USER) {
            return user;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(user.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
