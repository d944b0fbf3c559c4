package ai.burncloud.service;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

/**
 * Console passwords, hashed with bcrypt ({@code $2b$}, cost 12 by default). Passwords longer than
 * bcrypt's 72 bytes are pre-hashed with SHA-512 instead of being silently truncated.
 */
public final class PasswordHasher {
    public static final int DEFAULT_COST = 12;
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 1024;

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private static final LongPasswordStrategy LONG = LongPasswordStrategies.hashSha512(VERSION);

    private final int cost;

    public PasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be " + BCrypt.MIN_COST + ".." + BCrypt.MAX_COST);
        }
        this.cost = cost;
    }

    public static PasswordHasher standard() {
        return new PasswordHasher(DEFAULT_COST);
    }

    /**
     * Hashes a password after checking its length.
     *
     * @throws ServiceException INVALID when the password is shorter than {@value #MIN_LENGTH} or longer
     *     than {@value #MAX_LENGTH} characters
     */
    public String hash(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ServiceException.invalid("password must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw ServiceException.invalid("password must be at most " + MAX_LENGTH + " characters");
        }
        return BCrypt.with(VERSION, LONG).hashToString(cost, password.toCharArray());
    }

    /** Whether {@code password} matches {@code hash}; false for a null or malformed hash. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null || hash.isEmpty()) {
            return false;
        }
        return BCrypt.verifyer(VERSION, LONG).verify(password.toCharArray(), hash.toCharArray()).verified;
    }
}
