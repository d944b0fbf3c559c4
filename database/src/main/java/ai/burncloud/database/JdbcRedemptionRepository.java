package ai.burncloud.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

final class JdbcRedemptionRepository implements RedemptionRepository {
    private static final String COLUMNS =
            "id, name, code_prefix, amount, status, created_by, created_at, redeemed_by, redeemed_at";
    private static final RowMapper<Redemption> MAP = rs -> new Redemption(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("code_prefix"),
            rs.getLong("amount"),
            rs.getString("status"),
            Sql.nullableLong(rs, "created_by"),
            rs.getLong("created_at"),
            Sql.nullableLong(rs, "redeemed_by"),
            Sql.nullableLong(rs, "redeemed_at"));

    private final Database db;

    JdbcRedemptionRepository(Database db) {
        this.db = db;
    }

    @Override
    public List<Long> createBatch(String name, long amount, List<String[]> hashAndPrefix, Long createdBy) {
        return db.write(c -> {
            List<Long> ids = new ArrayList<>();
            long now = Sql.now();
            for (String[] hp : hashAndPrefix) {
                ids.add(Sql.insert(
                        c,
                        "INSERT INTO redemptions (name, code_hash, code_prefix, amount, created_by, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                        name,
                        hp[0],
                        hp[1],
                        amount,
                        createdBy,
                        now));
            }
            return ids;
        });
    }

    @Override
    public Page<Redemption> list(int page, int size) {
        int[] b = Page.bounds(page, size, 500);
        return db.read(c -> {
            long total = Sql.queryLong(c, "SELECT count(*) FROM redemptions");
            List<Redemption> items = Sql.query(
                    c,
                    "SELECT " + COLUMNS + " FROM redemptions ORDER BY id DESC LIMIT ? OFFSET ?",
                    MAP,
                    b[1],
                    (b[0] - 1) * b[1]);
            return new Page<>(items, total, b[0], b[1]);
        });
    }

    @Override
    public Optional<Redemption> findById(long id) {
        return db.read(c -> Sql.queryOne(c, "SELECT " + COLUMNS + " FROM redemptions WHERE id = ?", MAP, id));
    }

    @Override
    public boolean deleteUnused(long id) {
        return db.write(c -> Sql.update(c, "DELETE FROM redemptions WHERE id = ? AND status = 'unused'", id) > 0);
    }

    @Override
    public OptionalLong redeem(String codeHash, long userId) {
        return db.write(c -> {
            // the conditional update is the claim: of concurrent redeemers exactly one changes the row
            long now = Sql.now();
            int claimed = Sql.update(
                    c,
                    "UPDATE redemptions SET status = 'used', redeemed_by = ?, redeemed_at = ?"
                            + " WHERE code_hash = ? AND status = 'unused'",
                    userId,
                    now,
                    codeHash);
            if (claimed == 0) {
                return OptionalLong.empty();
            }
            long amount = Sql.queryLong(c, "SELECT amount FROM redemptions WHERE code_hash = ?", codeHash);
            Sql.update(
                    c,
                    "UPDATE users SET balance = balance + ?, updated_at = ? WHERE id = ? AND balance <> -1",
                    amount,
                    now,
                    userId);
            ConfigVersion.bump(c, ConfigChange.Kind.USER, userId);
            return OptionalLong.of(amount);
        });
    }
}
