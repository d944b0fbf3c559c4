package ai.burncloud.database;

import java.util.Optional;

final class JdbcSessionRepository implements SessionRepository {
    private final Database db;

    JdbcSessionRepository(Database db) {
        this.db = db;
    }

    @Override
    public void create(Session s) {
        db.write(c -> Sql.update(
                c,
                "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                s.tokenHash(),
                s.userId(),
                s.csrfToken(),
                s.createdAt(),
                s.expiresAt()));
    }

    @Override
    public Optional<Session> find(String tokenHash) {
        return db.read(c -> Sql.queryOne(
                c,
                "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE token_hash = ?",
                rs -> new Session(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5)),
                tokenHash));
    }

    @Override
    public boolean delete(String tokenHash) {
        return db.write(c -> Sql.update(c, "DELETE FROM sessions WHERE token_hash = ?", tokenHash) > 0);
    }

    @Override
    public int deleteExpired(long nowSeconds) {
        return db.write(c -> Sql.update(c, "DELETE FROM sessions WHERE expires_at <= ?", nowSeconds));
    }

    @Override
    public int deleteForUser(long userId) {
        return db.write(c -> Sql.update(c, "DELETE FROM sessions WHERE user_id = ?", userId));
    }
}
