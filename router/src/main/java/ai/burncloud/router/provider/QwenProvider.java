package ai.burncloud.router.provider;

import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Alibaba DashScope in OpenAI-compatible mode: the base URL already ends in
 * {@code /compatible-mode/v1}, the operation path follows, the key is a Bearer token.
 */
public final class QwenProvider implements UpstreamProvider {

    @Override
    public String url(UpstreamTarget target, UpstreamOperation operation) {
        PathSegments.requireOpenAi(operation, "qwen");
        return PathSegments.trimBase(target.baseUrl(), null) + operation.pathOrSuffix();
    }

    @Override
    public void authorize(UpstreamTarget target, String method, String url, HttpHeaders headers, ByteBuf body) {
        headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + target.apiKey());
    }
}
