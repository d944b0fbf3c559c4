package ai.burncloud.router.translate.gemini;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.ir.BodyConversion;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.OpenAiUsage;
import ai.burncloud.router.translate.ir.UpstreamBodyException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gemini {@code embedContent} / {@code batchEmbedContents} on an OpenAI-dialect channel: texts become
 * {@code input}, {@code outputDimensionality} becomes {@code dimensions}; {@code taskType} and
 * {@code title} have no OpenAI form and are dropped (they tune, not change, the embedding).
 */
final class GeminiEmbedToOpenAi {
    private GeminiEmbedToOpenAi() {}

    static ObjectNode toUpstream(JsonNode body, boolean batch, String upstreamModel) throws TranslationException {
        ObjectNode out = Json.object().put("model", upstreamModel);
        Long dimensions;
        if (batch) {
            ArrayNode input = out.putArray("input");
            JsonNode requests = body.path("requests");
            if (!requests.isArray() || requests.isEmpty()) {
                throw new TranslationException("\"requests\" must be a non-empty array");
            }
            for (JsonNode r : requests) {
                input.add(text(r.path("content")));
            }
            dimensions = Jsons.longOrNull(Jsons.field(requests.get(0), "outputDimensionality"));
        } else {
            out.put("input", text(body.path("content")));
            dimensions = Jsons.longOrNull(Jsons.field(body, "outputDimensionality"));
        }
        if (dimensions != null) {
            out.put("dimensions", dimensions);
        }
        out.put("encoding_format", "float");
        return out;
    }

    static BodyConversion response(boolean batch) {
        return body -> {
            JsonNode data = body.path("data");
            if (!data.isArray() || data.isEmpty()) {
                throw UpstreamBodyException.unreadable("upstream embeddings answer holds no data");
            }
            JsonNode[] ordered = new JsonNode[data.size()];
            for (JsonNode item : data) {
                int index = item.path("index").asInt(0);
                if (index < 0 || index >= ordered.length) {
                    throw UpstreamBodyException.unreadable("upstream embedding index out of range");
                }
                ordered[index] = item.path("embedding");
            }
            ObjectNode root = Json.object();
            if (batch) {
                ArrayNode embeddings = root.putArray("embeddings");
                for (JsonNode v : ordered) {
                    embeddings.addObject().set("values", v);
                }
            } else {
                root.putObject("embedding").set("values", ordered[0]);
            }
            TokenUsage usage = OpenAiUsage.read(Jsons.field(body, "usage"));
            if (usage.prompt() != TokenUsage.UNREPORTED) {
                usage = usage.withCompletion(0);
            }
            return new BodyConversion.Result(root, usage, null);
        };
    }

    private static String text(JsonNode content) throws TranslationException {
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : content.path("parts")) {
            if (!p.has("text")) {
                throw new TranslationException("only text can be embedded on this channel");
            }
            sb.append(p.path("text").asText());
        }
        return sb.toString();
    }
}
