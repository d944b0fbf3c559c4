package ai.burncloud.router.provider;

import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import ai.burncloud.router.translate.ir.Jsons;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * AWS Bedrock runtime: {@code {base}/model/{modelId}/converse[-stream]} and
 * {@code /invoke[-with-response-stream]}, signed with SigV4 by the AWS
 * SDK v2 signer (service {@code bedrock}, region from the channel config's {@code region} or the
 * host name).
 *
 * <p>Model ids hold {@code :} (and inference-profile ARNs {@code /}): the id is percent-encoded as one
 * path segment in the URL that is sent, and the signer encodes that path once more for the canonical
 * request, exactly as AWS's own SDKs do and Bedrock verifies. Signed headers are {@code host},
 * {@code x-amz-date}, {@code x-amz-content-sha256} (the signer always adds it) and, with a session
 * token, {@code x-amz-security-token}; every other header may be set freely after signing.
 */
public final class BedrockProvider implements UpstreamProvider {
    private static final List<String> SIGNED =
            List.of("Authorization", "X-Amz-Date", "x-amz-content-sha256", "X-Amz-Security-Token");

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Clock clock;

    public BedrockProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String url(UpstreamTarget target, UpstreamOperation operation) {
        if (operation != UpstreamOperation.BEDROCK_CONVERSE
                && operation != UpstreamOperation.BEDROCK_CONVERSE_STREAM
                && operation != UpstreamOperation.BEDROCK_INVOKE
                && operation != UpstreamOperation.BEDROCK_INVOKE_STREAM) {
            throw new IllegalArgumentException("bedrock channels do not serve " + operation);
        }
        return PathSegments.trimBase(target.baseUrl(), null) + "/model/" + PathSegments.encode(target.upstreamModel())
                + operation.pathOrSuffix();
    }

    @Override
    public void authorize(UpstreamTarget target, String method, String url, HttpHeaders headers, ByteBuf body) {
        AwsCredentialsIdentity credentials = BedrockCredentials.parse(target.apiKey());
        URI uri = URI.create(url);
        String host = hostHeader(uri);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .protocol(uri.getScheme())
                .host(uri.getHost())
                .encodedPath(uri.getRawPath())
                .putHeader("Host", host);
        if (uri.getPort() != -1) {
            request.port(uri.getPort());
        }
        byte[] payload = body == null
                ? new byte[0]
                : ByteBufUtil.getBytes(body, body.readerIndex(), body.readableBytes(), false);
        SignedRequest signed = signer.sign(r -> r.identity(credentials)
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region(target, uri))
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        headers.set(HttpHeaderNames.HOST, host);
        for (String name : SIGNED) {
            signed.request().firstMatchingHeader(name).ifPresent(v -> headers.set(name, v));
        }
        if (!headers.contains(HttpHeaderNames.AUTHORIZATION)) {
            throw new IllegalStateException("SigV4 signing produced no Authorization header");
        }
    }

    /** The region: the config's {@code region}, else the one in a {@code bedrock-runtime.REGION.amazonaws.com} host. */
    static String region(UpstreamTarget target, URI uri) {
        String region = Jsons.text(target.config(), "region");
        if (region != null && !region.isBlank()) {
            return region.trim();
        }
        String host = uri.getHost();
        if (host != null && host.startsWith("bedrock-runtime.")) {
            String rest = host.substring("bedrock-runtime.".length());
            int dot = rest.indexOf('.');
            if (dot > 0) {
                return rest.substring(0, dot);
            }
        }
        throw new IllegalStateException("bedrock channel needs --config '{\"region\":\"us-east-1\"}'");
    }

    private static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean standard = port == -1
                || (port == 443 && "https".equals(uri.getScheme()))
                || (port == 80 && "http".equals(uri.getScheme()));
        return standard ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
