package ai.burncloud.service;

import ai.burncloud.common.ApiKeys;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.Session;
import ai.burncloud.database.Status;
import ai.burncloud.database.User;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Console logins. A login creates a session whose random secret is both the browser's cookie and the
 * access token non-browser clients send as {@code Authorization: Bearer}; only its SHA-256 is stored.
 * Each session has a CSRF token that cookie-authenticated writes must echo. Blocking: call on a worker.
 */
public final class ConsoleSessions {
    /** Console access tokens start with this; data-plane keys start with {@code sk-}. */
    public static final String PREFIX = "bcs-";

    private final Repositories repos;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Duration ttl;
    private final String dummyHash;

    public ConsoleSessions(
            Repositories repos, PasswordHasher hasher, LoginThrottle throttle, Clock clock, Duration ttl) {
        this.repos = repos;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
        this.ttl = ttl;
        this.dummyHash = hasher.hash(Secrets.random("", 16));
    }

    /**
     * Checks a username and password and opens a session.
     *
     * @throws ServiceException RATE_LIMITED after too many attempts; UNAUTHENTICATED for a wrong
     *     username or password (the same answer for both); FORBIDDEN for a disabled account
     */
    public ConsoleLogin login(String username, String password, String ip) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || name.length() > Inputs.MAX_NAME || password == null) {
            throw ServiceException.invalid("username and password are required");
        }
        throttle.attempt(ip, name);
        Optional<User> found = repos.users().findByUsername(name);
        // the same bcrypt work whether or not the user exists: timing must not tell
        boolean ok = hasher.matches(
                        password,
                        found.map(User::passwordHash).filter(h -> h != null).orElse(dummyHash))
                && found.isPresent();
        if (!ok) {
            throttle.failed(name);
            throw ServiceException.unauthenticated("invalid username or password");
        }
        User user = found.get();
        if (user.status() != Status.ENABLED) {
            throw ServiceException.forbidden("this account is disabled");
        }
        throttle.succeeded(name);
        return open(user);
    }

    /** Opens a session for a user who just proved who they are (login, registration). */
    public ConsoleLogin open(User user) {
        String secret = Secrets.random(PREFIX, 32);
        long now = clock.millis() / 1000;
        Session session =
                new Session(Secrets.hash(secret), user.id(), Secrets.random("", 24), now, now + ttl.toSeconds());
        repos.sessions().create(session);
        return new ConsoleLogin(secret, session, user);
    }

    /**
     * The caller a secret belongs to, if it is a live session of an enabled user.
     *
     * @throws ServiceException UNAUTHENTICATED for a data-plane key or an unknown, expired or
     *     disabled session
     */
    public ConsoleCaller authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            throw ServiceException.unauthenticated("log in first: no session cookie or access token");
        }
        if (secret.startsWith(ApiKeys.PREFIX)) {
            throw ServiceException.unauthenticated(
                    "sk- keys are data-plane API keys and do not work on /api/*; log in for a console access token");
        }
        if (!secret.startsWith(PREFIX) || secret.length() > 200) {
            throw ServiceException.unauthenticated("invalid access token");
        }
        String hash = Secrets.hash(secret);
        Session session = repos.sessions()
                .find(hash)
                .orElseThrow(() -> ServiceException.unauthenticated("invalid or expired session"));
        long now = clock.millis() / 1000;
        if (session.expiresAt() <= now) {
            repos.sessions().delete(hash);
            throw ServiceException.unauthenticated("invalid or expired session");
        }
        User user = repos.users()
                .findById(session.userId())
                .filter(u -> u.status() == Status.ENABLED)
                .orElseThrow(() -> ServiceException.unauthenticated("invalid or expired session"));
        return new ConsoleCaller(user, session);
    }

    public void logout(ConsoleCaller caller) {
        repos.sessions().delete(caller.session().tokenHash());
    }

    /** Drops expired sessions; returns how many. */
    public int purgeExpired() {
        return repos.sessions().deleteExpired(clock.millis() / 1000);
    }

    public Duration ttl() {
        return ttl;
    }
}
