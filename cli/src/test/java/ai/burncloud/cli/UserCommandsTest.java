package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.common.Json;
import ai.burncloud.database.Database;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.User;
import ai.burncloud.service.PasswordHasher;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class UserCommandsTest extends CliTestBase {
    private User stored(String username) {
        try (Database db = Database.open(DatabaseUrl.parse(url))) {
            return Repositories.over(db).users().findByUsername(username).orElseThrow();
        }
    }

    @Test
    void passwordFromStdinIsStoredAsABcryptHash() {
        cli.runWithStdin("correct horse battery\n", "user", "add", "--username", "alice", "--password-stdin")
                .ok();
        User alice = stored("alice");
        assertThat(alice.passwordHash()).startsWith("$2b$").doesNotContain("correct horse");
        assertThat(PasswordHasher.standard().matches("correct horse battery", alice.passwordHash()))
                .isTrue();
        assertThat(alice.balance()).isEqualTo(-1);
    }

    @Test
    void balancesAreToppedUpInExactDollars() {
        cli.run("user", "add", "--username", "bob", "--balance", "10", "--role", "admin", "--group", "vip")
                .ok();
        assertThat(cli.run("user", "topup", "bob", "--amount", "0.015").ok().out())
                .contains("10.015");
        JsonNode bob = Json.parse(cli.run("user", "list", "--json").ok().out()).get(1);
        assertThat(bob.get("balance").decimalValue()).isEqualByComparingTo("10.015");
        assertThat(bob.get("role").asText()).isEqualTo("admin");
        assertThat(bob.get("has_password").asBoolean()).isFalse();
        assertThat(cli.run("user", "list").ok().out()).containsPattern("bob\\s+admin\\s+vip\\s+enabled\\s+10.015");
    }

    @Test
    void refusedUserOperations() {
        cli.run("user", "add", "--username", "alice").ok();
        cli.run("user", "add", "--username", "alice").fails(1);
        cli.run("user", "topup", "root", "--amount", "1").fails(1);
        cli.run("user", "topup", "ghost", "--amount", "1").fails(1);
        cli.run("user", "delete", "root").fails(1);
        cli.runWithStdin("", "user", "add", "--username", "carol", "--password-stdin")
                .fails(2);
        cli.run("user", "topup", "alice").fails(2);
        cli.run("user", "delete", "alice").ok();
        cli.run("user", "delete", "alice").fails(1);
    }
}
