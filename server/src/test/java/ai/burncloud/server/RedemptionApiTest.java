package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Money;
import ai.burncloud.server.ApiClient.Auth;
import ai.burncloud.server.ApiClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RedemptionApiTest extends ApiTestBase {

    @Test
    void batchesAreCreatedListedWithoutCodesAndDeletedWhileUnused() {
        Auth root = Auth.bearer(root().bearer());
        Reply batch = api.post("/api/redemptions", "{\"name\":\"promo\",\"amount\":5,\"count\":3}", root)
                .expect(201);
        assertThat(batch.json().path("items")).hasSize(3);
        String code = batch.json().path("items").get(0).path("code").asText();
        assertThat(code).startsWith("bcr-");
        Reply list = api.get("/api/redemptions", root).expect(200);
        assertThat(list.json().path("total").asLong()).isEqualTo(3);
        assertThat(list.body()).doesNotContain(code);
        long id = batch.json().path("items").get(1).path("id").asLong();
        api.delete("/api/redemptions/" + id, root).expect(200);
        api.delete("/api/redemptions/" + id, root).expect(404);
        Auth alice = Auth.bearer(user("alice", "user", "0").bearer());
        api.post("/api/redeem", "{\"code\":\"" + code + "\"}", alice).expect(200);
        long used = batch.json().path("items").get(0).path("id").asLong();
        api.delete("/api/redemptions/" + used, root).expect(409);
        api.post("/api/redemptions", "{\"name\":\"bad\",\"amount\":-1,\"count\":1}", root)
                .expect(400);
        api.post("/api/redemptions", "{\"name\":\"bad\",\"amount\":1,\"count\":100000}", root)
                .expect(400);
        api.get("/api/redemptions", alice).expect(403);
    }

    @Test
    void concurrentRedemptionsOfOneCodeCreditOnce() throws Exception {
        Auth root = Auth.bearer(root().bearer());
        String code = api.post("/api/redemptions", "{\"name\":\"race\",\"amount\":3.5,\"count\":1}", root)
                .expect(201)
                .json()
                .path("items")
                .get(0)
                .path("code")
                .asText();
        Auth alice = Auth.bearer(user("alice", "user", "1").bearer());
        Auth bob = Auth.bearer(user("bob", "user", "1").bearer());
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Reply> replies = new ArrayList<>();
        try {
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Auth who = i % 2 == 0 ? alice : bob;
                calls.add(() -> api.post("/api/redeem", "{\"code\":\"" + code + "\"}", who));
            }
            for (Future<Reply> f : pool.invokeAll(calls)) {
                replies.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 200).allMatch(r -> r.status() == 404);
        long total = repos.users().findByUsername("alice").orElseThrow().balance()
                + repos.users().findByUsername("bob").orElseThrow().balance();
        assertThat(total).isEqualTo(Money.parseDollars("5.5"));
        Reply winner =
                replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        assertThat(winner.json().path("amount").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(winner.json().path("balance").decimalValue()).isEqualByComparingTo("4.5");
    }

    @Test
    void malformedOrUnknownCodes() {
        Auth alice = Auth.bearer(user("alice").bearer());
        api.post("/api/redeem", "{\"code\":\"hello\"}", alice).expect(400);
        api.post("/api/redeem", "{\"code\":\"bcr-doesnotexist\"}", alice).expect(404);
        api.post("/api/redeem", "{}", alice).expect(400);
    }
}
