package ai.burncloud.router.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.Json;
import ai.burncloud.router.translate.UpstreamOperation;
import ai.burncloud.router.translate.UpstreamTarget;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Bedrock requests signed by the AWS SDK's SigV4 signer, verified by recomputing the signature here
 * from the specification (canonical request → string to sign → derived key → HMAC), independently of
 * the SDK.
 */
class BedrockProviderTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    private static final String ACCESS = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private final BedrockProvider provider = new BedrockProvider(Clock.fixed(NOW, ZoneOffset.UTC));

    private static UpstreamTarget target(String model, String key, String config) {
        return new UpstreamTarget(
                3,
                ChannelType.BEDROCK,
                "https://bedrock-runtime.us-east-1.amazonaws.com",
                key,
                model,
                false,
                Json.parse(config));
    }

    @Test
    void modelIdsArePercentEncodedAsOneSegment() {
        UpstreamTarget t = target("anthropic.claude-3-5-sonnet-20240620-v1:0", ACCESS + "|" + SECRET, "{}");
        assertThat(provider.url(t, UpstreamOperation.BEDROCK_CONVERSE_STREAM))
                .isEqualTo("https://bedrock-runtime.us-east-1.amazonaws.com/model/"
                        + "anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse-stream");
        UpstreamTarget arn = target(
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-v1:0",
                ACCESS + "|" + SECRET,
                "{}");
        assertThat(provider.url(arn, UpstreamOperation.BEDROCK_CONVERSE))
                .isEqualTo("https://bedrock-runtime.us-east-1.amazonaws.com/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A"
                        + "123456789012%3Ainference-profile%2Fus.anthropic.claude-sonnet-4-5-v1%3A0/converse");
    }

    @Test
    void invokeModelHasItsOwnPaths() {
        UpstreamTarget t = target("us.anthropic.claude-sonnet-4-5-20250929-v1:0", ACCESS + "|" + SECRET, "{}");
        assertThat(provider.url(t, UpstreamOperation.BEDROCK_INVOKE))
                .isEqualTo("https://bedrock-runtime.us-east-1.amazonaws.com/model/"
                        + "us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke");
        assertThat(provider.url(t, UpstreamOperation.BEDROCK_INVOKE_STREAM))
                .endsWith("/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke-with-response-stream");
    }

    @Test
    void theSignatureMatchesAnIndependentSigV4Computation() throws Exception {
        verifySigned(
                target(
                        "anthropic.claude-3-5-sonnet-20240620-v1:0",
                        ACCESS + "|" + SECRET,
                        "{\"region\":\"us-east-1\"}"),
                null);
    }

    @Test
    void aSessionTokenIsSentAndSigned() throws Exception {
        String token = "FQoGZXIvYXdzEXAMPLETOKEN//////////wEaDM=";
        HttpHeaders headers = verifySigned(
                target("amazon.nova-pro-v1:0", ACCESS + "|" + SECRET + "|" + token, "{\"region\":\"us-east-1\"}"),
                token);
        assertThat(headers.get("X-Amz-Security-Token")).isEqualTo(token);
    }

    @Test
    void theRegionFallsBackToTheHostName() throws Exception {
        verifySigned(target("meta.llama3-70b-instruct-v1:0", ACCESS + "|" + SECRET, "{}"), null);
    }

    @Test
    void aMalformedKeyIsRefusedWithoutEchoingIt() {
        UpstreamTarget t = target("m", "only-one-part-secret", "{}");
        HttpHeaders headers = new DefaultHttpHeaders();
        assertThatThrownBy(() -> provider.authorize(
                        t, "POST", provider.url(t, UpstreamOperation.BEDROCK_CONVERSE), headers, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ACCESS_KEY_ID|SECRET_ACCESS_KEY")
                .hasMessageNotContaining("only-one-part-secret");
    }

    private HttpHeaders verifySigned(UpstreamTarget t, String sessionToken) throws Exception {
        String url = provider.url(t, UpstreamOperation.BEDROCK_CONVERSE_STREAM);
        byte[] payload = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hello\"}]}]}"
                .getBytes(StandardCharsets.UTF_8);
        ByteBuf body = Unpooled.wrappedBuffer(payload);
        HttpHeaders headers = new DefaultHttpHeaders();
        headers.set("content-type", "application/json");
        provider.authorize(t, "POST", url, headers, body);
        assertThat(body.readerIndex()).as("the body is read, not consumed").isZero();

        String amzDate = "20261126T101530Z";
        String date = amzDate.substring(0, 8);
        assertThat(headers.get("X-Amz-Date")).isEqualTo(amzDate);
        String payloadHash = hex(sha256(payload));
        assertThat(headers.get("x-amz-content-sha256")).isEqualTo(payloadHash);
        assertThat(headers.get("Host")).isEqualTo("bedrock-runtime.us-east-1.amazonaws.com");

        Matcher auth = Pattern.compile(
                        "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/bedrock/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})")
                .matcher(headers.get("Authorization"));
        assertThat(auth.matches()).as(headers.get("Authorization")).isTrue();
        assertThat(auth.group(1)).isEqualTo(ACCESS);
        assertThat(auth.group(2)).isEqualTo(date);
        assertThat(auth.group(3)).isEqualTo("us-east-1");
        String signedHeaders = auth.group(4);

        // canonical request: every path segment URI-encoded once more (the sent path is already encoded)
        URI uri = URI.create(url);
        StringBuilder canonicalUri = new StringBuilder();
        for (String segment : uri.getRawPath().substring(1).split("/")) {
            canonicalUri.append('/').append(PathSegments.encode(segment));
        }
        assertThat(canonicalUri.toString()).contains("%253A0");
        Map<String, String> canonicalHeaders = new TreeMap<>();
        canonicalHeaders.put("host", headers.get("Host"));
        canonicalHeaders.put("x-amz-content-sha256", payloadHash);
        canonicalHeaders.put("x-amz-date", amzDate);
        if (sessionToken != null) {
            canonicalHeaders.put("x-amz-security-token", sessionToken);
        }
        assertThat(signedHeaders).isEqualTo(String.join(";", canonicalHeaders.keySet()));
        StringBuilder canonical =
                new StringBuilder("POST\n").append(canonicalUri).append("\n\n");
        canonicalHeaders.forEach(
                (k, v) -> canonical.append(k).append(':').append(v).append('\n'));
        canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);

        String scope = date + "/us-east-1/bedrock/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, "us-east-1");
        key = hmac(key, "bedrock");
        key = hmac(key, "aws4_request");
        assertThat(auth.group(5)).isEqualTo(hex(hmac(key, stringToSign)));
        return headers;
    }

    private static byte[] sha256(byte[] in) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(in);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
