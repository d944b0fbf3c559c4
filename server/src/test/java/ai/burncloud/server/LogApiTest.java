package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.database.RequestLog;
import ai.burncloud.database.UsageBatch;
import ai.burncloud.server.ApiClient.Auth;
import ai.burncloud.server.ApiClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogApiTest extends ApiTestBase {
    static final long T0 = 1_800_000_000_000L;

    private void log(long userId, long tokenId, long channelId, String model, int status, long atMs, boolean stream) {
        RequestLog r = new RequestLog(
                0,
                "req-" + atMs,
                atMs,
                userId,
                tokenId,
                channelId,
                "/v1/chat/completions",
                model,
                model + "-upstream",
                10,
                20,
                0,
                0,
                0,
                1_500,
                321,
                45L,
                status,
                stream,
                status < 400 ? "completed" : "upstream_failed",
                "1:" + channelId,
                false,
                false,
                status < 400 ? null : "upstream_error",
                "10.0.0.5");
        repos.usage().record(new UsageBatch(List.of(r), Map.of(), Map.of(), Map.of(), Map.of()));
    }

    @Test
    void adminsSeeEverythingUsersTheirOwnNewestFirst() {
        Auth root = Auth.bearer(root().bearer());
        Auth alice = Auth.bearer(user("alice").bearer());
        user("bob");
        long a = userId("alice");
        long b = userId("bob");
        log(a, 11, 1, "gpt-4o", 200, T0, false);
        log(a, 11, 2, "gpt-4o-mini", 500, T0 + 1000, true);
        log(b, 12, 1, "gpt-4o", 200, T0 + 2000, false);

        Reply all = api.get("/api/logs", root).expect(200);
        assertThat(all.json().path("total").asLong()).isEqualTo(3);
        assertThat(all.json().path("items").get(0).path("user_id").asLong()).isEqualTo(b);
        assertThat(all.json().path("items").get(0).path("created_at").asLong()).isEqualTo(T0 / 1000 + 2);
        assertThat(all.json().path("items").get(0).path("cost").decimalValue()).isEqualByComparingTo("0.0000015");
        assertThat(all.json().path("items").get(0).path("channel_id").asLong()).isEqualTo(1);

        Reply own = api.get("/api/logs", alice).expect(200);
        assertThat(own.json().path("total").asLong()).isEqualTo(2);
        own.json()
                .path("items")
                .forEach(i -> assertThat(i.path("user_id").asLong()).isEqualTo(a));
        assertThat(own.json().path("items").get(0).has("channel_id")).isFalse();
        assertThat(own.json().path("items").get(0).has("retry_trail")).isFalse();
        assertThat(api.get("/api/logs?user=" + b, alice)
                        .expect(200)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(api.get("/api/logs?token=12", alice)
                        .expect(200)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
    }

    @Test
    void filtersAndPaging() {
        Auth root = Auth.bearer(root().bearer());
        long r = userId("root");
        for (int i = 0; i < 5; i++) {
            log(r, 1, 1 + i % 2, i % 2 == 0 ? "gpt-4o" : "claude", i == 4 ? 429 : 200, T0 + i * 60_000L, i % 2 == 1);
        }
        assertThat(total(root, "model=claude")).isEqualTo(2);
        assertThat(total(root, "channel=1")).isEqualTo(3);
        assertThat(total(root, "status=429")).isEqualTo(1);
        assertThat(total(root, "stream=true")).isEqualTo(2);
        assertThat(total(root, "settlement=upstream_failed")).isEqualTo(1);
        assertThat(total(root, "settlement=completed")).isEqualTo(4);
        assertThat(total(root, "settlement=interrupted")).isZero();
        assertThat(api.get("/api/logs?settlement=exploded", root).expect(400).body())
                .contains("interrupted");
        assertThat(total(root, "from=" + (T0 / 1000 + 60) + "&to=" + (T0 / 1000 + 180)))
                .isEqualTo(3);
        assertThat(total(root, "token=1&user=" + r)).isEqualTo(5);
        Reply page = api.get("/api/logs?page=2&size=2", root).expect(200);
        assertThat(page.json().path("items")).hasSize(2);
        assertThat(page.json().path("items").get(0).path("created_at").asLong()).isEqualTo(T0 / 1000 + 120);
        api.get("/api/logs?from=yesterday", root).expect(400);
        api.get("/api/logs?stream=maybe", root).expect(400);
        api.get("/api/logs?page=0", root).expect(400);
    }

    @Test
    void theOpenApiDocumentListsEverySettlementStateForTheFilterAndTheRow() {
        com.fasterxml.jackson.databind.JsonNode doc =
                api.get("/api/openapi.json", Auth.none()).json();
        List<String> states = java.util.Arrays.stream(ai.burncloud.common.Settlement.values())
                .map(ai.burncloud.common.Settlement::id)
                .toList();
        List<String> filter = new java.util.ArrayList<>();
        doc.path("paths").path("/api/logs").path("get").path("parameters").forEach(p -> {
            if (p.path("name").asText().equals("settlement")) {
                p.path("schema").path("enum").forEach(e -> filter.add(e.asText()));
            }
        });
        assertThat(filter).containsExactlyInAnyOrderElementsOf(states).contains("interrupted");
        List<String> row = new java.util.ArrayList<>();
        doc.findValues("settlement").forEach(n -> n.path("enum").forEach(e -> row.add(e.asText())));
        assertThat(row).containsAll(states);
    }

    @Test
    void exportIsCsvWithTheSameFilters() {
        Auth root = Auth.bearer(root().bearer());
        Auth alice = Auth.bearer(user("alice").bearer());
        long a = userId("alice");
        for (int i = 0; i < 1200; i++) {
            log(a, 1, 1, "gpt-4o", 200, T0 + i, false);
        }
        log(userId("root"), 2, 1, "gpt-4o", 200, T0, false);
        Reply csv = api.get("/api/logs/export", root).expect(200);
        assertThat(csv.raw().headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(1203);
        assertThat(lines[0]).startsWith("id,request_id,created_at,created_at_ms,user_id,token_id,channel_id");
        assertThat(lines[1]).contains(",0.0000015,");
        Reply mine = api.get("/api/logs/export", alice).expect(200);
        String[] own = mine.body().split("\r\n");
        assertThat(own).hasSize(1202);
        assertThat(own[own.length - 1])
                .as("totals: 1200 rows, 10 and 20 tokens each, 1500 nano-dollars each")
                .startsWith("total,1200,")
                .contains(",12000,24000,")
                .contains(",0.0018,");
        assertThat(mine.body().split("\r\n")[0]).doesNotContain("channel_id");
        assertThat(api.get("/api/logs/export?model=none", root).body().split("\r\n"))
                .containsExactly(lines[0], "total,0,,,,,,,,,0,0,0,0,0,0,,,,,,,,,,");
    }

    private long total(Auth auth, String query) {
        return api.get("/api/logs?" + query, auth)
                .expect(200)
                .json()
                .path("total")
                .asLong();
    }
}
