package ai.burncloud.service;

import ai.burncloud.database.Role;
import ai.burncloud.database.Session;
import ai.burncloud.database.User;

/** Who is calling the console API, and through which session. */
public record ConsoleCaller(User user, Session session) {
    public long id() {
        return user.id();
    }

    public Role role() {
        return user.role();
    }

    public boolean isAdmin() {
        return user.role().isAdmin();
    }

    public boolean isRoot() {
        return user.role() == Role.ROOT;
    }
}
