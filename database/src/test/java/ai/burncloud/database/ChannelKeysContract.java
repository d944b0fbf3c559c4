package ai.burncloud.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.ConfigException;
import ai.burncloud.common.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream keys at rest, whatever the database: stored encrypted, plain-text rows migrated, a missing
 * or wrong master key named instead of silently replaced, a rotation that leaves every key readable.
 */
abstract class ChannelKeysContract {
    private static final String UPSTREAM_KEY = "sk-upstream-abcdefghijklmnopqrstuvwxyz";

    @TempDir
    Path keys;

    private Database db;

    protected abstract DatabaseUrl freshDatabase() throws Exception;

    protected void dropDatabase() throws Exception {}

    @BeforeEach
    void open() throws Exception {
        db = Database.open(freshDatabase());
    }

    @AfterEach
    void close() throws Exception {
        db.close();
        dropDatabase();
    }

    private Repositories withKeyFile(String name) {
        return Repositories.over(db, new KeyCipher(new KeyFile(keys.resolve(name))));
    }

    private Repositories withKey(MasterKey key) {
        return Repositories.over(db, new KeyCipher(KeySource.fixed(key)));
    }

    private String stored(long channelId) {
        return db.read(
                c -> Sql.queryOne(c, "SELECT api_key FROM channels WHERE id = ?", rs -> rs.getString(1), channelId)
                        .orElseThrow());
    }

    private long plainTextRow() {
        return db.write(c -> Sql.insert(
                c,
                "INSERT INTO channels (name, type, base_url, api_key, models, group_names, priority, weight,"
                        + " model_mapping, config, status, created_at, updated_at)"
                        + " VALUES ('old', 'openai', 'https://api.openai.com/v1', ?, '[\"gpt-4\"]', '[\"default\"]', 0, 1, '{}', NULL,"
                        + " 'enabled', 0, 0) RETURNING id",
                UPSTREAM_KEY));
    }

    private static ChannelSpec spec(String key) {
        return new ChannelSpec(
                "main",
                ChannelType.OPENAI,
                "https://api.openai.com/v1",
                key,
                List.of("gpt-4"),
                List.of("default"),
                0,
                1,
                Map.of(),
                null);
    }

    @Test
    void keysAreStoredEncryptedAndReadBackInClear() throws Exception {
        Path file = keys.resolve("burncloud.key");
        assertThat(file).doesNotExist();
        Repositories repos = withKeyFile("burncloud.key");

        Channel ch = repos.channels().create(spec(UPSTREAM_KEY));

        assertThat(stored(ch.id()))
                .startsWith("enc:v1:")
                .doesNotContain("sk-upstream")
                .doesNotContain("abcdefgh");
        assertThat(ch.apiKey()).isEqualTo(UPSTREAM_KEY);
        assertThat(repos.channels().all()).extracting(Channel::apiKey).containsExactly(UPSTREAM_KEY);
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // the same key file read by another process (a new cipher) decrypts it
        assertThat(withKeyFile("burncloud.key")
                        .channels()
                        .findById(ch.id())
                        .orElseThrow()
                        .apiKey())
                .isEqualTo(UPSTREAM_KEY);
    }

    @Test
    void plainTextKeysFromAnOlderVersionAreEncryptedAtStart() {
        long id = plainTextRow();
        Repositories repos = withKeyFile("burncloud.key");

        ChannelKeys.Outcome outcome = repos.channelKeys().prepare();

        assertThat(outcome.encrypted()).isEqualTo(1);
        assertThat(stored(id))
                .startsWith("enc:v1:" + outcome.key().orElseThrow().id() + ":");
        assertThat(repos.channels().findById(id).orElseThrow().apiKey()).isEqualTo(UPSTREAM_KEY);
        assertThat(repos.channelKeys().prepare().encrypted()).isZero();
    }

