package ai.burncloud.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.ConfigLoader;
import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.AuditEntry;
import ai.burncloud.database.AuditQuery;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelStatus;
import ai.burncloud.database.Database;
import ai.burncloud.database.KeyCipher;
import ai.burncloud.database.KeySource;
import ai.burncloud.database.MasterKey;
import ai.burncloud.database.Repositories;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Configuration as a file on one kind of database: export, diff and import between two databases
 * with master keys of their own, so keys can only travel by reference.
 */
abstract class ConfigTransferContract {
    static final String OPENAI_KEY = "sk-config-openai-0123456789abcdefghij";
    static final String CLAUDE_KEY = "sk-ant-config-claude-0123456789abcdef";
    static final String BEDROCK_KEY = "AKIACONFIGTEST|secret-access-key-0123456789";

    /** A new, empty, migrated database. */
    protected abstract DatabaseUrl freshDatabase() throws Exception;

    protected void dropDatabases() throws Exception {}

    private final Map<String, String> env = new HashMap<>();
    private Database sourceDb;
    private Database targetDb;
    private Repositories source;
    private Repositories target;

    @BeforeEach
    void openTwoDatabases() throws Exception {
        sourceDb = Database.open(freshDatabase());
        targetDb = Database.open(freshDatabase());
        source = Repositories.over(sourceDb, new KeyCipher(KeySource.fixed(MasterKey.generate("source test key"))));
        target = Repositories.over(targetDb, new KeyCipher(KeySource.fixed(MasterKey.generate("target test key"))));
    }

    @AfterEach
    void closeDatabases() throws Exception {
        sourceDb.close();
        targetDb.close();
        dropDatabases();
    }

    private static BurnCloudConfig config() {
        return ConfigLoader.fromMap(Map.of());
    }

    private ConfigTransfer transfer(Repositories repos) {
        return new ConfigTransfer(repos, config(), new AuditTrail(repos, Clock.systemUTC()), env::get);
    }

    private static final ConfigTransfer.Importer ROOT = new ConfigTransfer.Importer("cli@test", "cli", true);

    /** Some of everything a configuration holds, through the same services the CLI and API use. */
    private void someOfEverything(Repositories r) {
        ChannelAdmin channels = new ChannelAdmin(r);
        channels.add(new ChannelRequest(
                "openai-main",
                "openai",
                null,
                OPENAI_KEY,
                List.of("gpt-4o", "gpt-4o-mini"),
                List.of("default", "vip"),
                10,
                80,
                "{\"gpt-4o\":\"gpt-4o-2024-08-06\"}",
                null));
        Channel claude = channels.add(new ChannelRequest(
                "claude",
                "anthropic",
                null,
                CLAUDE_KEY,
                List.of("claude-sonnet-4-5"),
                null,
                null,
                null,
                null,
                "{\"anthropic_version\":\"2023-06-01\"}"));
        channels.disable(claude.id());
        channels.add(new ChannelRequest(
                "bedrock east",
                "bedrock",
                null,
                BEDROCK_KEY,
                List.of("anthropic.claude-3-haiku-20240307-v1:0"),
                null,
                null,
                null,
                null,
                "{\"region\":\"us-east-1\",\"api\":\"converse\"}"));
        PriceAdmin prices = new PriceAdmin(r);
        prices.set("gpt-4o", "2.5", "10", "1.25");
        prices.set("gpt-4o-mini", "0.15", "0.6", null);
        prices.alias("gpt-4o-2024-08-06", "gpt-4o");
        RatioAdmin ratios = new RatioAdmin(r);
        ratios.setModelRatio("legacy-model", new BigDecimal("7.5"), new BigDecimal("2"));
        ratios.setGroupRatio("vip", new BigDecimal("0.8"), "Very important");
        new OptionAdmin(r, config())
                .update(Map.of("retry_times", IntNode.valueOf(1), "registration_enabled", BooleanNode.TRUE));
    }

