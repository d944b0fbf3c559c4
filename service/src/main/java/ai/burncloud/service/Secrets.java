package ai.burncloud.service;

import ai.burncloud.common.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets (console sessions, redemption and invite codes) and how they are compared and stored. */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private Secrets() {}

    /** {@code prefix} followed by {@code bytes} random bytes in URL-safe base64. */
    public static String random(String prefix, int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A short code people can type: {@code length} characters without look-alikes (0/O, 1/I). */
    public static String readable(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(INVITE_ALPHABET[RANDOM.nextInt(INVITE_ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** What is stored of a secret: its SHA-256 (the secrets are random enough to need no salt). */
    public static String hash(String secret) {
        return ApiKeys.hash(secret);
    }

    /** Compares in time independent of where the texts differ. */
    public static boolean equal(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
