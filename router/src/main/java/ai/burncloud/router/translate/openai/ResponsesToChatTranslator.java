package ai.burncloud.router.translate.openai;

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
import ai.burncloud.router.translate.ir.ChatRequest;
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.JsonOut;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.OpenAiCompletions;
import ai.burncloud.router.translate.ir.OpenAiRequestWriter;
import ai.burncloud.router.translate.ir.OpenAiSseReader;
import ai.burncloud.router.translate.ir.ResponsesAnswers;
import ai.burncloud.router.translate.ir.ResponsesRequestReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Clock;

/**
 * OpenAI Responses client ({@code /v1/responses}) → an OpenAI-dialect host that serves only
 * {@code /chat/completions} (DashScope's compatible mode, DeepSeek, most self-hosted servers): the
 * request is read into a {@link ChatRequest} as for Claude or Gemini channels and written as a chat
 * request; the chat answer or stream is written back as a Responses object or event stream.
 *
 * <p>Which hosts get this instead of the passthrough is {@link #servesResponses}'s decision.
 */
public final class ResponsesToChatTranslator implements Translator {
    /** Channel config key: {@code "native"} or {@code "chat"}, overriding the channel type's default. */
    static final String CONFIG_KEY = "responses_api";

    private final Clock clock;

    public ResponsesToChatTranslator(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether the channel's host serves {@code /responses} itself. OpenAI and Azure do (Azure on its v1
     * path); DashScope's compatible mode ({@code qwen}) has no such endpoint. Channel config
     * {@code responses_api} says otherwise for one channel: {@code "chat"} for an {@code openai}-type
     * channel pointing at a chat-only host, {@code "native"} for a host that serves it.
     */
    public static boolean servesResponses(UpstreamTarget target) {
        String choice = Jsons.text(target.config(), CONFIG_KEY);
        if ("chat".equals(choice)) {
            return false;
        }
        if ("native".equals(choice)) {
            return true;
        }
        return switch (target.type()) {
            case OPENAI, AZURE -> true;
            default -> false;
        };
    }

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        ChatRequest chat =
                ResponsesRequestReader.read(request.json(), target.type().id());
        return UpstreamBody.json(
                UpstreamOperation.OPENAI_CHAT_COMPLETIONS,
                chat.stream(),
                JsonOut.json(alloc, OpenAiRequestWriter.write(chat, target.upstreamModel(), target.config())));
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        return ResponsesAnswers.converter(
                request, clock, sent.stream(), OpenAiSseReader::new, OpenAiCompletions::read, sink);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        return ErrorBodies.translate(UpstreamDialect.OPENAI, ClientApi.OPENAI, upstreamStatus, body, alloc);
    }
}