    @Test
    void anExportImportedIntoAnEmptyDatabaseExportsTheSameBytes() {
        someOfEverything(source);
        String exported = transfer(source).export();

        assertThat(exported)
                .startsWith("# BurnCloud configuration")
                .contains("key: \"${env:BURNCLOUD_KEY_OPENAI_MAIN}\"")
                .contains("key: \"${env:BURNCLOUD_KEY_BEDROCK_EAST}\"")
                .doesNotContain(OPENAI_KEY)
                .doesNotContain(CLAUDE_KEY)
                .doesNotContain("secret-access-key")
                .doesNotContain("enc:v1");

        env.put("BURNCLOUD_KEY_OPENAI_MAIN", OPENAI_KEY);
        env.put("BURNCLOUD_KEY_CLAUDE", CLAUDE_KEY);
        env.put("BURNCLOUD_KEY_BEDROCK_EAST", BEDROCK_KEY);
        long versionBefore = target.configVersion().current();
        ConfigDiff done = transfer(target).importFile(exported, false, false, ROOT);

        assertThat(done.added())
                .extracting(ConfigDiff.Entry::name)
                .contains("openai-main", "claude", "bedrock east", "gpt-4o", "legacy-model", "vip");
        assertThat(transfer(target).export()).isEqualTo(exported);
        assertThat(target.configVersion().current()).isGreaterThan(versionBefore);
        // the keys arrived from the environment and are stored encrypted under the target's own key
        assertThat(target.channels().all())
                .extracting(Channel::name, Channel::apiKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("openai-main", OPENAI_KEY),
                        org.assertj.core.groups.Tuple.tuple("claude", CLAUDE_KEY),
                        org.assertj.core.groups.Tuple.tuple("bedrock east", BEDROCK_KEY));
        assertThat(target.channels().all())
                .filteredOn(c -> c.name().equals("claude"))
                .extracting(Channel::status)
                .containsExactly(ChannelStatus.DISABLED);
        // and the derived routes exist, as after 'channel add'
        assertThat(target.channels().abilities())
                .extracting(a -> a.group() + "/" + a.model())
                .contains("vip/gpt-4o", "default/gpt-4o-mini");
        // importing the same file again changes nothing
        long settled = target.configVersion().current();
        assertThat(transfer(target).importFile(exported, true, false, ROOT).isEmpty())
                .isTrue();
        assertThat(target.configVersion().current()).isEqualTo(settled);
    }

    @Test
    void diffShowsAddsChangesAndDeletesOnlyWithPrune() {
        someOfEverything(source);
        String exported = transfer(source).export();
        String edited = exported.replace("priority: 10", "priority: 20")
                .replace("  - model: gpt-4o-mini\n    input: 0.15", "  - model: gpt-4o-mini\n    input: 0.2")
                .replace(
                        "model_ratios:\n",
                        "model_ratios:\n  - model: newer-model\n    ratio: 3\n    completion_ratio: 1\n")
                .replace("  - model: legacy-model\n    ratio: 7.5\n    completion_ratio: 2\n", "")
                .replace("retry_times: 1", "retry_times: 3");

        ConfigDiff keep = transfer(source).diff(edited, false);
        assertThat(keep.added())
                .extracting(ConfigDiff.Entry::section, ConfigDiff.Entry::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("model_ratios", "newer-model"));
        assertThat(keep.changed())
                .extracting(e -> e.section() + "/" + e.name() + ":"
                        + e.fields().stream().map(ConfigDiff.Field::name).toList())
                .containsExactlyInAnyOrder(
                        "channels/openai-main:[priority]", "prices/gpt-4o-mini:[input]", "options/retry_times:[value]");
        assertThat(keep.deleted()).isEmpty();
        assertThat(keep.notInFile()).extracting(ConfigDiff.Entry::name).containsExactly("legacy-model");
        ConfigDiff.Field priority = keep.changed().get(0).fields().get(0);
        assertThat(priority.before().asInt()).isEqualTo(10);
        assertThat(priority.after().asInt()).isEqualTo(20);

        ConfigDiff pruned = transfer(source).diff(edited, true);
        assertThat(pruned.deleted())
                .extracting(ConfigDiff.Entry::section, ConfigDiff.Entry::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("model_ratios", "legacy-model"));
        assertThat(pruned.notInFile()).isEmpty();

        // a diff changes nothing; the import with prune makes the database match the file
        assertThat(transfer(source).export()).isEqualTo(exported);
        transfer(source).importFile(edited, true, false, ROOT);
        assertThat(transfer(source).export()).isEqualTo(edited);
        assertThat(source.ratios().findModelRatio("legacy-model")).isEmpty();
    }

    @Test
    void aSectionTheFileLeavesOutIsLeftAloneEvenWithPrune() {
        someOfEverything(source);
        ConfigDiff diff = transfer(source)
                .importFile(
                        "burncloud_config: 1\nprices:\n  - model: gpt-4o\n    input: 3\n    output: 12\n"
                                + "  - model: gpt-4o-mini\n    input: 0.15\n    output: 0.6\n"
                                + "  - model: gpt-4o-2024-08-06\n    alias: gpt-4o\n",
                        true,
                        false,
                        ROOT);

        assertThat(diff.changed())
                .extracting(e -> e.fields().stream().map(ConfigDiff.Field::name).toList())
                .containsExactly(List.of("input", "output", "cached_input"));
        assertThat(diff.deleted()).isEmpty();
        assertThat(source.channels().all()).hasSize(3);
        assertThat(source.ratios().modelRatios()).hasSize(1);
    }

