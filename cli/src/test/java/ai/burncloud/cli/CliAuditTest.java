package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.service.AuditTrail;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every CLI command that changes something leaves an audit entry as {@code cli@HOST}: one case per
 * changing command of the command tree, so a new command without a case here fails.
 */
class CliAuditTest extends CliTestBase {
    private static final String KEY = "sk-cli-audit-abcdefghijklmnopqrstuvwxyz";
    /** Stands for a configuration file that changes gpt-4o's price, written into the test's folder. */
    private static final String CONFIG_FILE = "CONFIG_FILE";

    /** Commands that only read, run the gateway or open a window. */
    private static final Set<String> NOT_CHANGES = Set.of(
            "router",
            "client",
            "price list",
            "price get",
            "channel list",
            "channel get",
            "token list",
            "token get",
            "user list",
            "audit list",
            "config export",
            "config diff");

    /** Arguments (after the command), stdin, and the entity and action of the entry. */
    private record Case(List<String> args, String stdin, String entity, String action) {}

    private static final Map<String, Case> CASES = Map.ofEntries(
            Map.entry("price set", new Case(List.of("gpt-4", "--input", "1", "--output", "2"), "", "prices", "set")),
            Map.entry("price delete", new Case(List.of("gpt-4o"), "", "prices", "delete")),
            Map.entry(
                    "channel add",
                    new Case(
                            List.of("--name", "b", "--type", "openai", "--key", KEY, "--models", "gpt-4o"),
                            "",
                            "channels",
                            "create")),
            Map.entry("channel update", new Case(List.of("1", "--weight", "3"), "", "channels", "update")),
            Map.entry("channel enable", new Case(List.of("1"), "", "channels", "enable")),
            Map.entry("channel disable", new Case(List.of("1"), "", "channels", "disable")),
            Map.entry("channel delete", new Case(List.of("1"), "", "channels", "delete")),
            Map.entry("token create", new Case(List.of("--name", "t2"), "", "tokens", "create")),
            Map.entry("token update", new Case(List.of("1", "--name", "renamed"), "", "tokens", "update")),
            Map.entry("token enable", new Case(List.of("1"), "", "tokens", "enable")),
            Map.entry("token disable", new Case(List.of("1"), "", "tokens", "disable")),
            Map.entry("token delete", new Case(List.of("1"), "", "tokens", "delete")),
            Map.entry("user add", new Case(List.of("--username", "bob"), "", "users", "create")),
            Map.entry("user topup", new Case(List.of("alice", "--amount", "5"), "", "users", "topup")),
            Map.entry(
                    "user passwd",
                    new Case(List.of("alice", "--password-stdin"), "new-password-1\n", "users", "passwd")),
            Map.entry("user delete", new Case(List.of("alice"), "", "users", "delete")),
            Map.entry("secrets rotate", new Case(List.of(), "", "secrets", "rotate")),
            Map.entry("config import", new Case(List.of(CONFIG_FILE), "", "prices", "update")));

    static Stream<String> changingCommands() {
        List<String> leaves = new ArrayList<>();
        collect(new CommandLine(new Main(null), new CommandFactory(null)), "", leaves);
        List<String> changing =
                leaves.stream().filter(c -> !NOT_CHANGES.contains(c)).toList();
        assertThat(changing).hasSizeGreaterThanOrEqualTo(CASES.size());
        return changing.stream();
    }

    private static void collect(CommandLine cmd, String prefix, List<String> out) {
        if (cmd.getSubcommands().isEmpty()) {
            out.add(prefix.strip());
            return;
        }
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                collect(sub, prefix + " " + name, out);
            }
        });
    }

    @BeforeEach
    void seed() {
        cli.run("price", "set", "gpt-4o", "--input", "1", "--output", "2").ok();
        cli.run("channel", "add", "--name", "a", "--type", "openai", "--key", KEY, "--models", "gpt-4o")
                .ok();
        cli.run("user", "add", "--username", "alice", "--balance", "1").ok();
        cli.run("token", "create", "--name", "t").ok();
    }

    private JsonNode entries(String entity, String action) {
        return Json.parse(cli.run("audit", "list", "--entity", entity, "--action", action, "--json")
                .ok()
                .out());
    }

    private String configFile() {
        try {
            return java.nio.file.Files.writeString(
                            dir.resolve("burncloud.yaml"), "prices:\n  - model: gpt-4o\n    input: 3\n    output: 4\n")
                    .toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("changingCommands")
    void everyChangingCommandIsAudited(String command) {
        Case c = CASES.get(command);
        assertThat(c).as("no audit case for '%s': add one to CASES", command).isNotNull();
        int before = entries(c.entity(), c.action()).size();
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        for (String arg : c.args()) {
            args.add(arg.equals(CONFIG_FILE) ? configFile() : arg);
        }

        cli.runWithStdin(c.stdin(), args.toArray(String[]::new)).ok();

        JsonNode found = entries(c.entity(), c.action());
        assertThat(found).hasSize(before + 1);
        JsonNode newest = found.get(0);
        assertThat(newest.path("actor").asText())
                .isEqualTo(AuditTrail.cliActor())
                .startsWith("cli@");
        assertThat(newest.path("source").asText()).isEqualTo("cli");
        assertThat(newest.path("entity_id").isNull()).isFalse();
        assertThat(newest.toString()).doesNotContain(KEY).doesNotContain("new-password-1");
    }

    @Test
    void entriesShowBeforeAndAfterAndTheTableReadsAtAGlance() {
        cli.run("channel", "update", "1", "--weight", "7").ok();
        JsonNode e = entries("channels", "update").get(0);
        assertThat(e.path("entity_id").asText()).isEqualTo("1");
        assertThat(e.path("before").path("weight").asInt()).isNotEqualTo(7);
        assertThat(e.path("after").path("weight").asInt()).isEqualTo(7);
        assertThat(e.path("after").path("key_hint").asText()).isEqualTo("sk-c...wxyz");

        cli.run("user", "delete", "alice").ok();
        JsonNode deleted = entries("users", "delete").get(0);
        assertThat(deleted.path("before").path("username").asText()).isEqualTo("alice");
        assertThat(deleted.path("after").isNull()).isTrue();

        String table = cli.run("audit", "list", "--limit", "2").ok().out();
        assertThat(table.lines().toList()).hasSize(3);
        assertThat(table).contains("ACTOR").contains("users").contains("delete").contains("cli@");
    }

    @Test
    void aRefusedCommandLeavesNoEntry() {
        int before = Json.parse(cli.run("audit", "list", "--json").ok().out()).size();
        cli.run("channel", "delete", "99").fails(1);
        cli.run("user", "topup", "ghost", "--amount", "1").fails(1);
        assertThat(Json.parse(cli.run("audit", "list", "--json").ok().out())).hasSize(before);
    }
}
