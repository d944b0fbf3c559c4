package ai.burncloud.router.translate.bedrock;

import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.ClientError;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.Translator;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamDialect;
import ai.burncloud.router.translate.UpstreamTarget;
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.OpenAiChunkWriter;
import ai.burncloud.router.translate.ir.OpenAiCompletions;
import ai.burncloud.router.translate.ir.OpenAiRequestReader;
import ai.burncloud.router.translate.ir.Refusals;
import ai.burncloud.router.translate.ir.ResponsesCompletions;
import ai.burncloud.router.translate.ir.ResponsesEnvelope;
import ai.burncloud.router.translate.ir.ResponsesRequestReader;
import ai.burncloud.router.translate.ir.ResponsesStreamWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Clock;

/**
 * OpenAI client ({@code /v1/chat/completions}, or {@code /v1/responses} converted through chat) →
 * Bedrock channel (Converse / ConverseStream).
 */
public final class OpenAiToBedrockTranslator implements Translator {
    private final Clock clock;

    public OpenAiToBedrockTranslator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        return switch (request.operation()) {
            case CHAT_COMPLETIONS ->
                BedrockConverters.converse(
                        OpenAiRequestReader.read(request.json(), "bedrock"), target.upstreamModel(), alloc);
            case RESPONSES ->
                BedrockConverters.converse(
                        ResponsesRequestReader.read(request.json(), "bedrock"), target.upstreamModel(), alloc);
            default -> throw Refusals.operation(request.operation(), "bedrock");
        };
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        if (request.operation() == Operation.RESPONSES) {
            ResponsesEnvelope envelope = ResponsesEnvelope.of(request, clock);
            return BedrockConverters.converter(
                    sent,
                    ClientApi.OPENAI,
                    new ResponsesStreamWriter(envelope, sink),
                    c -> ResponsesCompletions.write(c, envelope),
                    sink);
        }
        boolean includeUsage = OpenAiRequestReader.includeUsage(request);
        return BedrockConverters.converter(
                sent,
                ClientApi.OPENAI,
                new OpenAiChunkWriter(request.model(), includeUsage, clock),
                c -> OpenAiCompletions.write(c, request.model(), clock),
                sink);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        return ErrorBodies.translate(UpstreamDialect.BEDROCK_CONVERSE, ClientApi.OPENAI, upstreamStatus, body, alloc);
    }
}
