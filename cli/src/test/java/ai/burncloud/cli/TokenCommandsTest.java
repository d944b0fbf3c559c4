package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ApiKeys;
import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.common.Json;
import ai.burncloud.database.Database;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.Token;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TokenCommandsTest extends CliTestBase {
    private Token stored(String key) {
        try (Database db = Database.open(DatabaseUrl.parse(url))) {
            return Repositories.over(db)
                    .tokens()
                    .findByKeyHash(ApiKeys.hash(key))
                    .orElseThrow();
        }
    }

    @Test
    void createPrintsTheKeyOnceAsTheLastLineAndNeverAgain() {
        Cli.Result created = cli.run("token", "create", "--name", "ci", "--quota", "5", "--expires", "2030-01-01")
                .ok();
        String key = created.lastLine();
        assertThat(key).matches("sk-[A-Za-z0-9_-]{48}");
        Token t = stored(key);
        assertThat(t.name()).isEqualTo("ci");
        assertThat(t.expiresAt()).isEqualTo(1_893_456_000L);

        String secret = key.substring(7);
        for (String[] args : new String[][] {
            {"token", "list"},
            {"token", "list", "--json"},
            {"token", "get", "1"},
            {"token", "get", "1", "--json"},
            {"token", "update", "1", "--rpm", "10"},
            {"token", "disable", "1"},
            {"token", "enable", "1", "--json"}
        }) {
            Cli.Result r = cli.run(args).ok();
            assertThat(r.out()).as(String.join(" ", args)).doesNotContain(secret);
            if (args[1].equals("list") || args[1].equals("get")) {
                assertThat(r.out()).as(String.join(" ", args)).contains(key.substring(0, 7));
            }
        }
        assertThat(cli.run("token", "list").ok().out()).contains("root").contains("2030-01-01T00:00:00Z");
    }

    @Test
    void jsonCreateGivesIdAndKeyAndListGivesMoneyInDollars() {
        JsonNode created = Json.parse(cli.run("token", "create", "--name", "x", "--quota", "0.015", "--json")
                .ok()
                .out());
        assertThat(created.fieldNames()).toIterable().containsExactly("id", "key");
        String key = created.get("key").asText();
        assertThat(key).startsWith("sk-").hasSize(51);
        assertThat(stored(key).id()).isEqualTo(created.get("id").asLong());

        JsonNode listed =
                Json.parse(cli.run("token", "list", "--json").ok().out()).get(0);
        assertThat(listed.get("quota_limit").decimalValue()).isEqualByComparingTo("0.015");
        assertThat(listed.get("used_quota").decimalValue()).isEqualByComparingTo("0");
        assertThat(listed.get("expires_at").asLong()).isEqualTo(-1);
        assertThat(listed.get("user").asText()).isEqualTo("root");
        assertThat(listed.has("key")).isFalse();
    }

    @Test
    void tokensBelongToTheNamedUserAndAreDeleted() {
        cli.run("user", "add", "--username", "alice").ok();
        cli.run("token", "create", "--name", "a", "--user", "alice", "--models", "gpt-4,claude", "--rpm", "5")
                .ok();
        assertThat(cli.run("token", "get", "1").ok().out()).containsPattern("user:\\s+alice");
        assertThat(cli.run("token", "get", "1").ok().out()).containsPattern("tpm:\\s+no limit");
        cli.run("token", "update", "1", "--tpm", "40000").ok();
        assertThat(cli.run("token", "get", "1").ok().out()).containsPattern("tpm:\\s+40000");
        assertThat(cli.run("token", "get", "1", "--json").ok().out()).contains("\"tpm\": 40000");
        cli.run("token", "update", "1", "--tpm", "-5").fails(2);
        cli.run("token", "create", "--name", "a", "--user", "ghost").fails(1);
        cli.run("token", "delete", "1").ok();
        cli.run("token", "get", "1").fails(1);
    }
}
