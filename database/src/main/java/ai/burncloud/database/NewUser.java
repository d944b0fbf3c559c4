package ai.burncloud.database;

/** What it takes to create a user (the password already hashed, or null for none yet). */
public record NewUser(
        String username,
        String passwordHash,
        Role role,
        String group,
        long balance,
        String inviteCode,
        Long inviterId) {}
