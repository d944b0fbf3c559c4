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
import ai.burncloud.router.translate.gemini.GeminiCompletions;
import ai.burncloud.router.translate.gemini.GeminiQuery;
import ai.burncloud.router.translate.gemini.GeminiRequestReader;
import ai.burncloud.router.translate.gemini.GeminiStreamWriter;
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.LocalTokenCount;
import ai.burncloud.router.translate.ir.Refusals;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Gemini client ({@code :generateContent}, {@code :streamGenerateContent}) → Bedrock channel. */
public final class GeminiToBedrockTranslator implements Translator {

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        return switch (request.operation()) {
            case GENERATE_CONTENT, STREAM_GENERATE_CONTENT ->
                BedrockConverters.converse(
                        GeminiRequestReader.read(
                                request.json(), request.operation() == Operation.STREAM_GENERATE_CONTENT, "bedrock"),
                        target.upstreamModel(),
                        alloc);
            case COUNT_TOKENS_GEMINI ->
                LocalTokenCount.answer(
                        ClientApi.GEMINI, GeminiRequestReader.readCountTokens(request.json(), "bedrock"), alloc);
            default -> throw Refusals.operation(request.operation(), "bedrock");
        };
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        return BedrockConverters.converter(
                sent,
                ClientApi.GEMINI,
                new GeminiStreamWriter(request.model(), GeminiQuery.wantsSse(request.rawQuery())),
                c -> GeminiCompletions.write(c, request.model()),
                sink);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        return ErrorBodies.translate(UpstreamDialect.BEDROCK_CONVERSE, ClientApi.GEMINI, upstreamStatus, body, alloc);
    }
}
