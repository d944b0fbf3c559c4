package ai.burncloud.router.translate.gemini;

import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.ir.ChatRequest;
import ai.burncloud.router.translate.ir.ChatRequest.Part;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.ReasoningSetting;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Gemini {@code generateContent} request into a {@link ChatRequest} for non-Gemini upstreams.
 * Function calls rarely carry ids in Gemini, while every other dialect pairs calls and results by id:
 * calls get {@code call_1}, {@code call_2}… in order, and each {@code functionResponse} takes the
 * oldest unanswered call of the same name. Refused: Google-run tools (search, code execution, URL
 * context…), cached content, several candidates, non-text output modalities, logprobs. Dropped:
 * {@code safetySettings}, thought parts and thought signatures (only Gemini can use them).
 * {@code thinkingConfig} becomes the request's {@link ReasoningSetting}.
 */
public final class GeminiRequestReader {
    private GeminiRequestReader() {}

    public static ChatRequest read(JsonNode body, boolean stream, String upstream) throws TranslationException {
        if (Jsons.field(body, "cachedContent") != null) {
            throw new TranslationException("\"cachedContent\" is only supported on gemini channels");
        }
        JsonNode contents = Jsons.field(body, "contents");
        if (contents == null || !contents.isArray() || contents.isEmpty()) {
            throw new TranslationException("\"contents\" must be a non-empty array");
        }
        Calls calls = new Calls();
        List<ChatRequest.Message> messages = new ArrayList<>();
        for (JsonNode content : contents) {
            ChatRequest.Role role =
                    "model".equals(Jsons.text(content, "role")) ? ChatRequest.Role.ASSISTANT : ChatRequest.Role.USER;
            messages.add(new ChatRequest.Message(role, parts(content.path("parts"), calls, upstream)));
        }
        List<String> system = new ArrayList<>();
        for (JsonNode p : body.path("systemInstruction").path("parts")) {
            String text = Jsons.text(p, "text");
            if (text != null && !text.isEmpty()) {
                system.add(text);
            }
        }
        JsonNode config = body.path("generationConfig");
        refuseUnsupported(config, upstream);
        List<ChatRequest.ToolDef> tools = tools(Jsons.field(body, "tools"), upstream);
        JsonNode calling = body.path("toolConfig").path("functionCallingConfig");
        ChatRequest.ToolChoice choice = toolChoice(calling);
        JsonNode allowed = Jsons.field(calling, "allowedFunctionNames");
        if (allowed != null
                && allowed.size() > 1
                && choice != null
                && choice.mode() == ChatRequest.ToolChoice.Mode.REQUIRED) {
            // "call one of these" has no direct form elsewhere: offer only those tools, and require a call
            Set<String> names = new HashSet<>();
            allowed.forEach(n -> names.add(n.asText()));
            tools = tools.stream().filter(t -> names.contains(t.name())).toList();
        }
        List<String> stop = new ArrayList<>();
        config.path("stopSequences").forEach(s -> stop.add(s.asText()));
        return new ChatRequest(
                system,
                messages,
                tools,
                choice,
                null,
                responseFormat(config),
                stop,
                Jsons.dbl(Jsons.field(config, "temperature")),
                Jsons.dbl(Jsons.field(config, "topP")),
                Jsons.intOrNull(Jsons.field(config, "topK")),
                Jsons.longOrNull(Jsons.field(config, "maxOutputTokens")),
                Jsons.longOrNull(Jsons.field(config, "seed")),
                Jsons.dbl(Jsons.field(config, "presencePenalty")),
                Jsons.dbl(Jsons.field(config, "frequencyPenalty")),
                null,
                stream,
                reasoning(config.path("thinkingConfig")));
    }

    /** {@code thinkingBudget} 0 is off, -1 dynamic; {@code thinkingLevel} (Gemini 3) is an effort. */
    private static ReasoningSetting reasoning(JsonNode thinking) throws TranslationException {
        if (!thinking.isObject()) {
            return null;
        }
        Boolean include = Jsons.bool(Jsons.field(thinking, "includeThoughts"));
        JsonNode budget = Jsons.field(thinking, "thinkingBudget");
        String level = Jsons.text(thinking, "thinkingLevel");
        ReasoningSetting setting;
        if (budget != null && budget.canConvertToLong()) {
            long b = budget.asLong();
            setting =
                    b == 0 ? ReasoningSetting.off() : b < 0 ? ReasoningSetting.dynamic() : ReasoningSetting.ofBudget(b);
        } else if (level != null) {
            setting = ReasoningSetting.fromEffortWord(level);
            if (setting == null) {
                throw new TranslationException("thinkingConfig.thinkingLevel: unknown level " + level);
            }
        } else if (Boolean.TRUE.equals(include)) {
            setting = ReasoningSetting.dynamic();
        } else {
            return null;
        }
        return setting.withIncludeThoughts(include);
    }

    /** A {@code countTokens} body: either bare {@code contents} or a whole {@code generateContentRequest}. */
    public static ChatRequest readCountTokens(JsonNode body, String upstream) throws TranslationException {
        JsonNode inner = body.path("generateContentRequest");
        return read(inner.isObject() ? inner : body, false, upstream);
    }

    /** Pairs function responses with the calls they answer. */
    private static final class Calls {
        private final Map<String, Deque<String>> unanswered = new HashMap<>();
        private int next;

        String call(String explicitId, String name) {
            String id = explicitId != null ? explicitId : "call_" + (++next);
            unanswered.computeIfAbsent(name, n -> new ArrayDeque<>()).add(id);
            return id;
        }

