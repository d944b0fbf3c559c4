package ai.burncloud.router.translate;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backstop behind every translator's own checks: a request body of a shape no translator
 * expected (a number where an object belongs, fuzzed nesting) must cost the client a 400, never a
 * 500. A runtime exception while reading the request is turned into a {@link TranslationException};
 * it is logged once per occurrence at WARN with its stack, since it also means a check is missing.
 */
final class ShapeGuardedTranslator implements Translator {
    private static final Logger log = LoggerFactory.getLogger(ShapeGuardedTranslator.class);

    private final Translator inner;

    ShapeGuardedTranslator(Translator inner) {
        this.inner = inner;
    }

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        try {
            return inner.toUpstream(request, target, alloc);
        } catch (RuntimeException e) {
            log.warn(
                    "{} could not read a {} request: {}",
                    inner.getClass().getSimpleName(),
                    request.api(),
                    e.toString(),
                    e);
            throw new TranslationException("the request body does not have the shape this endpoint expects");
        }
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        return inner.responseConverter(request, target, sent, sink);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        return inner.translateError(upstreamStatus, body, alloc);
    }
}
