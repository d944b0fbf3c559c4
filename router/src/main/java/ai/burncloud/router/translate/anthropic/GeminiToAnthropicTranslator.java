package ai.burncloud.router.translate.anthropic;

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
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import ai.burncloud.router.translate.gemini.GeminiCompletions;
import ai.burncloud.router.translate.gemini.GeminiQuery;
import ai.burncloud.router.translate.gemini.GeminiRequestReader;
import ai.burncloud.router.translate.gemini.GeminiStreamWriter;
import ai.burncloud.router.translate.ir.BodyConversion;
import ai.burncloud.router.translate.ir.BufferedConverter;
import ai.burncloud.router.translate.ir.ChatRequest;
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.JsonOut;
import ai.burncloud.router.translate.ir.LocalTokenCount;
import ai.burncloud.router.translate.ir.Refusals;
import ai.burncloud.router.translate.ir.StreamingConverter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Gemini client ({@code :generateContent}, {@code :streamGenerateContent}) → Anthropic channel.
 * {@code :countTokens} is answered locally; embeddings are refused (Anthropic has none).
 */
public final class GeminiToAnthropicTranslator implements Translator {

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        switch (request.operation()) {
            case GENERATE_CONTENT, STREAM_GENERATE_CONTENT -> {
                boolean stream = request.operation() == Operation.STREAM_GENERATE_CONTENT;
                ChatRequest chat = GeminiRequestReader.read(request.json(), stream, "anthropic");
                return UpstreamBody.json(
                        UpstreamOperation.ANTHROPIC_MESSAGES,
                        stream,
                        JsonOut.json(alloc, AnthropicRequestWriter.write(chat, target)));
            }
            case COUNT_TOKENS_GEMINI -> {
                ChatRequest chat = GeminiRequestReader.readCountTokens(request.json(), "anthropic");
                return LocalTokenCount.answer(ClientApi.GEMINI, chat, alloc);
            }
            default -> throw Refusals.operation(request.operation(), "anthropic");
        }
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        if (sent.stream()) {
            return new StreamingConverter(
                    new AnthropicSseReader(),
                    new GeminiStreamWriter(request.model(), GeminiQuery.wantsSse(request.rawQuery())),
                    sink);
        }
        return new BufferedConverter(
                ClientApi.GEMINI,
                BodyConversion.of(AnthropicCompletions::read, c -> GeminiCompletions.write(c, request.model())),
                sink);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        return ErrorBodies.translate(UpstreamDialect.ANTHROPIC, ClientApi.GEMINI, upstreamStatus, body, alloc);
    }
}
