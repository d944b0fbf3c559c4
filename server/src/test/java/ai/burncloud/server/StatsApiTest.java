package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.server.ApiClient.Auth;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatsApiTest extends ApiTestBase {

    private void traffic(long alice, long bob) {
        dataPlane.settle(FakeDataPlane.row(alice, 1, 7L, "gpt-4o", 200, 100, 50, 3_000_000, 100, 20L));
        dataPlane.settle(FakeDataPlane.row(alice, 1, 7L, "gpt-4o", 200, 10, 5, 1_000_000, 300, 60L));
        dataPlane.settle(FakeDataPlane.row(bob, 2, 8L, "claude", 502, 0, 0, 0, 900, null));
    }

    @Test
    void summaryCountsExactlyWhatWasSettled() {
        Auth root = Auth.bearer(root().bearer());
        Auth alice = Auth.bearer(user("alice").bearer());
        user("bob");
        traffic(userId("alice"), userId("bob"));
        JsonNode all = api.get("/api/stats/summary", root).expect(200).json();
        assertThat(all.path("requests").asLong()).isEqualTo(3);
        assertThat(all.path("errors").asLong()).isEqualTo(1);
        assertThat(all.path("prompt_tokens").asLong()).isEqualTo(110);
        assertThat(all.path("completion_tokens").asLong()).isEqualTo(55);
        assertThat(all.path("tokens").asLong()).isEqualTo(165);
        assertThat(all.path("cost").decimalValue()).isEqualByComparingTo("0.004");
        assertThat(all.path("latency_p50_ms").asLong()).isBetween(299L, 301L);
        assertThat(all.path("latency_p95_ms").asLong()).isBetween(895L, 905L);
        assertThat(all.path("ttft_p50_ms").asLong()).isBetween(19L, 21L);
        JsonNode mine = api.get("/api/stats/summary", alice).expect(200).json();
        assertThat(mine.path("requests").asLong()).isEqualTo(2);
        assertThat(mine.path("errors").asLong()).isZero();
    }

    @Test
    void minuteRollupsSurviveTheFlushToTheDatabase() {
        Auth root = Auth.bearer(root().bearer());
        traffic(userId("root"), userId("root"));
        long before =
                api.get("/api/stats/summary", root).json().path("requests").asLong();
        clock.advanceSeconds(180);
        controlPlane.flushStatistics();
        assertThat(repos.stats().range(0, Long.MAX_VALUE, null)).hasSize(2);
        JsonNode after = api.get("/api/stats/summary", root).expect(200).json();
        assertThat(after.path("requests").asLong()).isEqualTo(before).isEqualTo(3);
        assertThat(after.path("latency_p95_ms").asLong()).isBetween(895L, 905L);
        JsonNode hourly = api.get(
                        "/api/stats/timeseries?metric=tokens&bucket=1h&from=" + (clock.millis() / 1000 - 7200), root)
                .expect(200)
                .json();
        long sum = 0;
        for (JsonNode p : hourly.path("series").get(0).path("points")) {
            sum += p.path("v").asLong();
        }
        assertThat(sum).isEqualTo(165);
    }

    @Test
    void timeseriesBySecondAndMinuteGrouped() {
        Auth root = Auth.bearer(root().bearer());
        Auth alice = Auth.bearer(user("alice").bearer());
        user("bob");
        traffic(userId("alice"), userId("bob"));
        long now = clock.millis() / 1000;
        JsonNode s = api.get(
                        "/api/stats/timeseries?metric=requests&bucket=1s&from=" + (now - 10) + "&to=" + now
                                + "&group_by=model",
                        root)
                .expect(200)
                .json();
        assertThat(s.path("series")).hasSize(2);
        JsonNode claude = s.path("series").get(0);
        assertThat(claude.path("group").asText()).isEqualTo("claude");
        assertThat(claude.path("points")).hasSize(11);
        assertThat(claude.path("points").get(10).path("v").asLong()).isEqualTo(1);
        assertThat(claude.path("points").get(0).path("v").asLong()).isZero();
        JsonNode cost = api.get("/api/stats/timeseries?metric=cost&bucket=1m", root)
                .expect(200)
                .json();
        assertThat(cost.path("series").get(0).path("group").isNull()).isTrue();
        JsonNode last = cost.path("series")
                .get(0)
                .path("points")
                .get(cost.path("series").get(0).path("points").size() - 1);
        assertThat(last.path("v").decimalValue()).isEqualByComparingTo("0.004");
        JsonNode p95 = api.get("/api/stats/timeseries?metric=latency_p95&bucket=1m&group_by=user", root)
                .json();
        assertThat(p95.path("series")).hasSize(2);
        JsonNode mine = api.get("/api/stats/timeseries?metric=errors&bucket=1s&from=" + (now - 5), alice)
                .expect(200)
                .json();
        assertThat(mine.path("series").get(0).path("points").get(5).path("v").asLong())
                .isZero();
        api.get("/api/stats/timeseries?group_by=user", alice).expect(403);
        api.get("/api/stats/timeseries?metric=bogus", root).expect(400);
        api.get("/api/stats/timeseries?bucket=1s&from=" + (now - 7200), root).expect(400);
        api.get("/api/stats/timeseries?bucket=1s&from=0", root).expect(400);
    }

    @Test
    void madeUpModelNamesCountAsOtherAndAddNoGroups() {
        Auth root = Auth.bearer(root().bearer());
        user("alice");
        long alice = userId("alice");
        traffic(alice, alice);
        // issue 9: every name a client makes up was a statistics key of its own, kept for an hour in
        // memory and 90 days in the database; refused before routing (no channel), it is "other"
        for (int i = 0; i < 500; i++) {
            dataPlane.settle(FakeDataPlane.row(alice, 7L, null, "made-up-" + i, 404, 0, 0, 0, 1, null));
        }
        long now = clock.millis() / 1000;
        JsonNode s = api.get(
                        "/api/stats/timeseries?metric=requests&bucket=1m&from=" + (now - 120) + "&group_by=model", root)
                .expect(200)
                .json();
        java.util.Map<String, Long> byModel = new java.util.TreeMap<>();
        for (JsonNode series : s.path("series")) {
            long sum = 0;
            for (JsonNode p : series.path("points")) {
                sum += p.path("v").asLong();
            }
            byModel.put(series.path("group").asText(), sum);
        }
        assertThat(byModel)
                .containsExactly(
                        java.util.Map.entry("claude", 1L),
                        java.util.Map.entry("gpt-4o", 2L),
                        java.util.Map.entry("other", 500L));
        clock.advanceSeconds(180);
        controlPlane.flushStatistics();
        assertThat(repos.stats().range(0, Long.MAX_VALUE, null)).hasSize(3);
    }

    @Test
    void liveStreamsServerSentEventsEverySecond() throws Exception {
        Auth root = Auth.bearer(root().bearer());
        dataPlane.inFlight = 3;
        traffic(userId("root"), userId("root"));
        clock.advanceSeconds(1);
        HttpRequest req = HttpRequest.newBuilder(URI.create(api.base() + "/api/stats/live"))
                .header("authorization", "Bearer " + root.bearer())
                .build();
        HttpResponse<InputStream> r = api.http().send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("text/event-stream");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            JsonNode first = nextEvent(in);
            assertThat(first.path("rps").asLong()).isEqualTo(3);
            assertThat(first.path("tps").asLong()).isEqualTo(165);
            assertThat(first.path("rpm").asLong()).isEqualTo(3);
            assertThat(first.path("in_flight").asInt()).isEqualTo(3);
            clock.advanceSeconds(5);
            JsonNode later = nextEvent(in);
            assertThat(later.path("rps").asLong()).isZero();
            assertThat(later.path("rpm").asLong()).isEqualTo(3);
        }
        Auth alice = Auth.bearer(user("alice").bearer());
        HttpResponse<InputStream> u = api.http()
                .send(
                        HttpRequest.newBuilder(URI.create(api.base() + "/api/stats/live"))
                                .header("authorization", "Bearer " + alice.bearer())
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(u.body(), StandardCharsets.UTF_8))) {
            JsonNode mine = nextEvent(in);
            assertThat(mine.path("rpm").asLong()).isZero();
            assertThat(mine.path("in_flight").isNull()).isTrue();
        }
    }

    private static JsonNode nextEvent(BufferedReader in) throws Exception {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("data: ")) {
                return Json.parse(line.substring(6));
            }
        }
        throw new AssertionError("stream ended");
    }
}