    @Test
    void aBadEntryInTheMiddleChangesNothingAndNamesItsLine() {
        someOfEverything(source);
        String before = transfer(source).export();
        long version = source.configVersion().current();
        int auditRows = source.audit().list(AuditQuery.all(), 1, 100).items().size();
        String bad = before.replace("priority: 10", "priority: 11")
                .replace("  - model: gpt-4o-mini\n    input: 0.15", "  - model: gpt-4o-mini\n    input: -1");
        int badLine = lineOf(bad, "input: -1");

        assertThatThrownBy(() -> transfer(source).importFile(bad, true, false, ROOT))
                .isInstanceOf(ServiceException.class)
                .hasMessageStartingWith("line " + badLine + ": prices[")
                .hasMessageContaining("gpt-4o-mini");
        assertThat(transfer(source).export()).isEqualTo(before);
        assertThat(source.configVersion().current()).isEqualTo(version);
        assertThat(source.audit().list(AuditQuery.all(), 1, 100).items()).hasSize(auditRows);

        String unknownType = before.replace("type: anthropic", "type: anthropix");
        assertThatThrownBy(() -> transfer(source).importFile(unknownType, false, false, ROOT))
                .hasMessageStartingWith("line " + lineOf(unknownType, "- name: claude") + ": channels[")
                .hasMessageContaining("anthropix");
        String syntax = before.replace("groups:\n", "groups:\n  - name: [unclosed\n");
        assertThatThrownBy(() -> transfer(source).importFile(syntax, false, false, ROOT))
                .isInstanceOf(ServiceException.class)
                .hasMessageMatching("line \\d+, column \\d+: not valid YAML: .*");
        String unknownField = before.replace("    weight: 80\n", "    weight: 80\n    wieght: 1\n");
        assertThatThrownBy(() -> transfer(source).importFile(unknownField, false, false, ROOT))
                .hasMessage("line " + lineOf(unknownField, "wieght") + ": unknown field 'wieght' in channels[2]");
        assertThat(transfer(source).export()).isEqualTo(before);
        assertThat(source.configVersion().current()).isEqualTo(version);
    }

