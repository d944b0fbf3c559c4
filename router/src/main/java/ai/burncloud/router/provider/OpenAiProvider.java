package ai.burncloud.router.provider;

import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * OpenAI and every OpenAI-compatible host (and Qwen's compatible mode): the base URL includes the
 * version path (https://api.openai.com/v1), the operation path is appended, the key is a Bearer token.
 */
public final class OpenAiProvider implements UpstreamProvider {
    @Override
    public String url(UpstreamTarget target, UpstreamOperation operation) {
        return target.baseUrl() + operation.pathOrSuffix();
    }

    @Override
    public void authorize(UpstreamTarget target, String method, String url, HttpHeaders headers, ByteBuf body) {
        headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + target.apiKey());
    }
}
