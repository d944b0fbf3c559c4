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
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Clock;

/** OpenAI client ({@code /v1/chat/completions}) → Bedrock channel (Converse / ConverseStream). */
public final class OpenAiToBedrockTranslator implements Translator {
    private final Clock clock;

    public OpenAiToBedrockTranslator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        if (request.operation() != Operation.CHAT_COMPLETIONS) {
            throw Refusals.operation(request.operation(), "bedrock");
        }
        return BedrockConverters.converse(
                OpenAiRequestReader.read(request.json(), "bedrock"), target.upstreamModel(), alloc);
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
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
