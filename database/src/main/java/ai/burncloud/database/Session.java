package ai.burncloud.database;

/** A console login: the hash of its secret, its owner, its CSRF token and when it expires (unix s). */
public record Session(String tokenHash, long userId, String csrfToken, long createdAt, long expiresAt) {}
