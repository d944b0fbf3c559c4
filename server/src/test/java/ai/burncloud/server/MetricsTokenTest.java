package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.server.ApiClient.Auth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTokenTest extends ApiTestBase {
    @Override
    Map<String, String> settings() {
        return Map.of("METRICS_TOKEN", "scrape-secret");
    }

    @Test
    void metricsNeedTheTokenWhenOneIsSet() {
        assertThat(api.get("/metrics", Auth.none()).expect(401).errorCode()).isEqualTo("invalid_token");
        api.get("/metrics", Auth.bearer("wrong")).expect(401);
        api.get("/metrics", Auth.bearer(root().bearer())).expect(401);
        assertThat(api.get("/metrics", Auth.bearer("scrape-secret")).expect(200).body())
                .contains("burncloud_in_flight_requests");
    }
}
