package ai.burncloud.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcPriceRepository implements PriceRepository {
    private static final String COLUMNS = "model, input_price, output_price, cached_input_price, alias_for, updated_at";

    private final Database db;

    JdbcPriceRepository(Database db) {
        this.db = db;
    }

    private static Price map(ResultSet rs) throws SQLException {
        return new Price(
                rs.getString("model"),
                rs.getLong("input_price"),
                rs.getLong("output_price"),
                Sql.nullableLong(rs, "cached_input_price"),
                rs.getString("alias_for"),
                rs.getLong("updated_at"));
    }

    private static Price find(Connection c, String model) throws SQLException {
        return Sql.queryOne(c, "SELECT " + COLUMNS + " FROM prices WHERE model = ?", JdbcPriceRepository::map, model)
                .orElseThrow();
    }

    @Override
    public Price setPrice(String model, long input, long output, Long cachedInput) {
        return db.write(c -> {
            Sql.update(
                    c,
                    "INSERT INTO prices (model, input_price, output_price, cached_input_price, alias_for, updated_at)"
                            + " VALUES (?, ?, ?, ?, NULL, ?) ON CONFLICT (model) DO UPDATE SET"
                            + " input_price = excluded.input_price, output_price = excluded.output_price,"
                            + " cached_input_price = excluded.cached_input_price, alias_for = NULL,"
                            + " updated_at = excluded.updated_at",
                    model,
                    input,
                    output,
                    cachedInput,
                    Sql.now());
            ConfigVersion.bump(c, ConfigChange.Kind.PRICE, model);
            return find(c, model);
        });
    }

    @Override
    public Price setAlias(String model, String target) {
        return db.write(c -> {
            Sql.update(
                    c,
                    "INSERT INTO prices (model, input_price, output_price, cached_input_price, alias_for, updated_at)"
                            + " VALUES (?, 0, 0, NULL, ?, ?) ON CONFLICT (model) DO UPDATE SET"
                            + " input_price = 0, output_price = 0, cached_input_price = NULL,"
                            + " alias_for = excluded.alias_for, updated_at = excluded.updated_at",
                    model,
                    target,
                    Sql.now());
            ConfigVersion.bump(c, ConfigChange.Kind.PRICE, model);
            return find(c, model);
        });
    }

    @Override
    public Optional<Price> find(String model) {
        return db.read(c ->
                Sql.queryOne(c, "SELECT " + COLUMNS + " FROM prices WHERE model = ?", JdbcPriceRepository::map, model));
    }

    @Override
    public List<Price> all() {
        return db.read(
                c -> Sql.query(c, "SELECT " + COLUMNS + " FROM prices ORDER BY model", JdbcPriceRepository::map));
    }

    @Override
    public boolean delete(String model) {
        return db.write(c -> {
            boolean deleted = Sql.update(c, "DELETE FROM prices WHERE model = ?", model) > 0;
            if (deleted) {
                ConfigVersion.bump(c, ConfigChange.Kind.PRICE, model);
            }
            return deleted;
        });
    }
}
