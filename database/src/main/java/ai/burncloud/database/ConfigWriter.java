package ai.burncloud.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link ConfigPlan} in one transaction: channels (with their abilities and encrypted keys),
 * prices, ratios and options, then one bump of the configuration version, which is how running
 * routers learn of it. Any failure rolls everything back.
 */
public final class ConfigWriter {
    private final Database db;
    private final KeyCipher cipher;

    /** A channel the plan replaces was deleted after the plan was made: nothing was written. */
    public static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange(String message) {
            super(message);
        }
    }

    private ConfigWriter(Database db, KeyCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** A writer storing channel keys with the same cipher as {@code repos}. */
    public static ConfigWriter over(Repositories repos) {
        return new ConfigWriter(repos.database(), repos.channelKeys().cipher());
    }

    /** Applies the plan; returns the ids of the channels it created, in the plan's order. */
    public List<Long> apply(ConfigPlan plan) {
        return db.write(c -> {
            for (long id : plan.deleteChannels()) {
                Sql.update(c, "DELETE FROM abilities WHERE channel_id = ?", id);
                Sql.update(c, "DELETE FROM channels WHERE id = ?", id);
            }
            List<Long> created = new ArrayList<>();
            for (ConfigPlan.ChannelUpsert u : plan.channels()) {
                long id = u.id() == null ? insert(c, u) : replace(c, u);
                if (u.id() == null) {
                    created.add(id);
                }
                ChannelStatus status = ChannelStatus.parse(
                        Sql.queryOne(c, "SELECT status FROM channels WHERE id = ?", rs -> rs.getString(1), id)
                                .orElseThrow());
                JdbcChannelRepository.syncAbilities(c, id, u.spec(), status);
            }
            writePrices(c, plan);
            writeRatios(c, plan);
            writeOptions(c, plan);
            // a whole configuration file: routers reload everything rather than patch
            ConfigVersion.bump(c, ConfigChange.Kind.ALL, null);
            return created;
        });
    }

    private long insert(Connection c, ConfigPlan.ChannelUpsert u) throws SQLException {
        ChannelStatus status = u.status() == null ? ChannelStatus.ENABLED : u.status();
        return JdbcChannelRepository.insertRow(c, cipher, u.spec(), status, u.statusReason());
    }

    private long replace(Connection c, ConfigPlan.ChannelUpsert u) throws SQLException {
        ChannelSpec s = u.spec();
        if (!JdbcChannelRepository.updateRow(c, cipher, u.id(), s)) {
            throw new ConcurrentChange("channel '" + s.name() + "' was deleted while the import was prepared");
        }
        if (u.status() != null) {
            Sql.update(
                    c,
                    "UPDATE channels SET status = ?, status_reason = ? WHERE id = ?",
                    u.status().id(),
                    u.statusReason(),
                    u.id());
        }
        return u.id();
    }

    private static void writePrices(Connection c, ConfigPlan plan) throws SQLException {
        for (String model : plan.deletePrices()) {
            Sql.update(c, "DELETE FROM prices WHERE model = ?", model);
        }
        for (Price p : plan.prices()) {
            Sql.update(
                    c,
                    "INSERT INTO prices (model, input_price, output_price, cached_input_price, alias_for, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (model) DO UPDATE SET"
                            + " input_price = excluded.input_price, output_price = excluded.output_price,"
                            + " cached_input_price = excluded.cached_input_price, alias_for = excluded.alias_for,"
                            + " updated_at = excluded.updated_at",
                    p.model(),
                    p.input(),
                    p.output(),
                    p.cachedInput(),
                    p.aliasFor(),
                    Sql.now());
        }
    }

    private static void writeRatios(Connection c, ConfigPlan plan) throws SQLException {
        for (String model : plan.deleteModelRatios()) {
            Sql.update(c, "DELETE FROM model_ratios WHERE model = ?", model);
        }
        for (ModelRatio r : plan.modelRatios()) {
            Sql.update(
                    c,
                    "INSERT INTO model_ratios (model, ratio, completion_ratio, updated_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (model) DO UPDATE SET ratio = excluded.ratio,"
                            + " completion_ratio = excluded.completion_ratio, updated_at = excluded.updated_at",
                    r.model(),
                    r.ratio().toPlainString(),
                    r.completionRatio().toPlainString(),
                    Sql.now());
        }
        for (String group : plan.deleteGroupRatios()) {
            Sql.update(c, "DELETE FROM group_ratios WHERE group_name = ?", group);
        }
        for (GroupRatio r : plan.groupRatios()) {
            Sql.update(
                    c,
                    "INSERT INTO group_ratios (group_name, ratio, description, updated_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (group_name) DO UPDATE SET ratio = excluded.ratio,"
                            + " description = excluded.description, updated_at = excluded.updated_at",
                    r.group(),
                    r.ratio().toPlainString(),
                    r.description(),
                    Sql.now());
        }
    }

    private static void writeOptions(Connection c, ConfigPlan plan) throws SQLException {
        for (String name : plan.deleteOptions()) {
            Sql.update(c, "DELETE FROM options WHERE name = ?", name);
        }
        for (Map.Entry<String, String> e : plan.options().entrySet()) {
            Sql.update(
                    c,
                    "INSERT INTO options (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name)"
                            + " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                    e.getKey(),
                    e.getValue(),
                    Sql.now());
        }
    }
}
