package ai.burncloud.router.testing;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ClientError;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.Translator;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamFault;
import ai.burncloud.router.translate.UpstreamTarget;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * A real translator that throws at one chosen step (of itself or of its converter): what a bug in a
 * translator looks like to the pipeline.
 */
public final class FailingTranslator implements Translator {
    /** Where to throw. */
    public enum Step {
        TO_UPSTREAM,
        RESPONSE_CONVERTER,
        ON_CHUNK,
        ON_END,
        FAULT,
        USAGE,
        CLOSE,
        ON_FAILURE,
        TRANSLATE_ERROR
    }

    private final Translator inner;
    private final Step step;

    public FailingTranslator(Translator inner, Step step) {
        this.inner = inner;
        this.step = step;
    }

    private void maybeThrow(Step here) {
        if (here == step) {
            throw new IllegalStateException("injected failure at " + here);
        }
    }

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        maybeThrow(Step.TO_UPSTREAM);
        return inner.toUpstream(request, target, alloc);
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        maybeThrow(Step.RESPONSE_CONVERTER);
        ResponseConverter c = inner.responseConverter(request, target, sent, sink);
        return new ResponseConverter() {
            @Override
            public String contentType() {
                return c.contentType();
            }

            @Override
            public void onChunk(ByteBuf chunk, ByteBufAllocator a, List<ByteBuf> out) {
                maybeThrow(Step.ON_CHUNK);
                c.onChunk(chunk, a, out);
            }

            @Override
            public void onEnd(ByteBufAllocator a, List<ByteBuf> out) {
                maybeThrow(Step.ON_END);
                c.onEnd(a, out);
            }

            @Override
            public void onFailure(GatewayError error, String message, ByteBufAllocator a, List<ByteBuf> out) {
                maybeThrow(Step.ON_FAILURE);
                c.onFailure(error, message, a, out);
            }

            @Override
            public TokenUsage usage() {
                maybeThrow(Step.USAGE);
                return c.usage();
            }

            @Override
            public UpstreamFault fault() {
                maybeThrow(Step.FAULT);
                return c.fault();
            }

            @Override
            public void close() {
                c.close(); // what it holds is released first: the failure is the only thing injected
                maybeThrow(Step.CLOSE);
            }
        };
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        maybeThrow(Step.TRANSLATE_ERROR);
        return inner.translateError(upstreamStatus, body, alloc);
    }
}
