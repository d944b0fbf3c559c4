package ai.burncloud.router.provider;

import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import ai.burncloud.router.translate.ir.Jsons;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Anthropic: {@code {base}/v1/messages} (and {@code /v1/messages/count_tokens}) with {@code x-api-key}
 * and {@code anthropic-version} from the channel config's {@code anthropic_version}. The client's own
 * {@code anthropic-version} is not forwarded: the translators speak the version configured here.
 */
public final class AnthropicProvider implements UpstreamProvider {
    public static final String DEFAULT_VERSION = "2023-06-01";

    @Override
    public String url(UpstreamTarget target, UpstreamOperation operation) {
        if (operation != UpstreamOperation.ANTHROPIC_MESSAGES
                && operation != UpstreamOperation.ANTHROPIC_COUNT_TOKENS) {
            throw new IllegalArgumentException("anthropic channels do not serve " + operation);
        }
        // operators paste both "https://api.anthropic.com" and ".../v1"
        return PathSegments.trimBase(target.baseUrl(), "/v1") + operation.pathOrSuffix();
    }

    @Override
    public void authorize(UpstreamTarget target, String method, String url, HttpHeaders headers, ByteBuf body) {
        String version = Jsons.text(target.config(), "anthropic_version");
        headers.set("x-api-key", target.apiKey());
        headers.set("anthropic-version", version == null || version.isBlank() ? DEFAULT_VERSION : version);
    }
}