    @Test
    void aLostKeyFileStopsTheStartAndIsNotSilentlyReplaced() {
        Channel ch = withKeyFile("burncloud.key").channels().create(spec(UPSTREAM_KEY));
        String before = stored(ch.id());
        String neededId = KeyCipher.keyId(before);
        Repositories elsewhere = withKeyFile("moved.key");

        assertThatThrownBy(() -> elsewhere.channelKeys().prepare())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("encrypted with key " + neededId)
                .hasMessageContaining(keys.resolve("moved.key").toString());
        assertThatThrownBy(() -> elsewhere.channels().create(spec("sk-second")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("there is no key");
        assertThat(keys.resolve("moved.key")).doesNotExist();
        assertThat(stored(ch.id())).isEqualTo(before);
        assertThat(withKeyFile("burncloud.key").channels().all()).hasSize(1);
    }

    @Test
    void aWrongSecretKeyIsNamedWithTheKeyItNeeds() {
        MasterKey right = MasterKey.generate("BURNCLOUD_SECRET_KEY");
        MasterKey wrong = MasterKey.generate("BURNCLOUD_SECRET_KEY");
        Channel ch = withKey(right).channels().create(spec(UPSTREAM_KEY));

        assertThatThrownBy(() -> withKey(wrong).channelKeys().prepare())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("encrypted with key " + right.id())
                .hasMessageContaining("holds key " + wrong.id());
        assertThat(withKey(MasterKey.parse(right.encoded(), "BURNCLOUD_SECRET_KEY"))
                        .channels()
                        .findById(ch.id())
                        .orElseThrow()
                        .apiKey())
                .isEqualTo(UPSTREAM_KEY);
    }

    @Test
    void aRotationReencryptsEveryKeyAndARunningReaderFollowsTheKeyFile() throws Exception {
        Repositories cli = withKeyFile("burncloud.key");
        Repositories router = withKeyFile("burncloud.key");
        Channel a = cli.channels().create(spec(UPSTREAM_KEY));
        long b = plainTextRow();
        String oldId = KeyCipher.keyId(stored(a.id()));
        assertThat(router.channels().findById(a.id()).orElseThrow().apiKey()).isEqualTo(UPSTREAM_KEY);

        MasterKey next = MasterKey.generate("test");
        ChannelKeys.Outcome outcome = cli.channelKeys().rotate(next);

        assertThat(outcome.encrypted()).isEqualTo(2);
        assertThat(List.of(stored(a.id()), stored(b)))
                .allSatisfy(
                        v -> assertThat(KeyCipher.keyId(v)).isEqualTo(next.id()).isNotEqualTo(oldId));
        assertThat(Files.readAllLines(keys.resolve("burncloud.key"))).containsExactly(next.encoded());
        assertThat(Files.getPosixFilePermissions(keys.resolve("burncloud.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(router.channels().all()).extracting(Channel::apiKey).containsOnly(UPSTREAM_KEY);
        // new writes from the other reader use the new key too
        Channel c = router.channels().create(spec("sk-after"));
        assertThat(KeyCipher.keyId(stored(c.id()))).isEqualTo(next.id());
    }

    @Test
    void aRotationThatCannotReadAKeyChangesNothing() {
        Channel ch =
                withKey(MasterKey.generate("BURNCLOUD_SECRET_KEY")).channels().create(spec(UPSTREAM_KEY));
        String before = stored(ch.id());
        Repositories wrong = withKeyFile("burncloud.key");

        assertThatThrownBy(() -> wrong.channelKeys().rotate(MasterKey.generate("test")))
                .isInstanceOf(ConfigException.class);
        assertThat(stored(ch.id())).isEqualTo(before);
        assertThat(keys.resolve("burncloud.key")).doesNotExist();
    }

    @Test
    void anAlteredValueIsRefusedNotReturned() {
        Repositories repos = withKeyFile("burncloud.key");
        Channel ch = repos.channels().create(spec(UPSTREAM_KEY));
        String value = stored(ch.id());
        String altered = value.substring(0, value.length() - 2) + (value.endsWith("A") ? "BB" : "AA");
        db.write(c -> Sql.update(c, "UPDATE channels SET api_key = ? WHERE id = ?", altered, ch.id()));

        assertThatThrownBy(() -> repos.channels().findById(ch.id()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void aSecretKeyMustBe32BytesOfBase64() {
        assertThatThrownBy(() -> MasterKey.parse("hunter2", "BURNCLOUD_SECRET_KEY"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("openssl rand -base64 32");
    }
}
