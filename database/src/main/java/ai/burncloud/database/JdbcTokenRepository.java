package ai.burncloud.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcTokenRepository implements TokenRepository {
    private static final String COLUMNS = "id, user_id, name, key_hash, key_prefix, status, quota_limit, used_quota,"
            + " expires_at, models, ip_ranges, group_override, rpm, created_at, updated_at, tpm";

    private final Database db;

    JdbcTokenRepository(Database db) {
        this.db = db;
    }

    private static Token map(ResultSet rs) throws SQLException {
        return new Token(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("name"),
                rs.getString("key_hash"),
                rs.getString("key_prefix"),
                Status.parse(rs.getString("status")),
                rs.getLong("quota_limit"),
                rs.getLong("used_quota"),
                rs.getLong("expires_at"),
                JsonColumns.list(rs.getString("models")),
                JsonColumns.list(rs.getString("ip_ranges")),
                rs.getString("group_override"),
                rs.getInt("rpm"),
                rs.getLong("created_at"),
                rs.getLong("updated_at"),
                rs.getInt("tpm"));
    }

    @Override
    public Token create(NewToken t) {
        return db.write(c -> {
            long now = Sql.now();
            long id = Sql.insert(
                    c,
                    "INSERT INTO tokens (user_id, name, key_hash, key_prefix, quota_limit, expires_at, models,"
                            + " ip_ranges, group_override, rpm, tpm, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    t.userId(),
                    t.name(),
                    t.keyHash(),
                    t.keyPrefix(),
                    t.quotaLimit(),
                    t.expiresAt(),
                    JsonColumns.list(t.models()),
                    JsonColumns.list(t.ipRanges()),
                    blankToNull(t.groupOverride()),
                    t.rpm(),
                    t.tpm(),
                    now,
                    now);
            ConfigVersion.bump(c);
            return Sql.queryOne(c, "SELECT " + COLUMNS + " FROM tokens WHERE id = ?", JdbcTokenRepository::map, id)
                    .orElseThrow();
        });
    }

    @Override
    public Optional<Token> findById(long id) {
        return db.read(
                c -> Sql.queryOne(c, "SELECT " + COLUMNS + " FROM tokens WHERE id = ?", JdbcTokenRepository::map, id));
    }

    @Override
    public Optional<Token> findByKeyHash(String keyHash) {
        return db.read(c -> Sql.queryOne(
                c, "SELECT " + COLUMNS + " FROM tokens WHERE key_hash = ?", JdbcTokenRepository::map, keyHash));
    }

    @Override
    public Page<Token> list(Long userId, int page, int size) {
        int[] b = Page.bounds(page, size, 500);
        return db.read(c -> {
            if (userId == null) {
                long total = Sql.queryLong(c, "SELECT count(*) FROM tokens");
                List<Token> items = Sql.query(
                        c,
                        "SELECT " + COLUMNS + " FROM tokens ORDER BY id LIMIT ? OFFSET ?",
                        JdbcTokenRepository::map,
                        b[1],
                        (b[0] - 1) * b[1]);
                return new Page<>(items, total, b[0], b[1]);
            }
            long total = Sql.queryLong(c, "SELECT count(*) FROM tokens WHERE user_id = ?", userId);
            List<Token> items = Sql.query(
                    c,
                    "SELECT " + COLUMNS + " FROM tokens WHERE user_id = ? ORDER BY id LIMIT ? OFFSET ?",
                    JdbcTokenRepository::map,
                    userId,
                    b[1],
                    (b[0] - 1) * b[1]);
            return new Page<>(items, total, b[0], b[1]);
        });
    }

    @Override
    public List<Token> all() {
        return db.read(c -> Sql.query(c, "SELECT " + COLUMNS + " FROM tokens ORDER BY id", JdbcTokenRepository::map));
    }

    @Override
    public Optional<Token> update(long id, TokenUpdate u) {
        return db.write(c -> {
            Optional<Token> current =
                    Sql.queryOne(c, "SELECT " + COLUMNS + " FROM tokens WHERE id = ?", JdbcTokenRepository::map, id);
            if (current.isEmpty()) {
                return Optional.<Token>empty();
            }
            Token t = current.get();
            Sql.update(
                    c,
                    "UPDATE tokens SET name = ?, quota_limit = ?, expires_at = ?, models = ?, ip_ranges = ?,"
                            + " group_override = ?, rpm = ?, tpm = ?, status = ?, updated_at = ? WHERE id = ?",
                    u.name() != null ? u.name() : t.name(),
                    u.quotaLimit() != null ? u.quotaLimit() : t.quotaLimit(),
                    u.expiresAt() != null ? u.expiresAt() : t.expiresAt(),
                    JsonColumns.list(u.models() != null ? u.models() : t.models()),
                    JsonColumns.list(u.ipRanges() != null ? u.ipRanges() : t.ipRanges()),
                    blankToNull(u.groupOverride() != null ? u.groupOverride() : t.groupOverride()),
                    u.rpm() != null ? u.rpm() : t.rpm(),
                    u.tpm() != null ? u.tpm() : t.tpm(),
                    (u.status() != null ? u.status() : t.status()).id(),
                    Sql.now(),
                    id);
            ConfigVersion.bump(c);
            return Sql.queryOne(c, "SELECT " + COLUMNS + " FROM tokens WHERE id = ?", JdbcTokenRepository::map, id);
        });
    }

    @Override
    public boolean delete(long id) {
        return db.write(c -> {
            boolean deleted = Sql.update(c, "DELETE FROM tokens WHERE id = ?", id) > 0;
            if (deleted) {
                ConfigVersion.bump(c);
            }
            return deleted;
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
