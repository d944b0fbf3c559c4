package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.server.ApiClient.Auth;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionApiTest extends ApiTestBase {
    @Override
    Map<String, String> settings() {
        return Map.of("RETRY_TIMES", "3", "BILLING_ALLOW_UNPRICED", "true");
    }

    @Test
    void defaultsComeFromTheConfigurationWhereItHasThem() {
        JsonNode o = api.get("/api/options", Auth.bearer(root().bearer()))
                .expect(200)
                .json();
        assertThat(o.path("registration_enabled").asBoolean()).isFalse();
        assertThat(o.path("retry_times").asInt()).isEqualTo(3);
        assertThat(o.path("unpriced_model_policy").asText()).isEqualTo("free");
        assertThat(o.path("channel_test_interval_s").asInt()).isZero();
        assertThat(o.path("auto_disable_enabled").asBoolean()).isTrue();
        assertThat(o.path("invite_bonus_inviter").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void changesAreValidatedAsAWholeAndStored() {
        Auth root = Auth.bearer(root().bearer());
        long version = repos.configVersion().current();
        JsonNode o = api.patch(
                        "/api/options",
                        "{\"retry_times\":1,\"unpriced_model_policy\":\"reject\",\"invite_bonus_invitee\":0.5,"
                                + "\"channel_test_interval_s\":600}",
                        root)
                .expect(200)
                .json();
        assertThat(o.path("retry_times").asInt()).isEqualTo(1);
        assertThat(o.path("invite_bonus_invitee").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(repos.options().get("retry_times")).contains("1");
        assertThat(repos.configVersion().current()).isGreaterThan(version);
        List<Object> before = state();
        api.patch("/api/options", "{\"retry_times\":2,\"no_such_option\":1}", root)
                .expect(400);
        api.patch("/api/options", "{\"retry_times\":\"2\"}", root).expect(400);
        api.patch("/api/options", "{\"retry_times\":99}", root).expect(400);
        api.patch("/api/options", "{\"retry_times\":1.5}", root).expect(400);
        api.patch("/api/options", "{\"invite_bonus_inviter\":-1}", root).expect(400);
        api.patch("/api/options", "{\"unpriced_model_policy\":\"maybe\"}", root).expect(400);
        api.patch("/api/options", "{\"registration_enabled\":\"yes\"}", root).expect(400);
        api.patch("/api/options", "{}", root).expect(400);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void onlyRootSeesOrChangesOptions() {
        user("admin1", "admin", "-1");
        Auth admin = Auth.bearer(api.login("admin1", "password-admin1").bearer());
        api.get("/api/options", admin).expect(403);
        api.patch("/api/options", "{\"registration_enabled\":true}", admin).expect(403);
        assertThat(repos.options().all()).isEmpty();
    }
}
