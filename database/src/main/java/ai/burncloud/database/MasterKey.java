package ai.burncloud.database;

import ai.burncloud.common.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key that encrypts upstream keys at rest, with a short public id (derived from the
 * key, so it says which key a stored value needs without revealing anything of it).
 */
public final class MasterKey {
    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;
    private final String id;
    private final String source;

    private MasterKey(byte[] bytes, String source) {
        this.bytes = bytes.clone();
        this.id = idOf(bytes);
        this.source = source;
    }

    /** A new random key; {@code source} says where it will live (for messages). */
    public static MasterKey generate(String source) {
        byte[] b = new byte[BYTES];
        RANDOM.nextBytes(b);
        return new MasterKey(b, source);
    }

    /**
     * Parses base64 (standard or URL-safe) of exactly 32 bytes, e.g. the output of {@code openssl rand
     * -base64 32}; {@code source} names where the text came from for the error message.
     */
    public static MasterKey parse(String text, String source) {
        String t = text.strip();
        byte[] b;
        try {
            b = t.contains("-") || t.contains("_")
                    ? Base64.getUrlDecoder().decode(t)
                    : Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            b = new byte[0];
        }
        if (b.length != BYTES) {
            throw new ConfigException(
                    source + " is not a 32-byte key in base64 (make one with: openssl rand -base64 32)");
        }
        return new MasterKey(b, source);
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("burncloud-master-key-id:".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Eight hex characters naming this key in stored values and messages. */
    public String id() {
        return id;
    }

    /** Where the key came from: {@code BURNCLOUD_SECRET_KEY} or a file path. */
    public String source() {
        return source;
    }

    /** The key as base64, to write to its file or show once to the operator. */
    public String encoded() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    SecretKey aesKey() {
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + " from " + source + "]";
    }
}
