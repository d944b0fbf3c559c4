package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Money;
import ai.burncloud.server.ApiClient.Auth;
import ai.burncloud.server.ApiClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class UserApiTest extends ApiTestBase {

    @Test
    void createGetListSearchAndPage() {
        Auth root = Auth.bearer(root().bearer());
        Reply created = api.post(
                        "/api/users",
                        "{\"username\":\"alice\",\"password\":\"password-1\",\"group\":\"vip\",\"balance\":12.5}",
                        root)
                .expect(201);
        JsonNode u = created.json();
        assertThat(u.path("username").asText()).isEqualTo("alice");
        assertThat(u.path("role").asText()).isEqualTo("user");
        assertThat(u.path("group").asText()).isEqualTo("vip");
        assertThat(u.path("balance").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(u.path("has_password").asBoolean()).isTrue();
        assertThat(u.has("password_hash")).isFalse();
        assertThat(u.path("created_at").asLong()).isBetween(1_700_000_000L, 4_000_000_000L);
        for (String name : new String[] {"bob", "carol", "alina"}) {
            api.post("/api/users", "{\"username\":\"" + name + "\"}", root).expect(201);
        }
        api.get("/api/users/" + u.path("id").asLong(), root).expect(200);
        Reply page = api.get("/api/users?page=2&size=2", root).expect(200);
        assertThat(page.json().path("total").asLong()).isEqualTo(5);
        assertThat(page.json().path("page").asInt()).isEqualTo(2);
        assertThat(page.json().path("size").asInt()).isEqualTo(2);
        assertThat(page.json().path("items")).hasSize(2);
        Reply search = api.get("/api/users?search=ali", root).expect(200);
        assertThat(search.json().path("total").asLong()).isEqualTo(2);
        api.post("/api/users", "{\"username\":\"alice\"}", root).expect(409);
        api.get("/api/users/999", root).expect(404);
        api.get("/api/users?size=1000", root).expect(400);
    }

    @Test
    void updateTopUpAndDelete() {
        Auth root = Auth.bearer(root().bearer());
        long id = api.post("/api/users", "{\"username\":\"bob\",\"balance\":1}", root)
                .expect(201)
                .json()
                .path("id")
                .asLong();
        Reply updated = api.patch(
                        "/api/users/" + id, "{\"role\":\"admin\",\"group\":\"team\",\"status\":\"disabled\"}", root)
                .expect(200);
        assertThat(updated.json().path("role").asText()).isEqualTo("admin");
        assertThat(updated.json().path("group").asText()).isEqualTo("team");
        assertThat(updated.json().path("status").asText()).isEqualTo("disabled");
        Reply topped = api.post("/api/users/" + id + "/topup", "{\"amount\":2.25}", root)
                .expect(200);
        assertThat(topped.json().path("balance").decimalValue()).isEqualByComparingTo("3.25");
        assertThat(repos.users().findById(id).orElseThrow().balance()).isEqualTo(Money.parseDollars("3.25"));
        api.delete("/api/users/" + id, root).expect(200);
        api.get("/api/users/" + id, root).expect(404);
        api.delete("/api/users/" + id, root).expect(404);
    }

    @Test
    void topUpOfAnUnlimitedBalanceIsAConflict() {
        Auth root = Auth.bearer(root().bearer());
        long id = api.post("/api/users", "{\"username\":\"free\"}", root)
                .expect(201)
                .json()
                .path("id")
                .asLong();
        api.post("/api/users/" + id + "/topup", "{\"amount\":1}", root).expect(409);
    }

    @Test
    void rootCannotBeDeletedDisabledOrDemoted() {
        Auth root = Auth.bearer(root().bearer());
        long rootId = userId("root");
        user("admin1", "admin", "-1");
        Auth admin = Auth.bearer(api.login("admin1", "password-admin1").bearer());
        api.delete("/api/users/" + rootId, admin).expect(403);
        api.patch("/api/users/" + rootId, "{\"status\":\"disabled\"}", root).expect(409);
        api.patch("/api/users/" + rootId, "{\"role\":\"user\"}", root).expect(409);
        api.delete("/api/users/" + rootId, root).expect(400);
    }

    @Test
    void adminsManageUsersButNotOtherAdmins() {
        user("admin1", "admin", "-1");
        user("admin2", "admin", "-1");
        Auth admin = Auth.bearer(api.login("admin1", "password-admin1").bearer());
        api.post("/api/users", "{\"username\":\"plain\"}", admin).expect(201);
        api.post("/api/users", "{\"username\":\"boss\",\"role\":\"admin\"}", admin)
                .expect(403);
        api.patch("/api/users/" + userId("plain"), "{\"role\":\"admin\"}", admin)
                .expect(403);
        api.patch("/api/users/" + userId("admin2"), "{\"status\":\"disabled\"}", admin)
                .expect(403);
        api.patch("/api/users/" + userId("plain"), "{\"group\":\"g2\"}", admin).expect(200);
    }

    @Test
    void usersCannotCallUserAdministration() {
        Auth alice = Auth.bearer(user("alice").bearer());
        api.get("/api/users", alice).expect(403);
        api.post("/api/users", "{\"username\":\"mallory\"}", alice).expect(403);
        api.post("/api/users/" + userId("alice") + "/topup", "{\"amount\":100}", alice)
                .expect(403);
        assertThat(repos.users().findByUsername("mallory")).isEmpty();
    }
}
