package ai.burncloud.router.translate.bedrock;

import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.ir.BodyConversion;
import ai.burncloud.router.translate.ir.BufferedConverter;
import ai.burncloud.router.translate.ir.ChatRequest;
import ai.burncloud.router.translate.ir.ClientStreamWriter;
import ai.burncloud.router.translate.ir.JsonOut;
import ai.burncloud.router.translate.ir.StreamingConverter;
import io.netty.buffer.ByteBufAllocator;

/** The Bedrock side shared by the three pairs that end on a Bedrock channel. */
final class BedrockConverters {
    private BedrockConverters() {}

    static UpstreamBody converse(ChatRequest chat, ByteBufAllocator alloc) throws TranslationException {
        return converse(chat, null, alloc);
    }

    /** @param model the Bedrock model id (thinking is asked for only of Claude models), or null */
    static UpstreamBody converse(ChatRequest chat, String model, ByteBufAllocator alloc) throws TranslationException {
        UpstreamOperation op =
                chat.stream() ? UpstreamOperation.BEDROCK_CONVERSE_STREAM : UpstreamOperation.BEDROCK_CONVERSE;
        return UpstreamBody.json(op, chat.stream(), JsonOut.json(alloc, BedrockRequestWriter.write(chat, model)));
    }

    /** Streams through the event-stream reader; whole answers through the Converse reader. */
    static ResponseConverter converter(
            UpstreamBody sent,
            ClientApi api,
            ClientStreamWriter streamWriter,
            BodyConversion.CompletionWriter wholeWriter,
            CompletionTextSink sink) {
        if (sent.stream()) {
            return new StreamingConverter(new BedrockStreamReader(), streamWriter, sink);
        }
        return new BufferedConverter(api, BodyConversion.of(BedrockCompletions::read, wholeWriter), sink);
    }
}
