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
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.OpenAiChunkWriter;
import ai.burncloud.router.translate.ir.OpenAiCompletions;
import ai.burncloud.router.translate.ir.OpenAiRequestReader;
import ai.burncloud.router.translate.ir.Refusals;
import ai.burncloud.router.translate.ir.ResponsesAnswers;
import ai.burncloud.router.translate.ir.ResponsesRequestReader;
import ai.burncloud.router.translate.ir.StreamingConverter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Clock;

/**
 * OpenAI client → Gemini channel: {@code /v1/chat/completions} (and {@code /v1/responses}, converted
 * through chat) → {@code generateContent} /
 * {@code streamGenerateContent?alt=sse}; {@code /v1/embeddings} → {@code embedContent} /
 * {@code batchEmbedContents}.
 */
public final class OpenAiToGeminiTranslator implements Translator {
    private final Clock clock;

    public OpenAiToGeminiTranslator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        switch (request.operation()) {
            case CHAT_COMPLETIONS, RESPONSES -> {
                ChatRequest chat = request.operation() == Operation.RESPONSES
                        ? ResponsesRequestReader.read(request.json(), "gemini")
                        : OpenAiRequestReader.read(request.json(), "gemini");
                UpstreamOperation op = chat.stream()
                        ? UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT
                        : UpstreamOperation.GEMINI_GENERATE_CONTENT;
                return UpstreamBody.json(op, chat.stream(), JsonOut.json(alloc, GeminiRequestWriter.write(chat)));
            }
            case EMBEDDINGS -> {
                GeminiEmbeddings.Call call = GeminiEmbeddings.toUpstream(request.json(), target.upstreamModel());
                return UpstreamBody.json(call.operation(), false, JsonOut.json(alloc, call.body()));
            }
            default -> throw Refusals.operation(request.operation(), "gemini");
        }
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        if (sent.operation() == UpstreamOperation.GEMINI_EMBED_CONTENT
                || sent.operation() == UpstreamOperation.GEMINI_BATCH_EMBED_CONTENTS) {
            boolean base64 = "base64".equals(jsonText(request, "encoding_format"));
            return new BufferedConverter(
                    ClientApi.OPENAI, GeminiEmbeddings.response(request.model(), base64, sink), sink);
        }
        if (request.operation() == Operation.RESPONSES) {
            return ResponsesAnswers.converter(
                    request, clock, sent.stream(), GeminiSseReader::new, GeminiCompletions::read, sink);
        }
        if (sent.stream()) {
            boolean includeUsage = OpenAiRequestReader.includeUsage(request);
            return new StreamingConverter(
                    new GeminiSseReader(), new OpenAiChunkWriter(request.model(), includeUsage, clock), sink);
        }
        return new BufferedConverter(
                ClientApi.OPENAI,
                BodyConversion.of(GeminiCompletions::read, c -> OpenAiCompletions.write(c, request.model(), clock)),
                sink);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        return ErrorBodies.translate(UpstreamDialect.GEMINI, ClientApi.OPENAI, upstreamStatus, body, alloc);
    }

    private static String jsonText(ClientRequest request, String field) {
        try {
            return Jsons.text(request.json(), field);
        } catch (TranslationException e) {
            return null;
        }
    }
}
