package ai.burncloud.service;

/**
 * Changes to a user as an administrator typed them; null fields stay as they are.
 *
 * @param role user or admin (only root may give or take admin)
 * @param status enabled or disabled (disabling ends the user's console sessions)
 * @param password a new console password (ends the user's console sessions)
 */
public record UserChanges(String role, String group, String status, String password) {
    public boolean isEmpty() {
        return role == null && group == null && status == null && password == null;
    }
}
