package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ApiKeys;
import ai.burncloud.common.Money;
import ai.burncloud.database.Token;
import ai.burncloud.server.ApiClient.Auth;
import ai.burncloud.server.ApiClient.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenApiTest extends ApiTestBase {

    @Test
    void aUserCreatesAndManagesTheirOwnToken() {
        Auth alice = Auth.bearer(user("alice").bearer());
        Reply created = api.post(
                        "/api/tokens",
                        "{\"name\":\"laptop\",\"quota\":5,\"expires_at\":\"2030-01-01\",\"models\":[\"gpt-4o\"],"
                                + "\"ip_ranges\":[\"10.0.0.0/8\"],\"rpm\":60,\"tpm\":90000}",
                        alice)
                .expect(201);
        String key = created.json().path("key").asText();
        long id = created.json().path("id").asLong();
        assertThat(key).startsWith("sk-").hasSize(51);
        assertThat(created.json().path("key_prefix").asText()).isEqualTo(key.substring(0, 7));
        assertThat(created.json().path("user_id").asLong()).isEqualTo(userId("alice"));
        assertThat(created.json().path("quota_limit").decimalValue()).isEqualByComparingTo("5");
        assertThat(created.json().path("expires_at").asLong()).isEqualTo(1893456000L);
        assertThat(created.json().path("ip_ranges").get(0).asText()).isEqualTo("10.0.0.0/8");
        assertThat(created.json().path("tpm").asInt()).isEqualTo(90000);
        Token stored = repos.tokens().findById(id).orElseThrow();
        assertThat(stored.keyHash()).isEqualTo(ApiKeys.hash(key));

        Reply list = api.get("/api/tokens", alice).expect(200);
        assertThat(list.json().path("total").asLong()).isEqualTo(1);
        assertThat(list.body()).doesNotContain(key).doesNotContain(stored.keyHash());
        assertThat(api.get("/api/tokens/" + id, alice).expect(200).body()).doesNotContain(key);

        Reply updated = api.patch(
                        "/api/tokens/" + id,
                        "{\"name\":\"desk\",\"quota\":-1,\"expires_at\":-1,\"models\":[],\"ip_ranges\":[],\"rpm\":0,"
                                + "\"tpm\":0,\"status\":\"disabled\"}",
                        alice)
                .expect(200);
        assertThat(updated.json().path("name").asText()).isEqualTo("desk");
        assertThat(updated.json().path("quota_limit").asInt()).isEqualTo(-1);
        assertThat(updated.json().path("expires_at").asLong()).isEqualTo(-1);
        assertThat(updated.json().path("status").asText()).isEqualTo("disabled");
        assertThat(updated.json().path("models")).isEmpty();
        assertThat(updated.json().path("tpm").asInt()).isZero();
        assertThat(repos.tokens().findById(id).orElseThrow().tpm()).isZero();
        assertThat(repos.tokens().findById(id).orElseThrow().quotaLimit()).isEqualTo(Money.UNLIMITED);
        api.delete("/api/tokens/" + id, alice).expect(200);
        api.get("/api/tokens/" + id, alice).expect(404);
    }

    @Test
    void anotherUsersTokenDoesNotExistForYou() {
        Auth alice = Auth.bearer(user("alice").bearer());
        Auth bob = Auth.bearer(user("bob").bearer());
        long id = api.post("/api/tokens", "{\"name\":\"mine\"}", alice)
                .expect(201)
                .json()
                .path("id")
                .asLong();
        List<Object> before = state();
        assertThat(api.get("/api/tokens/" + id, bob).expect(404).errorCode()).isEqualTo("not_found");
        api.patch("/api/tokens/" + id, "{\"name\":\"stolen\"}", bob).expect(404);
        api.delete("/api/tokens/" + id, bob).expect(404);
        assertThat(api.get("/api/tokens", bob).expect(200).json().path("total").asLong())
                .isZero();
        assertThat(api.get("/api/tokens?user=" + userId("alice"), bob)
                        .expect(200)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        api.post("/api/tokens", "{\"name\":\"forged\",\"user_id\":" + userId("alice") + "}", bob)
                .expect(403);
        assertThat(state()).isEqualTo(before);
        // the same 404 as a token that never existed
        assertThat(api.get("/api/tokens/999999", bob)
                        .expect(404)
                        .json()
                        .path("error")
                        .path("type")
                        .asText())
                .isEqualTo(api.get("/api/tokens/" + id, bob)
                        .json()
                        .path("error")
                        .path("type")
                        .asText());
    }

    @Test
    void onlyAdministratorsSetAGroupOrActForOthers() {
        Auth alice = Auth.bearer(user("alice").bearer());
        api.post("/api/tokens", "{\"name\":\"cheap\",\"group\":\"vip\"}", alice).expect(403);
        long id = api.post("/api/tokens", "{\"name\":\"ok\"}", alice)
                .expect(201)
                .json()
                .path("id")
                .asLong();
        api.patch("/api/tokens/" + id, "{\"group\":\"vip\"}", alice).expect(403);
        Auth root = Auth.bearer(root().bearer());
        Reply forAlice = api.post("/api/tokens", "{\"name\":\"given\",\"user\":\"alice\",\"group\":\"vip\"}", root)
                .expect(201);
        assertThat(forAlice.json().path("user_id").asLong()).isEqualTo(userId("alice"));
        assertThat(forAlice.json().path("group").asText()).isEqualTo("vip");
        api.patch("/api/tokens/" + id, "{\"rpm\":5}", root).expect(200);
        assertThat(api.get("/api/tokens?user=" + userId("alice"), root)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.get("/api/tokens", root).json().path("total").asLong()).isEqualTo(2);
        api.post("/api/tokens", "{\"name\":\"x\",\"user\":\"ghost\"}", root).expect(404);
    }

    @Test
    void invalidTokenInputIsRefused() {
        Auth alice = Auth.bearer(user("alice").bearer());
        List<Object> before = state();
        api.post("/api/tokens", "{\"name\":\"x\",\"ip_ranges\":[\"example.com\"]}", alice)
                .expect(400);
        api.post("/api/tokens", "{\"name\":\"x\",\"ip_ranges\":[\"10.0.0.0/33\"]}", alice)
                .expect(400);
        api.post("/api/tokens", "{\"name\":\"x\",\"quota\":-5}", alice).expect(400);
        api.post("/api/tokens", "{\"name\":\"x\",\"rpm\":-1}", alice).expect(400);
        api.post("/api/tokens", "{\"name\":\"x\",\"tpm\":-1}", alice).expect(400);
        api.post("/api/tokens", "{\"name\":\"x\",\"expires_at\":\"someday\"}", alice)
                .expect(400);
        api.post("/api/tokens", "{\"name\":\"x\",\"status\":\"maybe\"}", alice).expect(400);
        api.post("/api/tokens", "{\"name\":\"\"}", alice).expect(400);
        assertThat(state()).isEqualTo(before);
    }
}
