package ai.burncloud.router.translate.gemini;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
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
import ai.burncloud.router.translate.ir.BodyConversion;
import ai.burncloud.router.translate.ir.BufferedConverter;
import ai.burncloud.router.translate.ir.ChatRequest;
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.JsonOut;
import ai.burncloud.router.translate.ir.Refusals;
import ai.burncloud.router.translate.ir.StreamingConverter;
import ai.burncloud.router.translate.ir.UpstreamBodyException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Anthropic client ({@code /v1/messages}) → Gemini channel; {@code count_tokens} goes to Gemini's own
 * {@code countTokens} with the converted request, and {@code totalTokens} comes back as
 * {@code input_tokens}.
 */
public final class AnthropicToGeminiTranslator implements Translator {

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        switch (request.operation()) {
            case MESSAGES -> {
                ChatRequest chat = AnthropicRequestReader.read(request.json(), "gemini");
                UpstreamOperation op = chat.stream()
                        ? UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT
                        : UpstreamOperation.GEMINI_GENERATE_CONTENT;
                return UpstreamBody.json(op, chat.stream(), JsonOut.json(alloc, GeminiRequestWriter.write(chat)));
            }
            case COUNT_TOKENS -> {
                ChatRequest chat = AnthropicRequestReader.read(request.json(), "gemini");
                ObjectNode inner = GeminiRequestWriter.write(chat);
                inner.put("model", GeminiRequestWriter.modelResource(target.upstreamModel()));
                ObjectNode body = Json.object();
                body.set("generateContentRequest", inner);
                return UpstreamBody.json(UpstreamOperation.GEMINI_COUNT_TOKENS, false, JsonOut.json(alloc, body));
            }
            default -> throw Refusals.operation(request.operation(), "gemini");
        }
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        if (sent.operation() == UpstreamOperation.GEMINI_COUNT_TOKENS) {
            return new BufferedConverter(ClientApi.ANTHROPIC, AnthropicToGeminiTranslator::countTokensAnswer, sink);
        }
        if (sent.stream()) {
            return new StreamingConverter(new GeminiSseReader(), new AnthropicSseWriter(request.model()), sink);
        }
        return new BufferedConverter(
                ClientApi.ANTHROPIC,
                BodyConversion.of(GeminiCompletions::read, c -> AnthropicCompletions.write(c, request.model())),
                sink);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        return ErrorBodies.translate(UpstreamDialect.GEMINI, ClientApi.ANTHROPIC, upstreamStatus, body, alloc);
    }

    private static BodyConversion.Result countTokensAnswer(JsonNode body) throws UpstreamBodyException {
        if (!body.path("totalTokens").isNumber()) {
            throw UpstreamBodyException.unreadable("upstream countTokens answer has no totalTokens");
        }
        ObjectNode answer =
                Json.object().put("input_tokens", body.get("totalTokens").asLong());
        return new BodyConversion.Result(answer, TokenUsage.NONE, null);
    }
}
