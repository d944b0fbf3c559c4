package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.database.ChannelStatus;
import ai.burncloud.server.ApiClient.Auth;
import ai.burncloud.server.ApiClient.Reply;
import ai.burncloud.service.ChannelTestResult;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelApiTest extends ApiTestBase {
    static final String KEY = "sk-upstream-secret-0123456789abcdef";

    long channel(Auth root, String name, String baseUrl) {
        return api.post(
                        "/api/channels",
                        "{\"name\":\"" + name + "\",\"type\":\"openai\",\"base_url\":\"" + baseUrl + "\",\"key\":\""
                                + KEY + "\",\"models\":[\"gpt-4o\",\"gpt-4o-mini\"],\"groups\":[\"default\",\"vip\"],"
                                + "\"priority\":2,\"weight\":3,\"model_mapping\":{\"gpt-4o\":\"gpt-4o-2024-08-06\"}}",
                        root)
                .expect(201)
                .json()
                .path("id")
                .asLong();
    }

    @Test
    void crudNeverShowsTheKey() {
        Auth root = Auth.bearer(root().bearer());
        long id = channel(root, "primary", "https://api.example.com/v1");
        Reply get = api.get("/api/channels/" + id, root).expect(200);
        assertThat(get.json().path("key_hint").asText()).isEqualTo("sk-u...cdef");
        assertThat(get.json().path("models")).hasSize(2);
        assertThat(get.json().path("abilities")).hasSize(4);
        assertThat(get.json().path("model_mapping").path("gpt-4o").asText()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(get.body()).doesNotContain(KEY);
        Reply list = api.get("/api/channels", root).expect(200);
        assertThat(list.json().path("total").asLong()).isEqualTo(1);
        assertThat(list.body()).doesNotContain(KEY);
        Reply updated = api.patch("/api/channels/" + id, "{\"weight\":7,\"key\":\"sk-new-key-abcdefghijklmnop\"}", root)
                .expect(200);
        assertThat(updated.json().path("weight").asInt()).isEqualTo(7);
        assertThat(updated.body()).doesNotContain("sk-new-key-abcdefghijklmnop");
        assertThat(repos.channels().findById(id).orElseThrow().apiKey()).isEqualTo("sk-new-key-abcdefghijklmnop");
        assertThat(api.post("/api/channels/" + id + "/disable", null, root)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("disabled");
        assertThat(api.post("/api/channels/" + id + "/enable", null, root)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("enabled");
        api.delete("/api/channels/" + id, root).expect(200);
        api.get("/api/channels/" + id, root).expect(404);
        api.post("/api/channels", "{\"name\":\"x\",\"type\":\"nope\",\"key\":\"k\",\"models\":[\"m\"]}", root)
                .expect(400);
    }

    @Test
    void speedTestReportsAndAutoDisablesAndReEnables() {
        Auth root = Auth.bearer(root().bearer());
        long id = channel(root, "primary", "https://api.example.com/v1");
        Reply ok = api.post("/api/channels/" + id + "/test", null, root).expect(200);
        assertThat(ok.json().path("ok").asBoolean()).isTrue();
        assertThat(ok.json().path("latency_ms").asLong()).isEqualTo(120);
        assertThat(ok.json().path("ttft_ms").asLong()).isEqualTo(40);
        assertThat(ok.json().path("tokens_per_s").decimalValue()).isEqualByComparingTo("50.5");
        assertThat(ok.json().has("error")).isTrue();
        assertThat(dataPlane.tested).containsExactly(id + ":gpt-4o");
        assertThat(repos.channels().findById(id).orElseThrow().lastTest().latencyMs())
                .isEqualTo(120);

        dataPlane.tester = (c, m) -> ChannelTestResult.failed(30, "upstream answered 401: bad key " + KEY);
        Reply failed = api.post("/api/channels/" + id + "/test", "{\"model\":\"gpt-4o-mini\"}", root)
                .expect(200);
        assertThat(failed.json().path("ok").asBoolean()).isFalse();
        assertThat(failed.json().path("status").asText()).isEqualTo("auto_disabled");
        assertThat(failed.body()).doesNotContain(KEY);
        assertThat(repos.channels().findById(id).orElseThrow().statusReason()).startsWith("speed test failed");

        dataPlane.tester = (c, m) -> new ChannelTestResult(true, 50, 10L, null, null);
        assertThat(api.post("/api/channels/" + id + "/test", null, root)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("enabled");

        api.post("/api/channels/" + id + "/disable", null, root).expect(200);
        assertThat(api.post("/api/channels/" + id + "/test", null, root)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("disabled");
        api.post("/api/channels/" + id + "/test", "{\"model\":\"not-served\"}", root)
                .expect(400);
        api.post("/api/channels/999/test", null, root).expect(404);
    }

    @Test
    void aSlowChannelIsAutoDisabledWhenAThresholdIsSet() {
        Auth root = Auth.bearer(root().bearer());
        long id = channel(root, "slow", "https://api.example.com/v1");
        api.patch("/api/options", "{\"auto_disable_max_latency_ms\":100}", root).expect(200);
        dataPlane.tester = (c, m) -> new ChannelTestResult(true, 500, 100L, null, null);
        Reply r = api.post("/api/channels/" + id + "/test", null, root).expect(200);
        assertThat(r.json().path("status").asText()).isEqualTo("auto_disabled");
        assertThat(r.json().path("status_reason").asText()).contains("too slow");
        api.patch("/api/options", "{\"auto_disable_enabled\":false,\"auto_disable_max_latency_ms\":100}", root)
                .expect(200);
        dataPlane.tester = (c, m) -> new ChannelTestResult(true, 10, 5L, null, null);
        api.post("/api/channels/" + id + "/test", null, root).expect(200);
        assertThat(repos.channels().findById(id).orElseThrow().status()).isEqualTo(ChannelStatus.AUTO_DISABLED);
    }

    @Test
    void modelsAreFetchedFromTheProvider() throws Exception {
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> auth = new java.util.concurrent.CopyOnWriteArrayList<>();
        upstream.createContext("/v1/models", ex -> {
            auth.add(ex.getRequestHeaders().getFirst("authorization"));
            byte[] body = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\"},{\"id\":\"gpt-3.5-turbo\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        upstream.start();
        try {
            Auth root = Auth.bearer(root().bearer());
            long id = channel(
                    root, "listed", "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1");
            Reply r = api.post("/api/channels/" + id + "/models", null, root).expect(200);
            assertThat(r.json().path("models").toString()).isEqualTo("[\"gpt-3.5-turbo\",\"gpt-4o\"]");
            assertThat(auth).containsExactly("Bearer " + KEY);
            assertThat(r.body()).doesNotContain(KEY);
        } finally {
            upstream.stop(0);
        }
    }

    @Test
    void providersWithoutAModelListSay422AndUnreachableOnes503() {
        Auth root = Auth.bearer(root().bearer());
        long bedrock = api.post(
                        "/api/channels",
                        "{\"name\":\"b\",\"type\":\"bedrock\",\"key\":\"AK|SK\",\"models\":[\"m\"],"
                                + "\"config\":{\"region\":\"us-east-1\"}}",
                        root)
                .expect(201)
                .json()
                .path("id")
                .asLong();
        api.post("/api/channels/" + bedrock + "/models", null, root).expect(422);
        long dead = channel(root, "dead", "http://127.0.0.1:1/v1");
        api.post("/api/channels/" + dead + "/models", null, root).expect(503);
    }

    @Test
    void usersCannotSeeChannels() {
        Auth root = Auth.bearer(root().bearer());
        long id = channel(root, "primary", "https://api.example.com/v1");
        Auth alice = Auth.bearer(user("alice").bearer());
        api.get("/api/channels", alice).expect(403);
        api.get("/api/channels/" + id, alice).expect(403);
        api.post("/api/channels/" + id + "/test", null, alice).expect(403);
    }
}
