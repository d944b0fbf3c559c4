package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.common.Json;
import ai.burncloud.database.Ability;
import ai.burncloud.database.Database;
import ai.burncloud.database.Repositories;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelCommandsTest extends CliTestBase {
    private List<Ability> abilities() {
        try (Database db = Database.open(DatabaseUrl.parse(url))) {
            return Repositories.over(db).channels().abilities();
        }
    }

    @Test
    void addPrintsTheNewIdAndDerivesAbilities() {
        Cli.Result r = cli.run(
                        "channel",
                        "add",
                        "--name",
                        "main",
                        "--type",
                        "openai",
                        "--key",
                        "sk-upstream-0123456789",
                        "--models",
                        "gpt-4,gpt-4o",
                        "--group",
                        "default,vip",
                        "--priority",
                        "3",
                        "--weight",
                        "7",
                        "--model-mapping",
                        "{\"gpt-4\":\"gpt-4-0613\"}")
                .ok();
        assertThat(r.out().strip()).isEqualTo("1");
        assertThat(abilities())
                .containsExactlyInAnyOrder(
                        new Ability("default", "gpt-4", 1, true, 3, 7),
                        new Ability("default", "gpt-4o", 1, true, 3, 7),
                        new Ability("vip", "gpt-4", 1, true, 3, 7),
                        new Ability("vip", "gpt-4o", 1, true, 3, 7));

        JsonNode got = Json.parse(cli.run("channel", "get", "1", "--json").ok().out());
        assertThat(got.get("base_url").asText()).isEqualTo("https://api.openai.com/v1");
        assertThat(got.get("key_hint").asText()).isEqualTo("sk-u...6789");
        assertThat(got.get("model_mapping").get("gpt-4").asText()).isEqualTo("gpt-4-0613");
        assertThat(got.get("abilities")).hasSize(4);
        assertThat(got.toString()).doesNotContain("sk-upstream-0123456789");
        assertThat(cli.run("channel", "list").ok().out()).doesNotContain("sk-upstream-0123456789");
    }

    @Test
    void updateDisableEnableAndDeleteKeepAbilitiesInStep() {
        cli.run("channel", "add", "--name", "a", "--type", "anthropic", "--key", "k", "--models", "claude-3")
                .ok();
        assertThat(cli.run("channel", "get", "1").ok().out()).contains("https://api.anthropic.com");

        cli.run("channel", "update", "1", "--models", "claude-3,claude-3.5", "--weight", "2")
                .ok();
        assertThat(abilities()).extracting(Ability::model).containsExactlyInAnyOrder("claude-3", "claude-3.5");

        cli.run("channel", "disable", "1").ok();
        assertThat(abilities()).hasSize(2).noneMatch(Ability::enabled);
        assertThat(cli.run("channel", "list").ok().out()).contains("disabled");
        cli.run("channel", "enable", "1").ok();
        assertThat(abilities()).allMatch(Ability::enabled);

        cli.run("channel", "delete", "1").ok();
        assertThat(abilities()).isEmpty();
        cli.run("channel", "get", "1").fails(1);
        cli.run("channel", "delete", "1").fails(1);
        cli.run("channel", "enable", "1").fails(1);
    }

    @Test
    void bedrockNeedsItsKeyFormatAndRegion() {
        addBedrock("AKIA|secret", "--config", "{\"region\":\"us-west-2\"}").ok();
        assertThat(cli.run("channel", "get", "1").ok().out())
                .contains("https://bedrock-runtime.us-west-2.amazonaws.com");
        addBedrock("AKIA|secret").fails(2);
        addBedrock("nopipe", "--config", "{\"region\":\"us-west-2\"}").fails(2);
    }

    /** {@code channel add} of a bedrock channel "b" serving "claude", with this key and these flags. */
    private Cli.Result addBedrock(String key, String... extra) {
        List<String> args = new ArrayList<>(
                List.of("channel", "add", "--name", "b", "--type", "bedrock", "--key", key, "--models", "claude"));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }
}
