package ai.burncloud.router.translate.gemini;

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
import ai.burncloud.router.translate.ir.BodyConversion;
import ai.burncloud.router.translate.ir.BufferedConverter;
import ai.burncloud.router.translate.ir.ChatRequest;
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.JsonOut;
import ai.burncloud.router.translate.ir.LocalTokenCount;
import ai.burncloud.router.translate.ir.OpenAiCompletions;
import ai.burncloud.router.translate.ir.OpenAiRequestWriter;
import ai.burncloud.router.translate.ir.OpenAiSseReader;
import ai.burncloud.router.translate.ir.Refusals;
import ai.burncloud.router.translate.ir.StreamingConverter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Gemini client ({@code :generateContent}, {@code :streamGenerateContent}, embeddings) → OpenAI-dialect
 * channel (openai, azure, qwen). {@code :countTokens} is answered locally.
 */
public final class GeminiToOpenAiTranslator implements Translator {

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        String upstream = target.type().id();
        switch (request.operation()) {
            case GENERATE_CONTENT, STREAM_GENERATE_CONTENT -> {
                boolean stream = request.operation() == Operation.STREAM_GENERATE_CONTENT;
                ChatRequest chat = GeminiRequestReader.read(request.json(), stream, upstream);
                return UpstreamBody.json(
                        UpstreamOperation.OPENAI_CHAT_COMPLETIONS,
                        stream,
                        JsonOut.json(alloc, OpenAiRequestWriter.write(chat, target.upstreamModel(), target.config())));
            }
            case EMBED_CONTENT, BATCH_EMBED_CONTENTS -> {
                boolean batch = request.operation() == Operation.BATCH_EMBED_CONTENTS;
                return UpstreamBody.json(
                        UpstreamOperation.OPENAI_EMBEDDINGS,
                        false,
                        JsonOut.json(
                                alloc, GeminiEmbedToOpenAi.toUpstream(request.json(), batch, target.upstreamModel())));
            }
            case COUNT_TOKENS_GEMINI -> {
                return LocalTokenCount.answer(
                        ClientApi.GEMINI, GeminiRequestReader.readCountTokens(request.json(), upstream), alloc);
            }
            default -> throw Refusals.operation(request.operation(), upstream);
        }
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        if (sent.operation() == UpstreamOperation.OPENAI_EMBEDDINGS) {
            boolean batch = request.operation() == Operation.BATCH_EMBED_CONTENTS;
            return new BufferedConverter(ClientApi.GEMINI, GeminiEmbedToOpenAi.response(batch), sink);
        }
        if (sent.stream()) {
            return new StreamingConverter(
                    new OpenAiSseReader(),
                    new GeminiStreamWriter(request.model(), GeminiQuery.wantsSse(request.rawQuery())),
                    sink);
        }
        return new BufferedConverter(
                ClientApi.GEMINI,
                BodyConversion.of(OpenAiCompletions::read, c -> GeminiCompletions.write(c, request.model())),
                sink);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        return ErrorBodies.translate(UpstreamDialect.OPENAI, ClientApi.GEMINI, upstreamStatus, body, alloc);
    }
}
