package ai.burncloud.service;

import ai.burncloud.database.Repositories;
import ai.burncloud.database.Role;
import ai.burncloud.database.User;
import ai.burncloud.database.UserUpdate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start: the schema creates the root user without a password; this gives it the password in
 * BURNCLOUD_ROOT_PASSWORD or, without one, a random password printed once to the log. A root that
 * has a password is left alone (the variable does not reset it).
 */
public final class RootAccount {
    private static final Logger log = LoggerFactory.getLogger(RootAccount.class);

    private RootAccount() {}

    /** @return the generated password when one was generated (for tests), else empty */
    public static Optional<String> ensurePassword(
            Repositories repos, PasswordHasher hasher, Optional<String> configured) {
        Optional<User> root =
                repos.users().all().stream().filter(u -> u.role() == Role.ROOT).findFirst();
        if (root.isEmpty() || root.get().passwordHash() != null) {
            return Optional.empty();
        }
        boolean generate = configured.isEmpty() || configured.get().isEmpty();
        String password = generate ? Secrets.random("", 15) : configured.get();
        repos.users().update(root.get().id(), new UserUpdate(null, null, null, hasher.hash(password), null));
        if (generate) {
            // printed exactly once: the only way an operator learns a generated password
            log.warn(
                    "created the console password for user '{}': {} (set BURNCLOUD_ROOT_PASSWORD to choose one)",
                    root.get().username(),
                    password);
            return Optional.of(password);
        }
        log.info(
                "set the console password of user '{}' from BURNCLOUD_ROOT_PASSWORD",
                root.get().username());
        return Optional.empty();
    }
}
