package ai.burncloud.router.translate.openai;

import ai.burncloud.common.Json;
import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.ClientError;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.RequestFields;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.Translator;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamDialect;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;

/**
 * OpenAI client → OpenAI-dialect upstream (OpenAI, Azure, Qwen, any compatible host). The body goes
 * out as the client's bytes; only two things are ever changed, in place: the {@code model} value
 * when the channel maps it, and {@code stream_options.include_usage} when a stream did not ask for
 * usage (the router needs it for billing; the extra chunk is withheld from the client).
 */
final class OpenAiPassthroughTranslator implements Translator {
    private static final byte[] INCLUDE_USAGE = "\"stream_options\":{\"include_usage\":true},".getBytes();

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        UpstreamOperation op = operation(request.operation());
        RequestFields f = request.fields();
        ByteBuf body;
        if (f == null) {
            body = request.body().retainedDuplicate(); // multipart: forwarded untouched
        } else if (!injectsUsage(request, op) && !target.modelMapped()) {
            body = request.body().retainedDuplicate();
        } else if (!f.hasStreamOptions() && (!target.modelMapped() || f.modelStart() >= 0)) {
            body = patch(request.body(), f, injectsUsage(request, op), target, alloc);
        } else {
            body = rewrite(request, target, injectsUsage(request, op));
        }
        return new UpstreamBody(op, request.stream(), body, request.contentType(), null);
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        if (sent.stream()) {
            return new OpenAiSsePassthroughConverter(
                    sink, injectsUsage(request, sent.operation()), usageChunkFor(request, sent.operation()));
        }
        return new OpenAiJsonPassthroughConverter(sink);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        try {
            JsonNode parsed = Json.mapper().readTree(new io.netty.buffer.ByteBufInputStream(body.duplicate()));
            if (parsed != null && parsed.path("error").isObject()) {
                return new ClientError(upstreamStatus, body.retainedDuplicate()); // already the client's dialect
            }
        } catch (IOException | RuntimeException ignored) {
            // not an OpenAI error body: rendered as one below
        }
        return ai.burncloud.router.translate.ir.ErrorBodies.translate(
                UpstreamDialect.OPENAI, ClientApi.OPENAI, upstreamStatus, body, alloc);
    }

    /**
     * The usage chunk to write when the client asked for usage and the host ignores the option (null
     * when the client did not ask).
     */
    private static OpenAiUsageChunk usageChunkFor(ClientRequest request, UpstreamOperation op) {
        RequestFields f = request.fields();
        if (!request.stream() || f == null || !f.includeUsage()) {
            return null;
        }
        return switch (op) {
            case OPENAI_CHAT_COMPLETIONS -> new OpenAiUsageChunk(request.model(), "chat.completion.chunk");
            case OPENAI_COMPLETIONS -> new OpenAiUsageChunk(request.model(), "text_completion");
            default -> null;
        };
    }

    /** Whether the router adds include_usage on the client's behalf. */
    static boolean injectsUsage(ClientRequest request, UpstreamOperation op) {
        RequestFields f = request.fields();
        return request.stream()
                && f != null
                && !f.includeUsage()
                && (op == UpstreamOperation.OPENAI_CHAT_COMPLETIONS || op == UpstreamOperation.OPENAI_COMPLETIONS);
    }

    private static UpstreamOperation operation(Operation op) throws TranslationException {
        return switch (op) {
            case CHAT_COMPLETIONS -> UpstreamOperation.OPENAI_CHAT_COMPLETIONS;
            case COMPLETIONS -> UpstreamOperation.OPENAI_COMPLETIONS;
            case EMBEDDINGS -> UpstreamOperation.OPENAI_EMBEDDINGS;
            case RESPONSES -> UpstreamOperation.OPENAI_RESPONSES;
            case IMAGES_GENERATIONS -> UpstreamOperation.OPENAI_IMAGES_GENERATIONS;
            case AUDIO_SPEECH -> UpstreamOperation.OPENAI_AUDIO_SPEECH;
            case AUDIO_TRANSCRIPTIONS -> UpstreamOperation.OPENAI_AUDIO_TRANSCRIPTIONS;
            case MODERATIONS -> UpstreamOperation.OPENAI_MODERATIONS;
            default -> throw new TranslationException("operation " + op + " is not an OpenAI operation");
        };
    }

    /** Splices the mapped model and/or the include_usage member into a copy of the client's bytes. */
    private static ByteBuf patch(
            ByteBuf original, RequestFields f, boolean injectUsage, UpstreamTarget target, ByteBufAllocator alloc) {
        int start = original.readerIndex();
        int length = original.readableBytes();
        byte[] model = target.modelMapped() ? Json.writeBytes(target.upstreamModel()) : null;
        ByteBuf out = alloc.buffer(length + 64);
        int cursor = start;
        if (injectUsage) {
            int brace = original.indexOf(start, start + length, (byte) '{');
            out.writeBytes(original, cursor, brace + 1 - cursor);
            out.writeBytes(INCLUDE_USAGE);
            cursor = brace + 1;
        }
        if (model != null) {
            int ms = start + f.modelStart();
            int me = start + f.modelEnd();
            out.writeBytes(original, cursor, ms - cursor);
            out.writeBytes(model);
            cursor = me;
        }
        out.writeBytes(original, cursor, start + length - cursor);
        return out;
    }

    /** The rare case (stream_options present without include_usage): rebuild the JSON. */
    private static ByteBuf rewrite(ClientRequest request, UpstreamTarget target, boolean injectUsage)
            throws TranslationException {
        ObjectNode copy = ((ObjectNode) request.json()).deepCopy();
        if (target.modelMapped()) {
            copy.put("model", target.upstreamModel());
        }
        if (injectUsage) {
            JsonNode so = copy.path("stream_options");
            ObjectNode options = so.isObject() ? (ObjectNode) so : copy.putObject("stream_options");
            options.put("include_usage", true);
        }
        return Unpooled.wrappedBuffer(Json.writeBytes(copy));
    }
}
