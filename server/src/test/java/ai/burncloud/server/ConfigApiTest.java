package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.server.ApiClient.Auth;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/config}: export, diff and import over HTTP, for administrators only, errors as 4xx. */
class ConfigApiTest extends ApiTestBase {
    private static final String KEY = "sk-config-api-abcdefghijklmnopqrstuvwxyz";

    private Auth root;

    @BeforeEach
    void someConfiguration() {
        root = Auth.bearer(root().bearer());
        api.post(
                        "/api/channels",
                        "{\"name\":\"openai-main\",\"type\":\"openai\",\"key\":\"" + KEY
                                + "\",\"models\":[\"gpt-4o\"]}",
                        root)
                .expect(201);
        api.post("/api/prices", "{\"model\":\"gpt-4o\",\"input\":2.5,\"output\":10}", root)
                .expect(200);
    }

    @Test
    void exportIsYamlWithKeyReferencesOrTheSameDocumentAsJson() {
        ApiClient.Reply yaml = api.get("/api/config", root).expect(200);
        assertThat(yaml.headers("content-type")).containsExactly("application/yaml; charset=utf-8");
        assertThat(yaml.body())
                .startsWith("# BurnCloud configuration")
                .contains("key: \"${env:BURNCLOUD_KEY_OPENAI_MAIN}\"")
                .contains("  - model: gpt-4o\n    input: 2.5\n    output: 10\n")
                .doesNotContain(KEY);
        JsonNode json = api.get("/api/config?format=json", root).expect(200).json();
        assertThat(json.path("channels").get(0).path("name").asText()).isEqualTo("openai-main");
        assertThat(json.toString()).doesNotContain(KEY);
    }

    @Test
    void diffPreviewsAndImportAppliesInOneGo() {
        String yaml = api.get("/api/config", root).expect(200).body();
        String edited = yaml.replace("output: 10", "output: 12").replace("weight: 0", "weight: 3");
        List<Object> before = state();

        JsonNode diff = api.post("/api/config/diff", edited, root).expect(200).json();
        assertThat(diff.path("change")).hasSize(2);
        assertThat(diff.path("change").get(0).path("name").asText()).isEqualTo("openai-main");
        JsonNode dry = api.post("/api/config/import?dry_run=true", edited, root)
                .expect(200)
                .json();
        assertThat(dry.path("applied").asBoolean()).isFalse();
        assertThat(state()).isEqualTo(before);

        JsonNode done = api.post("/api/config/import", edited, root).expect(200).json();
        assertThat(done.path("applied").asBoolean()).isTrue();
        assertThat(api.get("/api/prices/gpt-4o", root)
                        .expect(200)
                        .json()
                        .path("output")
                        .asInt())
                .isEqualTo(12);
        assertThat(repos.configVersion().current()).isGreaterThan((Long) before.get(0));
        assertThat(api.get("/api/config", root).expect(200).body()).isEqualTo(edited);
        JsonNode audit = api.get("/api/audit?entity=config&action=import", root)
                .expect(200)
                .json();
        assertThat(audit.path("items").get(0).path("actor").asText()).isEqualTo("root");
    }

    @Test
    void theFileIsReadAsYamlJsonOrTextButNotAsAForm() {
        String yaml = api.get("/api/config", root).expect(200).body();
        String edited = yaml.replace("output: 10", "output: 11");
        for (String type : List.of("application/yaml", "text/plain", "application/json")) {
            JsonNode diff = api.send("POST", "/api/config/diff", edited, root, null, type)
                    .expect(200)
                    .json();
            assertThat(diff.path("change")).as(type).hasSize(1);
        }
        // curl's default for --data-binary: a 400 in the error shape, never a 5xx
        ApiClient.Reply form =
                api.send("POST", "/api/config/diff", edited, root, null, "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.errorCode()).isEqualTo("invalid_request");
    }

    @Test
    void aBadFileIsA400NamingTheLineAndChangesNothing() {
        List<Object> before = state();
        ApiClient.Reply syntax =
                api.post("/api/config/import", "channels: [\n", root).expect(400);
        assertThat(syntax.errorCode()).isEqualTo("invalid_request");
        assertThat(syntax.json().path("error").path("message").asText())
                .startsWith("line 1, column 12: not valid YAML");

        String yaml = api.get("/api/config", root).expect(200).body();
        ApiClient.Reply semantic = api.post(
                        "/api/config/import",
                        yaml.replace("weight: 0", "weight: 4").replace("type: openai", "type: x"),
                        root)
                .expect(400);
        assertThat(semantic.json().path("error").path("message").asText()).matches("line \\d+: channels\\[0].*");
        api.post("/api/config/import", "", root).expect(400);
        api.post("/api/config/import?prune=maybe", yaml, root).expect(400);
        api.post("/api/config/diff", "\u0000\u0001binary", root).expect(400);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsAndOnlyRootForOptions() {
        Auth alice = user("alice");
        api.get("/api/config", alice).expect(403);
        api.post("/api/config/diff", "prices: []\n", alice).expect(403);
        api.post("/api/config/import", "prices: []\n", alice).expect(403);
        api.get("/api/config", Auth.none()).expect(401);

        Auth bob = user("bob", "admin", "-1");
        api.get("/api/config", bob).expect(200);
        ApiClient.Reply options = api.post("/api/config/import", "options:\n  retry_times: 0\n", bob)
                .expect(403);
        assertThat(options.errorCode()).isEqualTo("permission_denied");
        api.post("/api/config/import", "prices:\n  - model: gpt-4o\n    input: 1\n    output: 2\n", bob)
                .expect(200);
        api.post("/api/config/import", "options:\n  retry_times: 0\n", root).expect(200);
    }
}
