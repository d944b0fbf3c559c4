package ai.burncloud.database;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

final class JdbcRatioRepository implements RatioRepository {
    private final Database db;

    JdbcRatioRepository(Database db) {
        this.db = db;
    }

    private static final RowMapper<ModelRatio> MODEL = rs -> new ModelRatio(
            rs.getString("model"),
            new BigDecimal(rs.getString("ratio")),
            new BigDecimal(rs.getString("completion_ratio")));
    private static final RowMapper<GroupRatio> GROUP = rs -> new GroupRatio(
            rs.getString("group_name"), new BigDecimal(rs.getString("ratio")), rs.getString("description"));

    @Override
    public ModelRatio setModelRatio(String model, BigDecimal ratio, BigDecimal completionRatio) {
        return db.write(c -> {
            Sql.update(
                    c,
                    "INSERT INTO model_ratios (model, ratio, completion_ratio, updated_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (model) DO UPDATE SET ratio = excluded.ratio,"
                            + " completion_ratio = excluded.completion_ratio, updated_at = excluded.updated_at",
                    model,
                    ratio.toPlainString(),
                    completionRatio.toPlainString(),
                    Sql.now());
            ConfigVersion.bump(c, ConfigChange.Kind.PRICE, model);
            return new ModelRatio(model, ratio, completionRatio);
        });
    }

    @Override
    public Optional<ModelRatio> findModelRatio(String model) {
        return db.read(c -> Sql.queryOne(
                c, "SELECT model, ratio, completion_ratio FROM model_ratios WHERE model = ?", MODEL, model));
    }

    @Override
    public List<ModelRatio> modelRatios() {
        return db.read(
                c -> Sql.query(c, "SELECT model, ratio, completion_ratio FROM model_ratios ORDER BY model", MODEL));
    }

    @Override
    public boolean deleteModelRatio(String model) {
        return db.write(c -> {
            boolean deleted = Sql.update(c, "DELETE FROM model_ratios WHERE model = ?", model) > 0;
            ConfigVersion.bump(c, ConfigChange.Kind.PRICE, model);
            return deleted;
        });
    }

    @Override
    public GroupRatio setGroupRatio(String group, BigDecimal ratio, String description) {
        return db.write(c -> {
            Sql.update(
                    c,
                    "INSERT INTO group_ratios (group_name, ratio, description, updated_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (group_name) DO UPDATE SET ratio = excluded.ratio,"
                            + " description = COALESCE(excluded.description, group_ratios.description),"
                            + " updated_at = excluded.updated_at",
                    group,
                    ratio.toPlainString(),
                    description,
                    Sql.now());
            ConfigVersion.bump(c, ConfigChange.Kind.GROUP_RATIO, group);
            return Sql.queryOne(
                            c,
                            "SELECT group_name, ratio, description FROM group_ratios WHERE group_name = ?",
                            GROUP,
                            group)
                    .orElseThrow();
        });
    }

    @Override
    public Optional<GroupRatio> findGroupRatio(String group) {
        return db.read(c -> Sql.queryOne(
                c, "SELECT group_name, ratio, description FROM group_ratios WHERE group_name = ?", GROUP, group));
    }

    @Override
    public List<GroupRatio> groupRatios() {
        return db.read(c ->
                Sql.query(c, "SELECT group_name, ratio, description FROM group_ratios ORDER BY group_name", GROUP));
    }

    @Override
    public boolean deleteGroupRatio(String group) {
        return db.write(c -> {
            boolean deleted = Sql.update(c, "DELETE FROM group_ratios WHERE group_name = ?", group) > 0;
            ConfigVersion.bump(c, ConfigChange.Kind.GROUP_RATIO, group);
            return deleted;
        });
    }
}
