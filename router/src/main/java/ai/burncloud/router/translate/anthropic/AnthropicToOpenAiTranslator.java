package ai.burncloud.router.translate.anthropic;

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
 * Anthropic client ({@code /v1/messages}) → OpenAI-dialect channel (openai, azure, qwen): what lets
 * Claude Code and the Anthropic SDKs run on any OpenAI-compatible model. The upstream stream may be
 * Azure- or DashScope-flavoured; {@link OpenAiSseReader} absorbs that. {@code count_tokens} is
 * answered locally.
 */
public final class AnthropicToOpenAiTranslator implements Translator {

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        String upstream = target.type().id();
        switch (request.operation()) {
            case COUNT_TOKENS -> {
                return LocalTokenCount.answer(
                        ClientApi.ANTHROPIC, AnthropicRequestReader.read(request.json(), upstream), alloc);
            }
            case MESSAGES -> {
                ChatRequest chat = AnthropicRequestReader.read(request.json(), upstream);
                return UpstreamBody.json(
                        UpstreamOperation.OPENAI_CHAT_COMPLETIONS,
                        chat.stream(),
                        JsonOut.json(alloc, OpenAiRequestWriter.write(chat, target.upstreamModel(), target.config())));
            }
            default -> throw Refusals.operation(request.operation(), upstream);
        }
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        if (sent.stream()) {
            return new StreamingConverter(new OpenAiSseReader(), new AnthropicSseWriter(request.model()), sink);
        }
        return new BufferedConverter(
                ClientApi.ANTHROPIC,
                BodyConversion.of(OpenAiCompletions::read, c -> AnthropicCompletions.write(c, request.model())),
                sink);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        return ErrorBodies.translate(UpstreamDialect.OPENAI, ClientApi.ANTHROPIC, upstreamStatus, body, alloc);
    }
}
