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
import ai.burncloud.router.translate.ir.BodyConversion;
import ai.burncloud.router.translate.ir.BufferedConverter;
import ai.burncloud.router.translate.ir.ChatRequest;
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.JsonOut;
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
 * OpenAI client ({@code /v1/chat/completions}, or {@code /v1/responses} converted through chat) →
 * Anthropic channel ({@code /v1/messages}).
 */
public final class OpenAiToAnthropicTranslator implements Translator {
    private final Clock clock;

    public OpenAiToAnthropicTranslator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        ChatRequest chat = switch (request.operation()) {
            case CHAT_COMPLETIONS -> OpenAiRequestReader.read(request.json(), "anthropic");
            case RESPONSES -> ResponsesRequestReader.read(request.json(), "anthropic");
            default -> throw Refusals.operation(request.operation(), "anthropic");
        };
        return UpstreamBody.json(
                UpstreamOperation.ANTHROPIC_MESSAGES,
                chat.stream(),
                JsonOut.json(alloc, AnthropicRequestWriter.write(chat, target)));
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        if (request.operation() == Operation.RESPONSES) {
            return ResponsesAnswers.converter(
                    request, clock, sent.stream(), AnthropicSseReader::new, AnthropicCompletions::read, sink);
        }
        if (sent.stream()) {
            boolean includeUsage = OpenAiRequestReader.includeUsage(request);
            return new StreamingConverter(
                    new AnthropicSseReader(), new OpenAiChunkWriter(request.model(), includeUsage, clock), sink);
        }
        return new BufferedConverter(
                ClientApi.OPENAI,
                BodyConversion.of(AnthropicCompletions::read, c -> OpenAiCompletions.write(c, request.model(), clock)),
                sink);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        return ErrorBodies.translate(UpstreamDialect.ANTHROPIC, ClientApi.OPENAI, upstreamStatus, body, alloc);
    }
}
