package ai.burncloud.database;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.ConfigException;
import ai.burncloud.common.DatabaseUrl;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts upstream keys for storage with AES-256-GCM: {@code enc:v1:KEYID:BASE64(iv ‖ ciphertext ‖
 * tag)}. The key id says which master key a value needs, so a value encrypted by another process
 * after a rotation is decrypted after re-reading the key source, and a wrong key is named, not
 * guessed at. Values without the prefix are plain text from before encryption and are returned as
 * they are (they are encrypted on the next start).
 */
public final class KeyCipher {
    static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] AAD = "burncloud:channels.api_key".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeySource source;
    private volatile Map<String, MasterKey> known = Map.of();

    public KeyCipher(KeySource source) {
        this.source = source;
    }

    /**
     * The key source the configuration names: {@code BURNCLOUD_SECRET_KEY} when set, else the key file
     * ({@code SECRET_KEY_FILE}, by default beside the SQLite file or {@code burncloud.key} in the working
     * directory for PostgreSQL).
     */
    public static KeyCipher from(BurnCloudConfig config) {
        if (config.secretKey().isPresent()) {
            return new KeyCipher(
                    KeySource.fixed(MasterKey.parse(config.secretKey().get(), "BURNCLOUD_SECRET_KEY")));
        }
        return new KeyCipher(new KeyFile(config.secretKeyFile().orElseGet(() -> defaultKeyFile(config.databaseUrl()))));
    }

    /** {@code FILE.key} beside a SQLite database; {@code burncloud.key} in the working directory otherwise. */
    public static Path defaultKeyFile(DatabaseUrl url) {
        return url.sqliteFile()
                .map(f -> f.toAbsolutePath().resolveSibling(f.getFileName() + ".key"))
                .orElse(Path.of("burncloud.key"));
    }

    public KeySource source() {
        return source;
    }

    /**
     * Encrypts under the current key. When there is none yet it is created — unless {@code
     * encryptedRowsExist} says values under some other key are stored, which means the key was lost or
     * is looked for in the wrong place: a fresh key would split the channels between two keys.
     */
    public String encrypt(String plain, BooleanSupplier encryptedRowsExist) {
        if (plain == null) {
            return null;
        }
        MasterKey key = source.current().orElseGet(() -> {
            if (encryptedRowsExist.getAsBoolean()) {
                throw missingKey(null);
            }
            return source.create();
        });
        return encrypt(plain, key);
    }

    static String encrypt(String plain, MasterKey key) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key.aesKey(), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(AAD);
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return PREFIX + key.id() + ":"
                    + Base64.getEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plain text of a stored value (plain text from before encryption comes back unchanged). */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        String id = keyId(stored);
        MasterKey key = known.get(id);
        if (key == null) {
            known = source.all().stream()
                    .collect(Collectors.toUnmodifiableMap(MasterKey::id, Function.identity(), (a, b) -> a));
            key = known.get(id);
            if (key == null) {
                throw missingKey(id);
            }
        }
        return decrypt(stored, key);
    }

    private static String decrypt(String stored, MasterKey key) {
        byte[] in = Base64.getDecoder()
                .decode(stored.substring(PREFIX.length() + key.id().length() + 1));
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key.aesKey(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            c.updateAAD(AAD);
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new ConfigException(
                    "a stored upstream key does not decrypt with key " + key.id() + " from " + key.source()
                            + " (the value was altered)",
                    e);
        }
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The id of the master key a stored value was encrypted with. */
    public static String keyId(String stored) {
        int end = stored.indexOf(':', PREFIX.length());
        return end < 0 ? "" : stored.substring(PREFIX.length(), end);
    }

    ConfigException missingKey(String neededId) {
        List<MasterKey> have = source.all();
        String has = have.isEmpty()
                ? "there is no key"
                : "it holds key " + have.stream().map(MasterKey::id).collect(Collectors.joining(", "));
        String needs = neededId == null ? "encrypted" : "encrypted with key " + neededId;
        return new ConfigException("upstream keys in the database are " + needs + " but " + has + " in "
                + source.describe() + ": restore that key file, or set BURNCLOUD_SECRET_KEY or SECRET_KEY_FILE"
                + " (docs/OPERATIONS.md, Secrets)");
    }
}
