package ai.burncloud.router.translate.bedrock;

import ai.burncloud.common.Json;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.anthropic.AnthropicThinking;
import ai.burncloud.router.translate.ir.ChatRequest;
import ai.burncloud.router.translate.ir.ChatRequest.Part;
import ai.burncloud.router.translate.ir.DataUrl;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.MergedTurns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ChatRequest} as a Bedrock Converse body: {@code system} blocks,
 * {@code inferenceConfig}, {@code toolConfig} with {@code toolSpec}s, content blocks
 * ({@code text}, {@code image}, {@code document}, {@code toolUse}, {@code toolResult}) in merged
 * turns with tool results first.
 *
 * <p>What Bedrock cannot take: media by https URL (it fetches nothing; {@code s3://} URIs are passed as
 * S3 locations), JSON mode (asked for by instruction, with the schema when one is given),
 * {@code tool_choice: none} (tools are simply not offered, unless the history holds tool blocks, which
 * Bedrock only accepts with tools declared — then the model may still call one), top-k, seed and
 * penalties (model-specific on Bedrock, dropped).
 *
 * <p>Thinking is asked for only of Claude models ({@code additionalModelRequestFields.thinking}, with
 * {@link AnthropicThinking}'s rules); other Bedrock models have no common field for it and get none.
 * Signed reasoning from earlier Claude answers goes back as {@code reasoningContent} while thinking is on.
 */
final class BedrockRequestWriter {
    static final String JSON_OBJECT_INSTRUCTION = "Respond with a single valid JSON object and nothing else.";

    private static final Map<String, String> IMAGE_FORMATS =
            Map.of("image/png", "png", "image/jpeg", "jpeg", "image/gif", "gif", "image/webp", "webp");
    private static final Map<String, String> DOCUMENT_FORMATS = Map.of(
            "application/pdf", "pdf",
            "text/plain", "txt",
            "text/csv", "csv",
            "text/html", "html",
            "text/markdown", "md");

    /** Claude's answer limit when thinking needs one and the client gave none. */
    static final long DEFAULT_CLAUDE_MAX_TOKENS = 4096;

    private BedrockRequestWriter() {}

    static ObjectNode write(ChatRequest r) throws TranslationException {
        return write(r, null);
    }

    /** @param model the Bedrock model id, or null when unknown (then no thinking is asked for) */
    static ObjectNode write(ChatRequest r, String model) throws TranslationException {
        ObjectNode root = Json.object();
        int[] documents = {0};
        AnthropicThinking thinking = BedrockModels.isClaude(model)
                ? AnthropicThinking.plan(r, r.maxTokens() != null ? r.maxTokens() : DEFAULT_CLAUDE_MAX_TOKENS)
                : null;
        root.set(
                "messages",
                MergedTurns.write(
                        r.messages(),
                        (tr, role) -> toolResult(tr, documents),
                        (p, role) -> block(p, documents, thinking != null)));
        List<String> system = new ArrayList<>(r.system());
        if (r.responseFormat() != null) {
            system.add(
                    r.responseFormat().kind() == ChatRequest.ResponseFormat.Kind.JSON_OBJECT
                            ? JSON_OBJECT_INSTRUCTION
                            : "Respond with a single valid JSON value, and nothing else, matching this JSON Schema: "
                                    + r.responseFormat().schema());
        }
        if (!system.isEmpty()) {
            ArrayNode blocks = root.putArray("system");
            system.forEach(s -> blocks.addObject().put("text", s));
        }
        ObjectNode inference = Json.object();
        if (thinking != null) {
            inference.put("maxTokens", thinking.maxTokens());
            Double topP = AnthropicThinking.allowedTopP(r.topP());
            if (topP != null) {
                inference.put("topP", topP);
            }
            root.putObject("additionalModelRequestFields").set("thinking", thinking.json());
        } else {
            if (r.maxTokens() != null) {
                inference.put("maxTokens", r.maxTokens());
            }
            if (r.temperature() != null) {
                inference.put("temperature", r.temperature());
            }
            if (r.topP() != null) {
                inference.put("topP", r.topP());
            }
        }
        if (!r.stop().isEmpty()) {
            ArrayNode stop = inference.putArray("stopSequences");
            r.stop().forEach(stop::add);
        }
        if (inference.size() > 0) {
            root.set("inferenceConfig", inference);
        }
        boolean forbidTools = r.toolChoice() != null && r.toolChoice().mode() == ChatRequest.ToolChoice.Mode.NONE;
        if (!r.tools().isEmpty() && (!forbidTools || r.hasToolHistory())) {
            ObjectNode toolConfig = root.putObject("toolConfig");
            ArrayNode tools = toolConfig.putArray("tools");
            for (ChatRequest.ToolDef t : r.tools()) {
                ObjectNode spec = tools.addObject().putObject("toolSpec").put("name", t.name());
                if (t.description() != null) {
                    spec.put("description", t.description());
                }
                spec.putObject("inputSchema").set("json", t.schema());
            }
            if (r.toolChoice() != null && !forbidTools) {
                ObjectNode choice = toolConfig.putObject("toolChoice");
                switch (r.toolChoice().mode()) {
                    case REQUIRED -> choice.putObject("any");
                    case FUNCTION ->
                        choice.putObject("tool").put("name", r.toolChoice().name());
                    default -> choice.putObject("auto");
                }
            }
        }
        return root;
    }

    private static ObjectNode block(Part p, int[] documents, boolean thinking) throws TranslationException {
        if (p instanceof ChatRequest.Reasoning rs) {
            if (!thinking || rs.signature() == null) {
                return null; // only Claude's own signed reasoning can go back, and only with thinking on
            }
            ObjectNode block = Json.object();
            block.putObject("reasoningContent")
                    .putObject("reasoningText")
                    .put("text", rs.text())
                    .put("signature", rs.signature());
            return block;
        }
        if (p instanceof ChatRequest.RedactedReasoning rr) {
            if (!thinking) {
                return null;
            }
            ObjectNode block = Json.object();
            block.putObject("reasoningContent").put("redactedContent", rr.data());
            return block;
        }
        if (p instanceof ChatRequest.Text t) {
            // Bedrock rejects blank text blocks
            return t.text().isBlank() ? null : Json.object().put("text", t.text());
        }
        if (p instanceof ChatRequest.ToolCall c) {
            JsonNode input = Jsons.parseOrNull(c.argumentsJson());
            if (input == null || !input.isObject()) {
                throw new TranslationException("the arguments of tool call " + c.id() + " are not a JSON object");
            }
            ObjectNode use = Json.object();
            use.putObject("toolUse")
                    .put("toolUseId", c.id())
                    .put("name", c.name())
                    .set("input", input);
            return use;
        }
        if (p instanceof ChatRequest.Media m) {
            return media(m.mediaType(), source -> source.put("bytes", m.base64()), documents);
        }
        if (p instanceof ChatRequest.MediaUrl u) {
            if (!u.url().startsWith("s3://")) {
                throw new TranslationException(
                        "bedrock channels cannot fetch media by URL: send images as base64 data URLs");
            }
            String type = u.mediaType() != null ? u.mediaType() : DataUrl.guessMediaType(u.url());
            if (type == null) {
                throw new TranslationException("cannot tell the media type of " + u.url());
            }
            return media(type, source -> source.putObject("s3Location").put("uri", u.url()), documents);
        }
        throw new TranslationException("unsupported content for bedrock channels");
    }

    private interface SourceWriter {
        void write(ObjectNode source);
    }

    private static ObjectNode media(String mediaType, SourceWriter source, int[] documents)
            throws TranslationException {
        String image = IMAGE_FORMATS.get(mediaType);
        if (image != null) {
            ObjectNode block = Json.object();
            ObjectNode img = block.putObject("image").put("format", image);
            source.write(img.putObject("source"));
            return block;
        }
        String document = DOCUMENT_FORMATS.get(mediaType);
        if (document != null) {
            ObjectNode block = Json.object();
            // names must be unique within a request
            ObjectNode doc =
                    block.putObject("document").put("format", document).put("name", "document " + (++documents[0]));
            source.write(doc.putObject("source"));
            return block;
        }
        throw new TranslationException("media type " + mediaType + " is not supported on bedrock channels");
    }

    private static ObjectNode toolResult(ChatRequest.ToolResult tr, int[] documents) throws TranslationException {
        ObjectNode block = Json.object();
        ObjectNode result = block.putObject("toolResult").put("toolUseId", tr.callId());
        ArrayNode content = result.putArray("content");
        for (Part p : tr.content()) {
            if (p instanceof ChatRequest.Text t) {
                JsonNode json = Jsons.parseOrNull(t.text());
                if (json != null && json.isObject()) {
                    content.addObject().set("json", json);
                } else if (!t.text().isEmpty()) {
                    content.addObject().put("text", t.text());
                }
            } else {
                ObjectNode media = block(p, documents, false);
                if (media != null) {
                    content.add(media);
                }
            }
        }
        if (content.isEmpty()) {
            content.addObject().putObject("json"); // a tool that returned nothing (blank text is refused)
        }
        if (tr.isError()) {
            result.put("status", "error");
        }
        return block;
    }
}