        String answer(String explicitId, String name) {
            Deque<String> open = unanswered.get(name);
            if (explicitId != null) {
                if (open != null) {
                    open.remove(explicitId);
                }
                return explicitId;
            }
            if (open == null || open.isEmpty()) {
                return "call_" + (++next);
            }
            return open.poll();
        }
    }

    private static void refuseUnsupported(JsonNode config, String upstream) throws TranslationException {
        if (config.path("candidateCount").asInt(1) > 1) {
            throw new TranslationException("\"candidateCount\" > 1 is not supported on " + upstream + " channels");
        }
        if (config.path("responseLogprobs").asBoolean(false)) {
            throw new TranslationException("\"responseLogprobs\" is not supported on " + upstream + " channels");
        }
        for (JsonNode m : config.path("responseModalities")) {
            if (!"TEXT".equalsIgnoreCase(m.asText())) {
                throw new TranslationException(
                        "response modality " + m.asText() + " is not supported on " + upstream + " channels");
            }
        }
        String mime = Jsons.text(config, "responseMimeType");
        if (mime != null && !mime.equals("application/json") && !mime.equals("text/plain")) {
            throw new TranslationException(
                    "\"responseMimeType\" " + mime + " is not supported on " + upstream + " channels");
        }
    }

    private static List<Part> parts(JsonNode parts, Calls calls, String upstream) throws TranslationException {
        List<Part> out = new ArrayList<>();
        for (JsonNode p : parts) {
            if (p.has("text")) {
                if (!p.path("thought").asBoolean(false)) {
                    out.add(new ChatRequest.Text(p.path("text").asText("")));
                }
            } else if (p.has("inlineData")) {
                JsonNode data = p.get("inlineData");
                out.add(new ChatRequest.Media(
                        data.path("mimeType").asText("application/octet-stream"),
                        data.path("data").asText("")));
            } else if (p.has("fileData")) {
                JsonNode file = p.get("fileData");
                out.add(new ChatRequest.MediaUrl(file.path("fileUri").asText(), Jsons.text(file, "mimeType")));
            } else if (p.has("functionCall")) {
                JsonNode call = p.get("functionCall");
                String name = Jsons.text(call, "name");
                JsonNode args = Jsons.field(call, "args");
                out.add(new ChatRequest.ToolCall(
                        calls.call(Jsons.text(call, "id"), name), name, args == null ? "{}" : args.toString()));
            } else if (p.has("functionResponse")) {
                JsonNode response = p.get("functionResponse");
                String name = Jsons.text(response, "name");
                JsonNode result = Jsons.field(response, "response");
                String text = result == null ? "" : result.toString();
                out.add(new ChatRequest.ToolResult(
                        calls.answer(Jsons.text(response, "id"), name),
                        name,
                        List.of(new ChatRequest.Text(text)),
                        result != null && result.has("error") && result.size() == 1));
            } else if (p.has("thoughtSignature") && p.size() == 1) {
                // a bare signature: only Gemini can use it
            } else {
                throw new TranslationException("this kind of part ("
                        + p.fieldNames().next() + ") is not supported on " + upstream + " channels");
            }
        }
        return out;
    }

    private static List<ChatRequest.ToolDef> tools(JsonNode tools, String upstream) throws TranslationException {
        List<ChatRequest.ToolDef> defs = new ArrayList<>();
        if (tools == null) {
            return defs;
        }
        for (JsonNode tool : tools) {
            for (var it = tool.fieldNames(); it.hasNext(); ) {
                String kind = it.next();
                if (!kind.equals("functionDeclarations")) {
                    throw new TranslationException("tool \"" + kind
                            + "\" runs on Google's servers and is not supported on " + upstream + " channels");
                }
            }
            for (JsonNode fn : tool.path("functionDeclarations")) {
                JsonNode schema = Jsons.field(fn, "parametersJsonSchema");
                if (schema == null && Jsons.field(fn, "parameters") != null) {
                    schema = GeminiSchemas.toJsonSchema(fn.get("parameters"));
                }
                defs.add(new ChatRequest.ToolDef(
                        Jsons.text(fn, "name"),
                        Jsons.text(fn, "description"),
                        schema != null ? schema : Jsons.emptyObjectSchema()));
            }
        }
        return defs;
    }

    private static ChatRequest.ToolChoice toolChoice(JsonNode calling) {
        String mode = Jsons.text(calling, "mode");
        if (mode == null) {
            return null;
        }
        JsonNode allowed = Jsons.field(calling, "allowedFunctionNames");
        return switch (mode) {
            case "NONE" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.NONE, null);
            case "ANY" ->
                allowed != null && allowed.size() == 1
                        ? new ChatRequest.ToolChoice(
                                ChatRequest.ToolChoice.Mode.FUNCTION,
                                allowed.get(0).asText())
                        : new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.REQUIRED, null);
            case "AUTO", "VALIDATED" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.AUTO, null);
            default -> null;
        };
    }

    private static ChatRequest.ResponseFormat responseFormat(JsonNode config) {
        if (!"application/json".equals(Jsons.text(config, "responseMimeType"))) {
            return null;
        }
        JsonNode schema = Jsons.field(config, "responseJsonSchema");
        if (schema == null && Jsons.field(config, "responseSchema") != null) {
            schema = GeminiSchemas.toJsonSchema(config.get("responseSchema"));
        }
        if (schema == null) {
            return new ChatRequest.ResponseFormat(ChatRequest.ResponseFormat.Kind.JSON_OBJECT, null, null);
        }
        return new ChatRequest.ResponseFormat(ChatRequest.ResponseFormat.Kind.JSON_SCHEMA, "response", schema);
    }
}
