package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.database.Database;
import ai.burncloud.database.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code burncloud config export/diff/import}: output, exit codes, and what reaches the database. */
class ConfigCommandsTest extends CliTestBase {
    private static final String KEY = "sk-config-cli-abcdefghijklmnopqrstuvwxyz";

    @BeforeEach
    void someConfiguration() {
        cli.run("channel", "add", "--name", "openai-main", "--type", "openai", "--key", KEY, "--models", "gpt-4o")
                .ok();
        cli.run("price", "set", "gpt-4o", "--input", "2.5", "--output", "10").ok();
        cli.run("price", "set", "gpt-4o-latest", "--alias", "gpt-4o").ok();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void exportWritesYamlWithKeyReferencesToStdoutOrAFile() throws IOException {
        String yaml = cli.run("config", "export").ok().out();
        assertThat(yaml)
                .contains("  - name: openai-main\n")
                .contains("key: \"${env:BURNCLOUD_KEY_OPENAI_MAIN}\"")
                .contains("  - model: gpt-4o-latest\n    alias: gpt-4o\n")
                .doesNotContain(KEY);

        Path file = dir.resolve("burncloud.yaml");
        assertThat(cli.run("config", "export", "--output", file.toString()).ok().out())
                .isEqualTo("Wrote the configuration to " + file + ".\n");
        assertThat(Files.readString(file)).isEqualTo(yaml);

        JsonNode json = Json.parse(cli.run("config", "export", "--json").ok().out());
        assertThat(json.path("prices").get(0).path("input").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(json.toString()).doesNotContain(KEY);
        Path asJson = write(
                "burncloud.json", cli.run("config", "export", "--json").ok().out());
        assertThat(cli.run("config", "diff", asJson.toString()).ok().out())
                .isEqualTo("No changes: the database already matches the file.\n");
    }

    @Test
    void anExportImportsIntoAnotherDatabaseAndExportsTheSame() throws IOException {
        Path file = dir.resolve("burncloud.yaml");
        cli.run("config", "export", "--output", file.toString()).ok();
        Path other = Files.createDirectory(dir.resolve("other"));
        Database.open(TestDatabases.sqlite(other)).close();
        Cli elsewhere = new Cli(TestDatabases.sqliteUrl(other), other);

        elsewhere.run("config", "import", file.toString()).fails(2);
        Cli.Result imported = elsewhere
                .with("BURNCLOUD_KEY_OPENAI_MAIN", KEY)
                .run("config", "import", file.toString())
                .ok();

        assertThat(imported.outLines())
                .containsExactly(
                        "+ channels openai-main",
                        "+ prices gpt-4o",
                        "+ prices gpt-4o-latest",
                        "3 to add, 0 to change, 0 to delete.",
                        "Imported.");
        assertThat(elsewhere.run("config", "export").ok().out()).isEqualTo(Files.readString(file));
        assertThat(elsewhere.run("channel", "get", "1", "--json").ok().out()).contains("\"key_hint\": \"sk-c...wxyz\"");
    }

    @Test
    void diffShowsEachChangeAndChangesNothing() throws IOException {
        String yaml = cli.run("config", "export").ok().out();
        Path edited = write(
                "edited.yaml",
                yaml.replace("weight: 0", "weight: 5")
                        .replace("  - model: gpt-4o-latest\n    alias: gpt-4o\n", "")
                        .replace("retry_times: 2", "retry_times: 1"));

        Cli.Result diff = cli.run("config", "diff", edited.toString()).ok();
        assertThat(diff.outLines())
                .containsExactly(
                        "~ channels openai-main: weight 0 -> 5",
                        "~ options retry_times: value 2 -> 1",
                        "Not in the file, kept (--prune would delete them): prices gpt-4o-latest",
                        "0 to add, 2 to change, 0 to delete.");
        assertThat(cli.run("config", "diff", edited.toString(), "--prune").ok().outLines())
                .contains("- prices gpt-4o-latest", "0 to add, 2 to change, 1 to delete.");
        JsonNode json = Json.parse(
                cli.run("config", "diff", edited.toString(), "--json").ok().out());
        assertThat(json.path("change")
                        .get(0)
                        .path("fields")
                        .get(0)
                        .path("after")
                        .asInt())
                .isEqualTo(5);
        assertThat(cli.run("config", "export").ok().out()).isEqualTo(yaml);

        assertThat(cli.run("config", "diff", write("same.yaml", yaml).toString())
                        .ok()
                        .out())
                .isEqualTo("No changes: the database already matches the file.\n");
    }

    @Test
    void importWithDryRunChangesNothingAndWithPruneDeletes() throws IOException {
        String yaml = cli.run("config", "export").ok().out();
        Path edited = write("edited.yaml", yaml.replace("  - model: gpt-4o-latest\n    alias: gpt-4o\n", ""));

        assertThat(cli.run("config", "import", edited.toString(), "--prune", "--dry-run")
                        .ok()
                        .outLines())
                .containsExactly(
                        "- prices gpt-4o-latest",
                        "0 to add, 0 to change, 1 to delete.",
                        "Dry run: nothing was changed.");
        cli.run("price", "get", "gpt-4o-latest").ok();

        cli.run("config", "import", edited.toString(), "--prune").ok();
        cli.run("price", "get", "gpt-4o-latest").fails(1);
        JsonNode audit = Json.parse(
                cli.run("audit", "list", "--entity", "config", "--json").ok().out());
        assertThat(audit.get(0).path("action").asText()).isEqualTo("import");
        assertThat(audit.get(0).path("actor").asText()).startsWith("cli@");
        assertThat(audit.get(0).path("after").path("deleted").asInt()).isEqualTo(1);
    }

    @Test
    void aBadFileExitsTwoNamingTheLineAndChangesNothing() throws IOException {
        String yaml = cli.run("config", "export").ok().out();
        String bad = yaml.replace("weight: 0", "weight: 9").replace("output: 10", "output: ten");
        int line = (int) bad.substring(0, bad.indexOf("output: ten"))
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;

        assertThat(cli.run("config", "import", write("bad.yaml", bad).toString())
                        .fails(2)
                        .err())
                .isEqualTo("burncloud: error: line " + line + ": prices[0].output must be a number\n");
        assertThat(cli.run("config", "export").ok().out()).isEqualTo(yaml);

        assertThat(cli.run(
                                "config",
                                "diff",
                                write("broken.yaml", "channels: [\n").toString())
                        .fails(2)
                        .err())
                .startsWith("burncloud: error: line 1, column 12: not valid YAML");
        assertThat(cli.run("config", "import", dir.resolve("missing.yaml").toString())
                        .fails(2)
                        .err())
                .contains("no configuration file at");
    }

    @Test
    void aMissingDatabaseIsNeverCreated() {
        Path nowhere = dir.resolve("nowhere.db");
        assertThat(cli.run("--database", "sqlite:" + nowhere, "config", "export")
                        .fails(1)
                        .err())
                .contains("no database at " + nowhere);
        assertThat(nowhere).doesNotExist();
    }
}
