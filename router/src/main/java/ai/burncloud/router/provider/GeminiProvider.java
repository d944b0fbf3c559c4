package ai.burncloud.router.provider;

import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import ai.burncloud.router.translate.ir.Jsons;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Google Gemini (Generative Language API): {@code {base}/v1beta/models/{model}:method}, streams as
 * {@code :streamGenerateContent?alt=sse}, the key in {@code x-goog-api-key} (never in the URL, where
 * it would end up in logs). The API version can be changed with the config's {@code api_version}.
 */
public final class GeminiProvider implements UpstreamProvider {
    public static final String DEFAULT_API_VERSION = "v1beta";

    @Override
    public String url(UpstreamTarget target, UpstreamOperation operation) {
        if (!operation.name().startsWith("GEMINI_")) {
            throw new IllegalArgumentException("gemini channels do not serve " + operation);
        }
        String version = Jsons.text(target.config(), "api_version");
        if (version == null || version.isBlank()) {
            version = DEFAULT_API_VERSION;
        }
        String model = target.upstreamModel();
        if (model.startsWith("models/")) {
            model = model.substring("models/".length());
        }
        String url = PathSegments.trimBase(target.baseUrl(), "/" + version) + "/" + version + "/models/"
                + PathSegments.encode(model) + operation.pathOrSuffix();
        return operation == UpstreamOperation.GEMINI_STREAM_GENERATE_CONTENT ? url + "?alt=sse" : url;
    }

    @Override
    public void authorize(UpstreamTarget target, String method, String url, HttpHeaders headers, ByteBuf body) {
        headers.set("x-goog-api-key", target.apiKey());
    }
}
