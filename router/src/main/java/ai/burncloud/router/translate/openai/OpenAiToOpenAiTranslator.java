package ai.burncloud.router.translate.openai;

import ai.burncloud.router.translate.ClientError;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.Translator;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Clock;

/**
 * OpenAI client → OpenAI-dialect channel (openai, azure, qwen, compatible hosts): the same-dialect
 * passthrough, except a {@code /v1/responses} request for a host without that endpoint, which is
 * converted through chat ({@link ResponsesToChatTranslator#servesResponses} decides). The choice made
 * for the request is visible in what was sent, so the answer goes back through the same pair.
 */
public final class OpenAiToOpenAiTranslator implements Translator {
    private final OpenAiPassthroughTranslator passthrough = new OpenAiPassthroughTranslator();
    private final ResponsesToChatTranslator responsesToChat;

    public OpenAiToOpenAiTranslator(Clock clock) {
        this.responsesToChat = new ResponsesToChatTranslator(clock);
    }

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        if (request.operation() == Operation.RESPONSES && !ResponsesToChatTranslator.servesResponses(target)) {
            return responsesToChat.toUpstream(request, target, alloc);
        }
        return passthrough.toUpstream(request, target, alloc);
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        if (request.operation() == Operation.RESPONSES
                && sent.operation() == UpstreamOperation.OPENAI_CHAT_COMPLETIONS) {
            return responsesToChat.responseConverter(request, target, sent, sink);
        }
        return passthrough.responseConverter(request, target, sent, sink);
    }

    /** Both halves' hosts answer errors in OpenAI's shape; the passthrough keeps them as they are. */
    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        return passthrough.translateError(upstreamStatus, body, alloc);
    }
}