    @Test
    void keysAreReferencesResolvedFromTheEnvironment() {
        String file = "channels:\n  - name: fresh\n    type: openai\n    key: ${env:FRESH_KEY}\n    models: [gpt-4o]\n";
        assertThatThrownBy(() -> transfer(target).importFile(file, false, false, ROOT))
                .hasMessage("line 4: channels[0] (fresh): environment variable FRESH_KEY is not set;"
                        + " it must hold the key of this new channel");
        assertThat(target.channels().all()).isEmpty();
        assertThatThrownBy(() -> transfer(target)
                        .importFile(file.replace("${env:FRESH_KEY}", "sk-literal-key-123"), false, false, ROOT))
                .hasMessageContaining("line 4: channels[0].key must be a reference like ${env:OPENAI_KEY}");

        env.put("FRESH_KEY", "sk-fresh-0123456789");
        transfer(target).importFile(file, false, false, ROOT);
        assertThat(target.channels().all()).extracting(Channel::apiKey).containsExactly("sk-fresh-0123456789");

        // an existing channel whose variable is unset keeps its key; a set variable replaces it
        env.remove("FRESH_KEY");
        String reweighted = file + "    weight: 5\n";
        ConfigDiff kept = transfer(target).importFile(reweighted, false, false, ROOT);
        assertThat(kept.changed().get(0).fields())
                .extracting(ConfigDiff.Field::name)
                .containsExactly("weight");
        assertThat(target.channels().all()).extracting(Channel::apiKey).containsExactly("sk-fresh-0123456789");
        env.put("FRESH_KEY", "sk-rotated-0123456789");
        ConfigDiff rotated = transfer(target).diff(reweighted, false);
        assertThat(rotated.changed().get(0).fields()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("key");
            assertThat(f.before()).isNull();
            assertThat(f.after()).isNull();
        });
        assertThat(rotated.json().toString()).doesNotContain("sk-rotated").doesNotContain("sk-fresh");
    }

    @Test
    void channelsOfTheSameNameAreMatchedInTheirOrder() {
        ChannelAdmin channels = new ChannelAdmin(source);
        for (String key : List.of("sk-dup-first-0123456789", "sk-dup-second-0123456789")) {
            channels.add(
                    new ChannelRequest("dup", "openai", null, key, List.of("gpt-4o"), null, null, null, null, null));
        }
        String exported = transfer(source).export();
        assertThat(exported)
                .contains("key: \"${env:BURNCLOUD_KEY_DUP}\"")
                .contains("key: \"${env:BURNCLOUD_KEY_DUP_2}\"");
        assertThat(transfer(source).diff(exported, true).isEmpty()).isTrue();

        env.put("BURNCLOUD_KEY_DUP", "sk-dup-first-0123456789");
        env.put("BURNCLOUD_KEY_DUP_2", "sk-dup-second-0123456789");
        ConfigDiff done = transfer(target).importFile(exported, false, false, ROOT);
        assertThat(done.added()).extracting(ConfigDiff.Entry::name).containsExactly("dup", "dup #2");
        assertThat(transfer(target).export()).isEqualTo(exported);
        assertThat(target.channels().all())
                .extracting(Channel::apiKey)
                .containsExactly("sk-dup-first-0123456789", "sk-dup-second-0123456789");

        String one = exported.substring(0, exported.indexOf("  - name: dup\n", exported.indexOf("  - name: dup\n") + 1))
                + exported.substring(exported.indexOf("prices:"));
        ConfigDiff pruned = transfer(target).diff(one, true);
        assertThat(pruned.deleted()).extracting(ConfigDiff.Entry::name).containsExactly("dup #2");
        transfer(target).importFile(one, true, false, ROOT);
        assertThat(target.channels().all()).extracting(Channel::apiKey).containsExactly("sk-dup-first-0123456789");
        assertThat(target.audit().list(AuditQuery.all(), 1, 100).items())
                .filteredOn(r -> r.entity().equals("channels") && r.action().equals("delete"))
                .extracting(AuditEntry::entityId)
                .containsExactly(Long.toString(target.channels().all().get(0).id() + 1));
    }

    @Test
    void aDryRunChangesNothingAndReportsWhatItWouldDo() {
        someOfEverything(source);
        String exported = transfer(source).export();
        env.put("BURNCLOUD_KEY_OPENAI_MAIN", OPENAI_KEY);
        env.put("BURNCLOUD_KEY_CLAUDE", CLAUDE_KEY);
        env.put("BURNCLOUD_KEY_BEDROCK_EAST", BEDROCK_KEY);
        long version = target.configVersion().current();
        String empty = transfer(target).export();

        ConfigDiff would = transfer(target).importFile(exported, false, true, ROOT);

        assertThat(would.added()).hasSizeGreaterThan(5);
        assertThat(transfer(target).export()).isEqualTo(empty);
        assertThat(target.configVersion().current()).isEqualTo(version);
        assertThat(target.channels().all()).isEmpty();
    }

    @Test
    void anImportIsAuditedPerEntityWithKeysMasked() {
        someOfEverything(source);
        String exported = transfer(source).export();
        env.put("BURNCLOUD_KEY_OPENAI_MAIN", OPENAI_KEY);
        env.put("BURNCLOUD_KEY_CLAUDE", CLAUDE_KEY);
        env.put("BURNCLOUD_KEY_BEDROCK_EAST", BEDROCK_KEY);

        transfer(target).importFile(exported, false, false, new ConfigTransfer.Importer("alice", "api", true));

        List<AuditEntry> rows = target.audit().list(AuditQuery.all(), 1, 100).items();
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.actor()).isEqualTo("alice");
            assertThat(r.source()).isEqualTo("api");
        });
        assertThat(rows)
                .extracting(AuditEntry::entity, AuditEntry::action)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("config", "import"),
                        org.assertj.core.groups.Tuple.tuple("channels", "create"),
                        org.assertj.core.groups.Tuple.tuple("prices", "create"),
                        org.assertj.core.groups.Tuple.tuple("ratios.models", "create"),
                        org.assertj.core.groups.Tuple.tuple("ratios.groups", "create"),
                        org.assertj.core.groups.Tuple.tuple("options", "update"));
        assertThat(rows.toString())
                .doesNotContain(OPENAI_KEY)
                .doesNotContain(CLAUDE_KEY)
                .doesNotContain("secret-access-key")
                .contains("sk-c...ghij");
    }

    @Test
    void onlyRootChangesOptionsThroughAnImport() {
        String file = "options:\n  retry_times: 0\n";
        ConfigTransfer.Importer admin = new ConfigTransfer.Importer("bob", "api", false);
        assertThatThrownBy(() -> transfer(target).importFile(file, false, false, admin))
                .isInstanceOf(ServiceException.class)
                .extracting(e -> ((ServiceException) e).kind())
                .isEqualTo(ServiceException.Kind.FORBIDDEN);
        String unchanged = transfer(target).export().replaceAll("(?s).*(options:.*)", "$1");
        assertThat(transfer(target).importFile(unchanged, false, false, admin).isEmpty())
                .isTrue();
    }

    static int lineOf(String text, String fragment) {
        int index = text.indexOf(fragment);
        assertThat(index).as("fragment %s", fragment).isNotNegative();
        return (int) text.substring(0, index).chars().filter(ch -> ch == '\n').count() + 1;
    }
}
