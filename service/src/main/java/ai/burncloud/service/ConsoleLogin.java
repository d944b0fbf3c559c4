package ai.burncloud.service;

import ai.burncloud.database.Session;
import ai.burncloud.database.User;

/**
 * A successful console login: the session's secret (the cookie value and the Bearer access token;
 * it exists only here, the database keeps its hash), its CSRF token and the user.
 */
public record ConsoleLogin(String secret, Session session, User user) {
    @Override
    public String toString() {
        return "ConsoleLogin[user=" + user.username() + "]";
    }
}
