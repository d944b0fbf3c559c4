package ai.burncloud.router.translate.ir;

import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.CompletionTextSink;
import ai.burncloud.router.translate.ResponseConverter;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The client half of a {@code /v1/responses} request served by a chat-style upstream, shared by every
 * pair that converts Responses through chat: one {@link ResponsesEnvelope} per answer, streamed through
 * {@link ResponsesStreamWriter} or written whole by {@link ResponsesCompletions}. Each pair supplies only
 * its upstream half (its stream reader and whole-answer reader).
 */
public final class ResponsesAnswers {
    private ResponsesAnswers() {}

    public static ResponseConverter converter(
            ClientRequest request,
            Clock clock,
            boolean stream,
            Supplier<UpstreamStreamReader> streamReader,
            BodyConversion.CompletionReader wholeReader,
            CompletionTextSink sink) {
        ResponsesEnvelope envelope = ResponsesEnvelope.of(request, clock);
        if (stream) {
            return new StreamingConverter(streamReader.get(), new ResponsesStreamWriter(envelope, sink), sink);
        }
        return new BufferedConverter(
                ClientApi.OPENAI, BodyConversion.of(wholeReader, c -> ResponsesCompletions.write(c, envelope)), sink);
    }
}
