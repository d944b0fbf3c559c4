package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Money;
import ai.burncloud.server.ApiClient.Auth;
import ai.burncloud.server.ApiClient.Reply;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceApiTest extends ApiTestBase {

    @Test
    void pricesAreSetReadAliasedAndDeleted() {
        Auth root = Auth.bearer(root().bearer());
        Reply set = api.post(
                        "/api/prices", "{\"model\":\"gpt-4\",\"input\":30,\"output\":60,\"cached_input\":15}", root)
                .expect(200);
        assertThat(set.json().path("input").decimalValue()).isEqualByComparingTo("30");
        assertThat(set.json().path("cached_input").decimalValue()).isEqualByComparingTo("15");
        assertThat(repos.prices().find("gpt-4").orElseThrow().output()).isEqualTo(Money.parseDollars("60"));
        api.put("/api/prices/gpt-4o-mini", "{\"input\":0.15,\"output\":0.6}", root)
                .expect(200);
        Reply alias =
                api.put("/api/prices/gpt-4-0613", "{\"alias\":\"gpt-4\"}", root).expect(200);
        assertThat(alias.json().path("alias").asText()).isEqualTo("gpt-4");
        assertThat(alias.json().path("alias_for").asText()).isEqualTo("gpt-4");
        assertThat(alias.json().path("output").decimalValue()).isEqualByComparingTo("60");

        Auth alice = Auth.bearer(user("alice").bearer());
        Reply list = api.get("/api/prices", alice).expect(200);
        assertThat(list.json().path("total").asInt()).isEqualTo(3);
        assertThat(api.get("/api/prices/gpt-4o-mini", alice)
                        .expect(200)
                        .json()
                        .path("output")
                        .decimalValue())
                .isEqualByComparingTo("0.6");
        api.post("/api/prices", "{\"model\":\"x\",\"input\":1,\"output\":1}", alice)
                .expect(403);

        Reply deleted = api.delete("/api/prices/gpt-4", root).expect(200);
        assertThat(deleted.json().path("broken_aliases").get(0).asText()).isEqualTo("gpt-4-0613");
        api.get("/api/prices/gpt-4", alice).expect(404);
        api.post("/api/prices", "{\"model\":\"y\",\"input\":1}", root).expect(400);
        api.post("/api/prices", "{\"model\":\"y\",\"input\":1,\"output\":1,\"alias\":\"gpt-4o-mini\"}", root)
                .expect(400);
        api.post("/api/prices", "{\"model\":\"y\",\"input\":0.0000000001,\"output\":1}", root)
                .expect(400);
    }

    @Test
    void ratiosAndGroups() {
        Auth root = Auth.bearer(root().bearer());
        Reply mr = api.post(
                        "/api/ratios/models", "{\"model\":\"old-model\",\"ratio\":7.5,\"completion_ratio\":2}", root)
                .expect(200);
        assertThat(mr.json().path("ratio").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(api.get("/api/ratios/models", root).json().path("items")).hasSize(1);
        api.delete("/api/ratios/models/old-model", root).expect(204);
        api.delete("/api/ratios/models/old-model", root).expect(404);

        api.post("/api/ratios/groups", "{\"group\":\"vip\",\"ratio\":0.8,\"description\":\"Friends\"}", root)
                .expect(200);
        assertThat(repos.ratios().findGroupRatio("vip").orElseThrow().ratio())
                .isEqualByComparingTo(new BigDecimal("0.8"));
        api.post("/api/users", "{\"username\":\"v1\",\"group\":\"vip\"}", root).expect(201);
        api.post("/api/users", "{\"username\":\"t1\",\"group\":\"team\"}", root).expect(201);
        Reply groups = api.get("/api/groups", root).expect(200);
        assertThat(groups.json().path("items")).hasSize(3);
        var vip = groups.json().path("items").get(2);
        assertThat(vip.path("name").asText()).isEqualTo("vip");
        assertThat(vip.path("ratio").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(vip.path("users").asInt()).isEqualTo(1);
        var team = groups.json().path("items").get(1);
        assertThat(team.path("ratio_set").asBoolean()).isFalse();
        api.delete("/api/ratios/groups/default", root).expect(409);
        api.delete("/api/ratios/groups/vip", root).expect(204);
        api.post("/api/ratios/groups", "{\"group\":\"bad\",\"ratio\":-1}", root).expect(400);
        Auth alice = Auth.bearer(user("alice").bearer());
        api.get("/api/groups", alice).expect(403);
        api.post("/api/ratios/groups", "{\"group\":\"default\",\"ratio\":0}", alice)
                .expect(403);
    }
}
