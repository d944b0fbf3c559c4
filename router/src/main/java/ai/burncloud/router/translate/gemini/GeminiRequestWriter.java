package ai.burncloud.router.translate.gemini;

import ai.burncloud.common.Json;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.ir.ChatRequest;
import ai.burncloud.router.translate.ir.ChatRequest.Part;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.ReasoningSetting;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a {@link ChatRequest} as a Gemini {@code generateContent} body: roles {@code user}/{@code model}
 * (consecutive same-role turns merged), {@code systemInstruction}, {@code generationConfig},
 * {@code functionDeclarations} with JSON Schema, {@code functionCall}/{@code functionResponse} parts
 * paired by name.
 *
 * <p>Gemini 3 rejects replayed function calls that lack the thought signature it issued; history
 * from another dialect has none, so the first call of each model turn carries Google's documented
 * placeholder {@code skip_thought_signature_validator}.
 */
public final class GeminiRequestWriter {
    static final String SKIP_SIGNATURE = "skip_thought_signature_validator";

    private GeminiRequestWriter() {}

    public static ObjectNode write(ChatRequest r) throws TranslationException {
        ObjectNode root = Json.object();
        root.set("contents", contents(r));
        if (!r.system().isEmpty()) {
            ArrayNode parts = root.putObject("systemInstruction").putArray("parts");
            r.system().forEach(s -> parts.addObject().put("text", s));
        }
        if (!r.tools().isEmpty()) {
            ArrayNode decls = root.putArray("tools").addObject().putArray("functionDeclarations");
            for (ChatRequest.ToolDef t : r.tools()) {
                ObjectNode fn = decls.addObject().put("name", t.name());
                if (t.description() != null) {
                    fn.put("description", t.description());
                }
                fn.set("parametersJsonSchema", t.schema());
            }
            if (r.toolChoice() != null) {
                ObjectNode calling = root.putObject("toolConfig").putObject("functionCallingConfig");
                switch (r.toolChoice().mode()) {
                    case AUTO -> calling.put("mode", "AUTO");
                    case NONE -> calling.put("mode", "NONE");
                    case REQUIRED -> calling.put("mode", "ANY");
                    case FUNCTION -> {
                        calling.put("mode", "ANY");
                        calling.putArray("allowedFunctionNames")
                                .add(r.toolChoice().name());
                    }
                }
            }
        }
        ObjectNode config = generationConfig(r);
        if (config.size() > 0) {
            root.set("generationConfig", config);
        }
        return root;
    }

    /** The {@code contents} array alone (also the input of {@code countTokens}). */
    static ArrayNode contents(ChatRequest r) throws TranslationException {
        Map<String, String> namesById = new HashMap<>();
        for (ChatRequest.Message m : r.messages()) {
            for (Part p : m.parts()) {
                if (p instanceof ChatRequest.ToolCall c) {
                    namesById.put(c.id(), c.name());
                }
            }
        }
        ArrayNode contents = Json.mapper().createArrayNode();
        ObjectNode current = null;
        ChatRequest.Role currentRole = null;
        for (ChatRequest.Message m : r.messages()) {
            if (m.parts().stream().allMatch(GeminiRequestWriter::isReasoning)) {
                continue; // empty, or only another upstream's reasoning, which Gemini cannot take back
            }
            if (m.role() != currentRole) {
                current = contents.addObject().put("role", m.role() == ChatRequest.Role.USER ? "user" : "model");
                current.putArray("parts");
                currentRole = m.role();
            }
            ArrayNode parts = (ArrayNode) current.get("parts");
            for (Part p : m.parts()) {
                writePart(p, parts, namesById);
            }
        }
        return contents;
    }

    private static boolean isReasoning(Part p) {
        return p instanceof ChatRequest.Reasoning || p instanceof ChatRequest.RedactedReasoning;
    }

