package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.GatewayFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets the right status and an OpenAI-shaped error; nothing reaches an upstream or is billed. */
class HttpErrorsTest {
    private FakeUpstream upstream;
    private GatewayFixture gw;
    private String key;

    @BeforeEach
    void setUp() {
        upstream = FakeUpstream.start();
        gw = GatewayFixture.start(Map.of("MAX_REQUEST_BODY_MB", "1"));
        gw.openAiChannel("a", upstream, List.of("gpt-4o", "whisper-1"), 0, 0);
        gw.price("gpt-4o", "1", "1");
        gw.price("whisper-1", "1", "1");
        key = gw.rootToken();
        gw.sync();
    }

    @AfterEach
    void tearDown() {
        gw.close();
        upstream.close();
    }

    private static void assertOpenAiError(HttpResponse<String> res, int status, String code) {
        assertThat(res.statusCode()).isEqualTo(status);
        assertThat(res.headers().firstValue("content-type")).get().asString().startsWith("application/json");
        var e = Json.parse(res.body()).path("error");
        assertThat(e.path("message").asText())
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("at ai.");
        assertThat(e.path("code").asText()).isEqualTo(code);
    }

    @Test
    void malformedJsonAndMissingModelAre400() {
        assertOpenAiError(gw.post("/v1/chat/completions", key, "{\"model\": \"gpt-4o\", "), 400, "invalid_request");
        assertOpenAiError(gw.post("/v1/chat/completions", key, "[1,2]"), 400, "invalid_request");
        assertOpenAiError(gw.post("/v1/chat/completions", key, "{\"messages\":[]}"), 400, "invalid_request");
        assertOpenAiError(gw.post("/v1/chat/completions", key, ""), 400, "invalid_request");
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        assertOpenAiError(gw.get("/v1/nothing-here", key), 404, "not_found");
        assertOpenAiError(gw.get("/api/users", key), 404, "not_found");
        assertOpenAiError(gw.get("/v1/chat/completions", key), 405, "method_not_allowed");
    }

    @Test
    void anOversizedBodyIs413() {
        String big = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(1_100_000)
                + "\"}]}";
        assertOpenAiError(gw.post("/v1/chat/completions", key, big), 413, "payload_too_large");
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void aBrokenMultipartBodyIs400() {
        HttpRequest req = HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/audio/transcriptions"))
                .header("authorization", "Bearer " + key)
                .header("content-type", "multipart/form-data; boundary=XYZ")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "--XYZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhi"))
                .build();
        HttpResponse<String> res = gw.send(req);
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void multipartTranscriptionsAreForwardedUntouched() {
        upstream.enqueue(FakeUpstream.Reply.json(200, "{\"text\":\"hello\"}"));
        String body = "--XYZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                + "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF0000\r\n"
                + "--XYZ--\r\n";
        HttpRequest req = HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/audio/transcriptions"))
                .header("authorization", "Bearer " + key)
                .header("content-type", "multipart/form-data; boundary=XYZ")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> res = gw.send(req);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("{\"text\":\"hello\"}");
        FakeUpstream.Received got = upstream.received().get(0);
        assertThat(got.uri()).isEqualTo("/v1/audio/transcriptions");
        assertThat(got.bodyText()).isEqualTo(body);
        assertThat(got.headers().get("content-type")).isEqualTo("multipart/form-data; boundary=XYZ");
    }

    @Test
    void healthAnswersWithoutAKey() {
        HttpResponse<String> res = gw.get("/health", null);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(Json.parse(res.body()).path("status").asText()).isEqualTo("ok");
        assertThat(Json.parse(res.body()).path("database").asText()).isEqualTo("sqlite");
    }

    @Test
    void anUpgradeH2cHeaderIsIgnored() throws Exception {
        // what langchain4j's default JDK client sends; java.net.http will not let a test set it, so raw bytes
        try (java.net.Socket socket =
                new java.net.Socket("127.0.0.1", gw.router().port())) {
            String request = "GET /v1/models HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                    + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nAuthorization: Bearer " + key
                    + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream()));
            assertThat(reader.readLine()).isEqualTo("HTTP/1.1 200 OK");
        }
    }
}
