package ai.burncloud.database;

import java.util.Optional;

/** Console sessions (stored by hash of their secret). */
public interface SessionRepository {
    void create(Session session);

    Optional<Session> find(String tokenHash);

    boolean delete(String tokenHash);

    int deleteExpired(long nowSeconds);

    /** Ends every session of one user (password changed, account disabled); returns how many. */
    int deleteForUser(long userId);
}
