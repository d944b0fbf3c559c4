package ai.burncloud.router.translate.bedrock;

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
import ai.burncloud.router.translate.anthropic.AnthropicCompletions;
import ai.burncloud.router.translate.anthropic.AnthropicRequestReader;
import ai.burncloud.router.translate.anthropic.AnthropicSseWriter;
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.JsonPassthroughConverter;
import ai.burncloud.router.translate.ir.LocalTokenCount;
import ai.burncloud.router.translate.ir.Refusals;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Anthropic client ({@code /v1/messages}) → Bedrock channel: Claude models through InvokeModel with
 * the client's own body ({@link BedrockInvoke}; answers forwarded as Claude's bytes), other models —
 * or every model when the channel config says {@code "api": "converse"} — through Converse.
 * {@code count_tokens} is answered locally.
 */
public final class AnthropicToBedrockTranslator implements Translator {

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        return switch (request.operation()) {
            case MESSAGES ->
                BedrockInvoke.applies(target)
                        ? BedrockInvoke.body(request, alloc)
                        : BedrockConverters.converse(
                                AnthropicRequestReader.read(request.json(), "bedrock"), target.upstreamModel(), alloc);
            case COUNT_TOKENS ->
                LocalTokenCount.answer(
                        ClientApi.ANTHROPIC, AnthropicRequestReader.read(request.json(), "bedrock"), alloc);
            default -> throw Refusals.operation(request.operation(), "bedrock");
        };
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        if (sent.operation() == UpstreamOperation.BEDROCK_INVOKE_STREAM) {
            return new BedrockInvokeStreamConverter(sink);
        }
        if (sent.operation() == UpstreamOperation.BEDROCK_INVOKE) {
            // Claude's own message body: forwarded as bytes
            return new JsonPassthroughConverter("usage", AnthropicCompletions::readUsage);
        }
        return BedrockConverters.converter(
                sent,
                ClientApi.ANTHROPIC,
                new AnthropicSseWriter(request.model()),
                c -> AnthropicCompletions.write(c, request.model()),
                sink);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        return ErrorBodies.translate(
                UpstreamDialect.BEDROCK_CONVERSE, ClientApi.ANTHROPIC, upstreamStatus, body, alloc);
    }
}
