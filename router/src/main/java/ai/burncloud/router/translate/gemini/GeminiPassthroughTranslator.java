package ai.burncloud.router.translate.gemini;

import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.ClientError;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.Translator;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamDialect;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.JsonOut;
import ai.burncloud.router.translate.ir.JsonPassthroughConverter;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.Refusals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Gemini client → Gemini channel: every Gemini method forwarded with the client's bytes (the model
 * travels in the URL, which the provider builds). When the channel maps the model, the copies of it
 * inside the body ({@code batchEmbedContents} requests, {@code countTokens}'
 * {@code generateContentRequest}) are patched too. Usage comes from the (last) {@code usageMetadata},
 * including {@code cachedContentTokenCount} and {@code thoughtsTokenCount}.
 */
public final class GeminiPassthroughTranslator implements Translator {

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        UpstreamOperation op = switch (request.operation()) {
            case GENERATE_CONTENT -> UpstreamOperation.GEMINI_GENERATE_CONTENT;
            case STREAM_GENERATE_CONTENT -> UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT;
            case EMBED_CONTENT -> UpstreamOperation.GEMINI_EMBED_CONTENT;
            case BATCH_EMBED_CONTENTS -> UpstreamOperation.GEMINI_BATCH_EMBED_CONTENTS;
            case COUNT_TOKENS_GEMINI -> UpstreamOperation.GEMINI_COUNT_TOKENS;
            default -> throw Refusals.operation(request.operation(), "gemini");
        };
        boolean stream = op == UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT;
        if (!target.modelMapped() || !mentionsModel(request)) {
            return UpstreamBody.json(op, stream, request.body().retainedDuplicate());
        }
        ObjectNode json = ((ObjectNode) request.json()).deepCopy();
        String resource = GeminiRequestWriter.modelResource(target.upstreamModel());
        if (json.has("model")) {
            json.put("model", resource);
        }
        for (JsonNode r : json.path("requests")) {
            if (r instanceof ObjectNode o) {
                o.put("model", resource);
            }
        }
        if (json.path("generateContentRequest") instanceof ObjectNode g) {
            g.put("model", resource);
        }
        return UpstreamBody.json(op, stream, JsonOut.json(alloc, json));
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        if (sent.stream()) {
            return new GeminiStreamPassthrough(GeminiQuery.wantsSse(request.rawQuery()), sink);
        }
        return new JsonPassthroughConverter("usageMetadata", GeminiUsage::read);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        JsonNode json = Jsons.parseOrNull(body);
        if (json != null && json.path("error").isObject() && json.path("error").has("status")) {
            return new ClientError(upstreamStatus, body.retainedDuplicate()); // already Gemini's own shape
        }
        return ErrorBodies.translate(UpstreamDialect.GEMINI, ClientApi.GEMINI, upstreamStatus, body, alloc);
    }

    private static boolean mentionsModel(ClientRequest request) throws TranslationException {
        JsonNode json = request.json();
        return json.has("model") || json.has("requests") || json.has("generateContentRequest");
    }
}
