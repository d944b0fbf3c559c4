package ai.burncloud.database;

/** A partial update of a user: every null field stays as it is. */
public record UserUpdate(Role role, String group, Status status, String passwordHash, Long balance) {
    public static UserUpdate none() {
        return new UserUpdate(null, null, null, null, null);
    }
}
