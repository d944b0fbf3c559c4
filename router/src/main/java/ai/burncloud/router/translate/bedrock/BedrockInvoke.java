package ai.burncloud.router.translate.bedrock;

import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import ai.burncloud.router.translate.anthropic.AnthropicRequestReader;
import ai.burncloud.router.translate.ir.JsonOut;
import ai.burncloud.router.translate.ir.Jsons;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufAllocator;

/**
 * Bedrock's InvokeModel for Claude: the Anthropic client's own Messages body, minus {@code model} and
 * {@code stream} (the URL says both), plus {@code anthropic_version: bedrock-2023-05-31}, sent to
 * {@code /model/{id}/invoke} or {@code /invoke-with-response-stream}. Used for Anthropic clients on
 * Claude models unless the channel config says {@code "api": "converse"}; everything Claude on Bedrock
 * understands (cache_control, thinking with signatures, betas in the body) arrives as the client sent it.
 */
public final class BedrockInvoke {
    static final String ANTHROPIC_VERSION = "bedrock-2023-05-31";

    private BedrockInvoke() {}

    /** Whether an Anthropic client's request to this channel goes through InvokeModel. */
    public static boolean applies(UpstreamTarget target) {
        String api = Jsons.text(target.config(), "api");
        if ("converse".equals(api)) {
            return false;
        }
        return BedrockModels.isClaude(target.upstreamModel());
    }

    static UpstreamBody body(ClientRequest request, ByteBufAllocator alloc) throws TranslationException {
        JsonNode json = request.json();
        if (!json.isObject()) {
            throw new TranslationException("the request body must be a JSON object");
        }
        // Bedrock keeps no message threads either
        AnthropicRequestReader.refuseThread(json, "bedrock");
        ObjectNode body = ((ObjectNode) json).deepCopy();
        body.remove("model");
        body.remove("stream");
        if (!body.has("anthropic_version")) {
            body.put("anthropic_version", ANTHROPIC_VERSION);
        }
        boolean stream = request.stream();
        return UpstreamBody.json(
                stream ? UpstreamOperation.BEDROCK_INVOKE_STREAM : UpstreamOperation.BEDROCK_INVOKE,
                stream,
                JsonOut.json(alloc, body));
    }
}
