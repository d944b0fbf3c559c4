package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.server.ApiClient.Auth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metric labels come from bounded sets: a client choosing model names cannot grow /metrics. */
class MetricsLabelsTest extends ApiTestBase {
    @Override
    Map<String, String> settings() {
        return Map.of("METRICS_MAX_SERIES", "1000");
    }

    @Test
    void modelNamesThatWereNeverRoutedAreCountedAsOther() {
        String scrapedBefore = scrape();
        for (int i = 0; i < 200; i++) {
            String name = "attacker-" + i + "-" + "x".repeat(10_000);
            // not routed to a channel: an unknown model, a rejected request
            dataPlane.settle(FakeDataPlane.row(1, 1, null, name, 404, 0, 0, 0, 1, null));
        }
        String after = scrape();
        assertThat(after).doesNotContain("attacker-").contains("model=\"other\"");
        // the scrape did not grow with the names: at most one more status series per family
        assertThat(after.length()).isLessThan(scrapedBefore.length() + 2_000);
    }

    @Test
    void routedModelsAreLabelledUntilTheSeriesCapThenFoldIntoOther() {
        dataPlane.settle(FakeDataPlane.row(1, 1, 7L, "gpt-4o", 200, 10, 5, 1000, 10, 5L));
        assertThat(scrape()).contains("model=\"gpt-4o\"");
        for (int i = 0; i < 50; i++) {
            dataPlane.settle(FakeDataPlane.row(1, 1, 7L, "configured-" + i, 200, 10, 5, 1000, 10, 5L));
        }
        String text = scrape();
        long series = text.lines().filter(l -> !l.startsWith("#")).count();
        assertThat(series).isLessThanOrEqualTo(1000 + 50); // + the channel and in-flight gauges
        assertThat(text).contains("model=\"configured-0\"").doesNotContain("model=\"configured-49\"");
        assertThat(text).contains("burncloud_tokens_total{model=\"other\",type=\"prompt\"}");
    }

    private String scrape() {
        return api.get("/metrics", Auth.none()).expect(200).body();
    }
}