    private static void writePart(Part p, ArrayNode parts, Map<String, String> namesById) throws TranslationException {
        if (p instanceof ChatRequest.Text t) {
            if (!t.text().isEmpty()) {
                parts.addObject().put("text", t.text());
            }
        } else if (p instanceof ChatRequest.Media m) {
            parts.addObject()
                    .putObject("inlineData")
                    .put("mimeType", m.mediaType())
                    .put("data", m.base64());
        } else if (p instanceof ChatRequest.MediaUrl u) {
            ObjectNode file = parts.addObject().putObject("fileData");
            if (u.mediaType() != null) {
                file.put("mimeType", u.mediaType());
            }
            file.put("fileUri", u.url());
        } else if (p instanceof ChatRequest.ToolCall c) {
            JsonNode args = Jsons.parseOrNull(c.argumentsJson());
            if (args == null || !args.isObject()) {
                throw new TranslationException("the arguments of tool call " + c.id() + " are not a JSON object");
            }
            boolean firstCallOfTurn = true;
            for (JsonNode existing : parts) {
                if (existing.has("functionCall")) {
                    firstCallOfTurn = false;
                }
            }
            ObjectNode part = parts.addObject();
            part.putObject("functionCall").put("name", c.name()).set("args", args);
            if (firstCallOfTurn) {
                part.put("thoughtSignature", SKIP_SIGNATURE);
            }
        } else if (p instanceof ChatRequest.ToolResult tr) {
            String name = tr.toolName() != null ? tr.toolName() : namesById.get(tr.callId());
            if (name == null) {
                throw new TranslationException("tool result " + tr.callId() + " answers no earlier tool call");
            }
            ObjectNode response =
                    parts.addObject().putObject("functionResponse").put("name", name);
            response.set("response", responseObject(tr));
            for (Part c : tr.content()) {
                if (!(c instanceof ChatRequest.Text)) {
                    writePart(c, parts, namesById); // the tool's images follow its response
                }
            }
        }
    }

    /** A JSON-object result is sent as is; other text as {@code output}, or {@code error} when it failed. */
    private static JsonNode responseObject(ChatRequest.ToolResult tr) {
        String text = tr.text();
        JsonNode parsed = Jsons.parseOrNull(text);
        if (!tr.isError() && parsed != null && parsed.isObject()) {
            return parsed;
        }
        return Json.object().put(tr.isError() ? "error" : "output", text);
    }

    private static ObjectNode generationConfig(ChatRequest r) {
        ObjectNode config = Json.object();
        if (r.temperature() != null) {
            config.put("temperature", r.temperature());
        }
        if (r.topP() != null) {
            config.put("topP", r.topP());
        }
        if (r.topK() != null) {
            config.put("topK", r.topK());
        }
        if (r.maxTokens() != null) {
            config.put("maxOutputTokens", r.maxTokens());
        }
        if (!r.stop().isEmpty()) {
            ArrayNode stop = config.putArray("stopSequences");
            r.stop().forEach(stop::add);
        }
        if (r.seed() != null) {
            config.put("seed", r.seed());
        }
        if (r.presencePenalty() != null) {
            config.put("presencePenalty", r.presencePenalty());
        }
        if (r.frequencyPenalty() != null) {
            config.put("frequencyPenalty", r.frequencyPenalty());
        }
        ObjectNode thinking = thinkingConfig(r.reasoning());
        if (thinking != null) {
            config.set("thinkingConfig", thinking);
        }
        if (r.responseFormat() != null) {
            config.put("responseMimeType", "application/json");
            if (r.responseFormat().kind() == ChatRequest.ResponseFormat.Kind.JSON_SCHEMA) {
                config.set("responseJsonSchema", r.responseFormat().schema());
            }
        }
        return config;
    }

    /**
     * Off is budget 0, dynamic -1, an effort its budget (docs/PROTOCOLS.md). Thoughts are shown unless
     * the client said otherwise: the other dialects have a place for them (reasoning_content, thinking
     * blocks) and a client that asked for reasoning expects to see it.
     */
    private static ObjectNode thinkingConfig(ReasoningSetting setting) {
        if (setting == null) {
            return null;
        }
        ObjectNode thinking = Json.object();
        long budget = switch (setting.mode()) {
            case OFF -> 0;
            case DYNAMIC -> -1;
            default -> setting.asBudget();
        };
        thinking.put("thinkingBudget", budget);
        if (setting.isOn()) {
            thinking.put("includeThoughts", !Boolean.FALSE.equals(setting.includeThoughts()));
        }
        return thinking;
    }

    /** Gemini's model path segment: the bare id, without a {@code models/} prefix. */
    static String modelResource(String model) {
        return "models/" + (model.startsWith("models/") ? model.substring(7) : model);
    }
}
