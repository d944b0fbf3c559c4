package ai.burncloud.router.provider;

import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import ai.burncloud.router.translate.ir.Jsons;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Azure OpenAI: {@code {base}/openai/deployments/{deployment}/{op}?api-version=…} with an
 * {@code api-key} header. The deployment is the upstream model name (after the channel's model
 * mapping); the API version comes from the channel config's {@code api_version}.
 *
 * <p>The Responses API is the exception: Azure serves it only on its v1 surface,
 * {@code {base}/openai/v1/responses}, with the deployment as the body's {@code model} (the upstream
 * model the translator already writes there) and no {@code api-version}.
 */
public final class AzureProvider implements UpstreamProvider {
    public static final String DEFAULT_API_VERSION = "2024-10-21";

    @Override
    public String url(UpstreamTarget target, UpstreamOperation operation) {
        PathSegments.requireOpenAi(operation, "azure");
        String base = PathSegments.trimBase(target.baseUrl(), "/openai");
        if (operation == UpstreamOperation.OPENAI_RESPONSES) {
            return base + "/openai/v1/responses";
        }
        String version = Jsons.text(target.config(), "api_version");
        return base
                + "/openai/deployments/"
                + PathSegments.encode(target.upstreamModel())
                + operation.pathOrSuffix()
                + "?api-version="
                + PathSegments.encode(version == null || version.isBlank() ? DEFAULT_API_VERSION : version);
    }

    @Override
    public void authorize(UpstreamTarget target, String method, String url, HttpHeaders headers, ByteBuf body) {
        headers.set("api-key", target.apiKey());
    }
}
