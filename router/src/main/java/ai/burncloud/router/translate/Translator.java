package ai.burncloud.router.translate;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Converts one (client API, upstream dialect) pair. Same-dialect pairs forward the client's bytes,
 * patching only what must change; every other pair is a small class of its own. Stateless and shared:
 * per-request state lives in the {@link ResponseConverter} it opens.
 */
public interface Translator {
    /**
     * Builds the upstream request body.
     *
     * @throws TranslationException when the request uses a feature the upstream cannot honour
     */
    UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException;

    /** Opens the converter for a successful (2xx) upstream response. */
    ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink);

    /**
     * Converts an upstream error response (status >= 400) to the client's dialect. {@code body} stays
     * owned by the caller.
     */
    ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc);
}
