package ai.burncloud.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class JdbcUserRepository implements UserRepository {
    private static final String COLUMNS = "id, username, password_hash, role, group_name, balance, used_quota,"
            + " request_count, status, invite_code, inviter_id, created_at, updated_at";

    private final Database db;

    JdbcUserRepository(Database db) {
        this.db = db;
    }

    static User map(ResultSet rs) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                Role.parse(rs.getString("role")),
                rs.getString("group_name"),
                rs.getLong("balance"),
                rs.getLong("used_quota"),
                rs.getLong("request_count"),
                Status.parse(rs.getString("status")),
                rs.getString("invite_code"),
                Sql.nullableLong(rs, "inviter_id"),
                rs.getLong("created_at"),
                rs.getLong("updated_at"));
    }

    private static long insert(java.sql.Connection c, NewUser u, long now) throws SQLException {
        return Sql.insert(
                c,
                "INSERT INTO users (username, password_hash, role, group_name, balance, invite_code, inviter_id,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                u.username(),
                u.passwordHash(),
                u.role().id(),
                u.group(),
                u.balance(),
                u.inviteCode(),
                u.inviterId(),
                now,
                now);
    }

    @Override
    public User create(NewUser u) {
        return db.write(c -> {
            long now = Sql.now();
            long id = insert(c, u, now);
            ConfigVersion.bump(c, ConfigChange.Kind.USER, id);
            return Sql.queryOne(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", JdbcUserRepository::map, id)
                    .orElseThrow();
        });
    }

    @Override
    public User createInvited(NewUser u, long inviterBonus) {
        return db.write(c -> {
            long now = Sql.now();
            long id = insert(c, u, now);
            if (u.inviterId() != null && inviterBonus > 0) {
                Sql.update(
                        c,
                        "UPDATE users SET balance = balance + ?, updated_at = ? WHERE id = ? AND balance <> -1",
                        inviterBonus,
                        now,
                        u.inviterId());
            }
            ConfigVersion.bump(c, ConfigChange.Kind.USER, id);
            if (u.inviterId() != null && inviterBonus > 0) {
                ConfigVersion.bump(c, ConfigChange.Kind.USER, u.inviterId());
            }
            return Sql.queryOne(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", JdbcUserRepository::map, id)
                    .orElseThrow();
        });
    }

    @Override
    public Optional<User> findById(long id) {
        return db.read(
                c -> Sql.queryOne(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", JdbcUserRepository::map, id));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return db.read(c -> Sql.queryOne(
                c, "SELECT " + COLUMNS + " FROM users WHERE username = ?", JdbcUserRepository::map, username));
    }

    @Override
    public Optional<User> findByInviteCode(String inviteCode) {
        return db.read(c -> Sql.queryOne(
                c, "SELECT " + COLUMNS + " FROM users WHERE invite_code = ?", JdbcUserRepository::map, inviteCode));
    }

    @Override
    public Page<User> list(String search, int page, int size) {
        int[] b = Page.bounds(page, size, 500);
        return db.read(c -> {
            String where = search == null || search.isBlank() ? "" : " WHERE lower(username) LIKE ? ESCAPE '\\'";
            Object[] params = where.isEmpty() ? new Object[0] : new Object[] {Sql.likePattern(search)};
            long total = Sql.queryLong(c, "SELECT count(*) FROM users" + where, params);
            List<Object> p = new ArrayList<>(List.of(params));
            p.add(b[1]);
            p.add((b[0] - 1) * b[1]);
            List<User> items = Sql.query(
                    c,
                    "SELECT " + COLUMNS + " FROM users" + where + " ORDER BY id LIMIT ? OFFSET ?",
                    JdbcUserRepository::map,
                    p.toArray());
            return new Page<>(items, total, b[0], b[1]);
        });
    }

    @Override
    public List<User> all() {
        return db.read(c -> Sql.query(c, "SELECT " + COLUMNS + " FROM users ORDER BY id", JdbcUserRepository::map));
    }

    @Override
    public Optional<User> update(long id, UserUpdate u) {
        return db.write(c -> {
            int n = Sql.update(
                    c,
                    "UPDATE users SET role = COALESCE(?, role), group_name = COALESCE(?, group_name),"
                            + " status = COALESCE(?, status), password_hash = COALESCE(?, password_hash),"
                            + " balance = COALESCE(?, balance), updated_at = ? WHERE id = ?",
                    u.role() == null ? null : u.role().id(),
                    u.group(),
                    u.status() == null ? null : u.status().id(),
                    u.passwordHash(),
                    u.balance(),
                    Sql.now(),
                    id);
            if (n == 0) {
                return Optional.<User>empty();
            }
            ConfigVersion.bump(c, ConfigChange.Kind.USER, id);
            return Sql.queryOne(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", JdbcUserRepository::map, id);
        });
    }

    @Override
    public boolean delete(long id) {
        return db.write(c -> {
            boolean deleted = Sql.update(c, "DELETE FROM users WHERE id = ?", id) > 0;
            if (deleted) {
                ConfigVersion.bump(c, ConfigChange.Kind.USER, id);
            }
            return deleted;
        });
    }

    @Override
    public Optional<Long> addBalance(long id, long delta) {
        return db.write(c -> {
            Sql.update(
                    c,
                    "UPDATE users SET balance = balance + ?, updated_at = ? WHERE id = ? AND balance <> -1",
                    delta,
                    Sql.now(),
                    id);
            Optional<Long> balance = Sql.queryOne(c, "SELECT balance FROM users WHERE id = ?", rs -> rs.getLong(1), id);
            if (balance.isPresent()) {
                ConfigVersion.bump(c, ConfigChange.Kind.USER, id);
            }
            return balance;
        });
    }

    @Override
    public void setInviteCode(long id, String inviteCode) {
        db.write(c -> Sql.update(c, "UPDATE users SET invite_code = ? WHERE id = ?", inviteCode, id));
    }
}
