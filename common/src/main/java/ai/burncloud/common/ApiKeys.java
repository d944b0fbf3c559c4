package ai.burncloud.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Data-plane keys: {@code sk-} followed by 48 URL-safe characters from a CSPRNG (288 bits). Only the
 * SHA-256 of a key is stored; a key this random needs no salt or slow hash, and a fast hash lets the
 * router look keys up in memory on every request.
 */
public final class ApiKeys {
    public static final String PREFIX = "sk-";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_BYTES = 36; // 48 base64url characters
    /** A digest per thread: hashing runs on every request, and getInstance is the slow part. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    private ApiKeys() {}

    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the key's UTF-8 bytes. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether {@code key} has the shape {@link #generate()} gives: the prefix and 48 URL-safe
     * characters. Only such a key is worth a database look when the router does not know it yet.
     */
    public static boolean isWellFormed(String key) {
        if (key == null || key.length() != PREFIX.length() + 48 || !key.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** What may be shown of a key: its first 7 characters, e.g. "sk-AbCd". */
    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(7, key.length()));
    }
}
