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
import ai.burncloud.router.translate.ir.ErrorBodies;
import ai.burncloud.router.translate.ir.JsonPassthroughConverter;
import ai.burncloud.router.translate.ir.Jsons;
import ai.burncloud.router.translate.ir.ModelPatch;
import ai.burncloud.router.translate.ir.Refusals;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Anthropic client → Anthropic channel: {@code /v1/messages} and {@code count_tokens} forwarded as the
 * client's bytes ({@code model} re-written only when the channel maps it); answers forwarded as the
 * upstream's bytes, with usage (cache reads and writes included) read from {@code message_start},
 * {@code message_delta} or the message's {@code usage}.
 */
public final class AnthropicPassthroughTranslator implements Translator {

    @Override
    public UpstreamBody toUpstream(ClientRequest request, UpstreamTarget target, ByteBufAllocator alloc)
            throws TranslationException {
        UpstreamOperation op = switch (request.operation()) {
            case MESSAGES -> UpstreamOperation.ANTHROPIC_MESSAGES;
            case COUNT_TOKENS -> UpstreamOperation.ANTHROPIC_COUNT_TOKENS;
            default -> throw Refusals.operation(request.operation(), "anthropic");
        };
        boolean stream = op == UpstreamOperation.ANTHROPIC_MESSAGES && request.stream();
        return UpstreamBody.json(op, stream, ModelPatch.body(request, target, alloc));
    }

    @Override
    public ResponseConverter responseConverter(
            ClientRequest request, UpstreamTarget target, UpstreamBody sent, CompletionTextSink sink) {
        if (sent.stream()) {
            return new AnthropicStreamPassthrough(sink);
        }
        return new JsonPassthroughConverter("usage", AnthropicUsage::read);
    }

    @Override
    public ClientError translateError(int upstreamStatus, ByteBuf body, ByteBufAllocator alloc) {
        JsonNode json = Jsons.parseOrNull(body);
        if (json != null
                && "error".equals(Jsons.text(json, "type"))
                && json.path("error").isObject()) {
            // already in the client's dialect: forwarded as is (request_id included)
            return new ClientError(upstreamStatus, body.retainedDuplicate());
        }
        return ErrorBodies.translate(UpstreamDialect.ANTHROPIC, ClientApi.ANTHROPIC, upstreamStatus, body, alloc);
    }
}
