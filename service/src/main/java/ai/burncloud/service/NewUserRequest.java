package ai.burncloud.service;

/**
 * A user to add, as an operator typed it. Null fields take defaults: no password (no console
 * login), role {@code user}, group {@code default}, balance {@code -1} (unlimited).
 *
 * @param balance decimal dollars, or "-1" for unlimited
 */
public record NewUserRequest(String username, String password, String role, String group, String balance) {
    public static NewUserRequest named(String username) {
        return new NewUserRequest(username, null, null, null, null);
    }
}
