package ai.burncloud.router.translate.gemini;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.ir.BodyConversion;
import ai.burncloud.router.translate.ir.ErrorInfo;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.UpstreamBodyException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * OpenAI {@code /v1/embeddings} on a Gemini channel: one input → {@code embedContent}, several →
 * {@code batchEmbedContents}; {@code dimensions} → {@code outputDimensionality}. Answers are written
 * back as OpenAI's list, as float arrays or, for {@code encoding_format: "base64"} (the OpenAI Python
 * SDK's default), as base64 of little-endian float32 — what the SDKs decode. Token-array inputs are
 * refused: Gemini embeds text only.
 */
final class GeminiEmbeddings {
    private GeminiEmbeddings() {}

    /** The upstream call for an OpenAI embeddings request. */
    record Call(UpstreamOperation operation, ObjectNode body) {}

    static Call toUpstream(JsonNode request, String upstreamModel) throws TranslationException {
        List<String> inputs = inputs(Jsons.field(request, "input"));
        String model = GeminiRequestWriter.modelResource(upstreamModel);
        Long dimensions = Jsons.longOrNull(Jsons.field(request, "dimensions"));
        if (inputs.size() == 1 && request.path("input").isTextual()) {
            return new Call(UpstreamOperation.GEMINI_EMBED_CONTENT, embedRequest(model, inputs.get(0), dimensions));
        }
        ObjectNode body = Json.object();
        ArrayNode requests = body.putArray("requests");
        for (String input : inputs) {
            requests.add(embedRequest(model, input, dimensions));
        }
        return new Call(UpstreamOperation.GEMINI_BATCH_EMBED_CONTENTS, body);
    }

    /**
     * Converts {@code embedContent} / {@code batchEmbedContents} answers into OpenAI's list. Gemini's
     * embedding answers carry no token count; then the usage shown is the gateway's own count of the
     * inputs ({@code estimates}), the number the request is billed with (marked estimated in the log),
     * and the conversion reports no usage so that billing counts it the same way.
     */
    static BodyConversion response(String clientModel, boolean base64, CompletionTextSink estimates) {
        return body -> {
            ErrorInfo error = GeminiChunks.error(body);
            if (error != null) {
                throw new UpstreamBodyException(error);
            }
            List<JsonNode> vectors = new ArrayList<>();
            if (body.has("embedding")) {
                vectors.add(body.path("embedding").path("values"));
            } else {
                body.path("embeddings").forEach(e -> vectors.add(e.path("values")));
            }
            if (vectors.isEmpty()) {
                throw UpstreamBodyException.unreadable("upstream embedding answer holds no embeddings");
            }
            ObjectNode root = Json.object().put("object", "list");
            ArrayNode data = root.putArray("data");
            for (int i = 0; i < vectors.size(); i++) {
                ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
                if (base64) {
                    item.put("embedding", toBase64(vectors.get(i)));
                } else {
                    item.set("embedding", vectors.get(i));
                }
            }
            root.put("model", clientModel);
            long prompt = Jsons.number(body.path("usageMetadata"), "promptTokenCount", TokenUsage.UNREPORTED);
            long shown = prompt != TokenUsage.UNREPORTED
                    ? prompt
                    : TokenUsage.orZero(estimates.estimate().prompt());
            root.putObject("usage").put("prompt_tokens", shown).put("total_tokens", shown);
            TokenUsage usage = prompt == TokenUsage.UNREPORTED ? TokenUsage.NONE : TokenUsage.of(prompt, 0);
            return new BodyConversion.Result(root, usage, null);
        };
    }

    private static ObjectNode embedRequest(String model, String text, Long dimensions) {
        ObjectNode r = Json.object().put("model", model);
        r.putObject("content").putArray("parts").addObject().put("text", text);
        if (dimensions != null) {
            r.put("outputDimensionality", dimensions);
        }
        return r;
    }

    private static List<String> inputs(JsonNode input) throws TranslationException {
        List<String> out = new ArrayList<>();
        if (input == null) {
            throw new TranslationException("\"input\" is required");
        }
        if (input.isTextual()) {
            out.add(input.asText());
            return out;
        }
        if (input.isArray() && !input.isEmpty()) {
            for (JsonNode i : input) {
                if (!i.isTextual()) {
                    throw new TranslationException("token-array embedding inputs are not supported on gemini channels");
                }
                out.add(i.asText());
            }
            return out;
        }
        throw new TranslationException("\"input\" must be a string or a non-empty array of strings");
    }

    private static String toBase64(JsonNode values) {
        ByteBuffer buf = ByteBuffer.allocate(values.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode v : values) {
            buf.putFloat((float) v.asDouble());
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }
}
