package ai.burncloud.router.translate.ir;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.UpstreamFault;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import java.util.List;

/**
 * A non-streamed conversion: a JSON document cannot be translated before it is complete, so the
 * upstream body is held (as retained components, not copied) until it ends, then converted whole.
 * Emits nothing before {@link #onEnd}; on failure it emits nothing at all (the client has received
 * nothing, so the pipeline answers with a proper error response).
 *
 * <p>When the body reports an error or cannot be read, {@link #fault()} is set and the output is an
 * error body in the client's dialect.
 */
public final class BufferedConverter implements ResponseConverter {
    /** Far above any real completion; a body beyond this is treated as a broken upstream. */
    static final int MAX_BODY_BYTES = 64 << 20;

    private final ClientApi api;
    private final BodyConversion conversion;
    private final CompletionTextSink sink;
    private final int maxBytes;
    private CompositeByteBuf body;
    private TokenUsage usage = TokenUsage.NONE;
    private UpstreamFault fault;
    private boolean tooLarge;

    public BufferedConverter(ClientApi api, BodyConversion conversion, CompletionTextSink sink) {
        this(api, conversion, sink, MAX_BODY_BYTES);
    }

    BufferedConverter(ClientApi api, BodyConversion conversion, CompletionTextSink sink, int maxBytes) {
        this.api = api;
        this.conversion = conversion;
        this.sink = sink;
        this.maxBytes = maxBytes;
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public void onChunk(ByteBuf chunk, ByteBufAllocator alloc, List<ByteBuf> out) {
        if (tooLarge || !chunk.isReadable()) {
            return;
        }
        if (body == null) {
            body = alloc.compositeBuffer(Integer.MAX_VALUE);
        }
        if (body.readableBytes() + chunk.readableBytes() > maxBytes) {
            tooLarge = true;
            body.release();
            body = null;
            return;
        }
        body.addComponent(true, chunk.retainedSlice());
    }

    @Override
    public void onEnd(ByteBufAllocator alloc, List<ByteBuf> out) {
        ErrorInfo error;
        if (tooLarge) {
            error = ErrorInfo.upstream(
                    502, "upstream_protocol_error", "upstream response exceeds " + maxBytes + " bytes");
        } else {
            try {
                BodyConversion.Result result = conversion.convert(parse());
                usage = result.usage();
                if (result.completionText() != null && !result.completionText().isEmpty()) {
                    sink.append(result.completionText());
                }
                out.add(JsonOut.json(alloc, result.body()));
                return;
            } catch (UpstreamBodyException e) {
                error = e.error();
            } finally {
                releaseBody();
            }
        }
        fault = error.toFault();
        out.add(JsonOut.json(alloc, ErrorBodies.render(api, error)));
    }

    @Override
    public void onFailure(GatewayError error, String message, ByteBufAllocator alloc, List<ByteBuf> out) {
        releaseBody();
    }

    @Override
    public TokenUsage usage() {
        return usage;
    }

    @Override
    public UpstreamFault fault() {
        return fault;
    }

    @Override
    public void close() {
        releaseBody();
    }

    private JsonNode parse() throws UpstreamBodyException {
        JsonNode json = Jsons.parseOrNull(body);
        if (json == null || !json.isContainerNode()) {
            throw UpstreamBodyException.unreadable("upstream answered 2xx with a body that is not JSON");
        }
        return json;
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
        }
    }
}
