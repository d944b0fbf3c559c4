package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.Database;
import ai.burncloud.database.KeyCipher;
import ai.burncloud.database.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code burncloud secrets rotate} and the key file the admin commands share with the router. */
class SecretsCommandTest extends CliTestBase {
    private static final String KEY = "sk-live-abcdefghijklmnopqrstuvwxyz0123";

    private String storedKey() throws Exception {
        try (Database db = Database.open(DatabaseUrl.parse(url));
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT api_key FROM channels")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private Path keyFile() {
        return dir.resolve("burncloud-test.db.key");
    }

    @Test
    void channelAddEncryptsWithAKeyFileBesideTheDatabaseAndRotateReplacesIt() throws Exception {
        cli.run("channel", "add", "--name", "a", "--type", "openai", "--key", KEY, "--models", "gpt-4")
                .ok();
        String before = storedKey();
        assertThat(before).startsWith("enc:v1:").doesNotContain(KEY);
        assertThat(keyFile()).exists();
        assertThat(cli.run("channel", "get", "1").ok().out()).doesNotContain(KEY);

        Cli.Result rotated = cli.run("secrets", "rotate").ok();

        String after = storedKey();
        assertThat(KeyCipher.keyId(after)).isNotEqualTo(KeyCipher.keyId(before));
        assertThat(rotated.out())
                .contains("Re-encrypted 1 upstream keys under key " + KeyCipher.keyId(after))
                .contains(keyFile().toString());
        assertThat(Files.readAllLines(keyFile()))
                .singleElement()
                .satisfies(
                        line -> assertThat(MasterKey.parse(line, "file").id()).isEqualTo(KeyCipher.keyId(after)));
        assertThat(cli.run("channel", "get", "1", "--json").ok().out()).contains("sk-l...0123");
    }

    @Test
    void withBurncloudSecretKeyTheNewKeyIsShownOnceOrReadFromStdin() throws Exception {
        MasterKey first = MasterKey.generate("test");
        Cli withKey = cli.with("BURNCLOUD_SECRET_KEY", first.encoded());
        withKey.run("channel", "add", "--name", "a", "--type", "openai", "--key", KEY, "--models", "gpt-4")
                .ok();
        assertThat(KeyCipher.keyId(storedKey())).isEqualTo(first.id());
        assertThat(keyFile()).doesNotExist();

        MasterKey second = MasterKey.generate("test");
        String out = withKey.runWithStdin(second.encoded() + "\n", "secrets", "rotate", "--new-key-stdin")
                .ok()
                .out();
        assertThat(out).contains("Set BURNCLOUD_SECRET_KEY").doesNotContain(second.encoded());
        assertThat(KeyCipher.keyId(storedKey())).isEqualTo(second.id());
        assertThat(withKey.run("channel", "get", "1").code()).isEqualTo(ExitCode.USAGE);

        Cli withSecond = cli.with("BURNCLOUD_SECRET_KEY", second.encoded());
        String shown = withSecond.run("secrets", "rotate").ok().out();
        String third = shown.lines()
                .filter(l -> l.startsWith("New BURNCLOUD_SECRET_KEY"))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .findFirst()
                .orElseThrow();
        assertThat(cli.with("BURNCLOUD_SECRET_KEY", third)
                        .run("channel", "get", "1")
                        .ok()
                        .out())
                .contains("sk-l...0123");
    }

    @Test
    void aWrongKeyIsOneErrorLineNamingTheKeyNeeded() throws Exception {
        cli.run("channel", "add", "--name", "a", "--type", "openai", "--key", KEY, "--models", "gpt-4")
                .ok();
        String needed = KeyCipher.keyId(storedKey());

        cli.with("BURNCLOUD_SECRET_KEY", MasterKey.generate("x").encoded())
                .run("channel", "list")
                .fails(ExitCode.USAGE);
        assertThat(cli.with("BURNCLOUD_SECRET_KEY", MasterKey.generate("x").encoded())
                        .run("channel", "list")
                        .err())
                .contains("encrypted with key " + needed);
    }
}
