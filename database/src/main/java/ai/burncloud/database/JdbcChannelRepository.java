package ai.burncloud.database;

import ai.burncloud.common.ChannelType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcChannelRepository implements ChannelRepository {
    private static final String COLUMNS = "id, name, type, base_url, api_key, models, group_names, priority, weight,"
            + " model_mapping, config, status, status_reason, used_quota, test_at, test_ok, test_latency_ms,"
            + " test_ttft_ms, test_tokens_per_s, test_error, created_at, updated_at";

    private final Database db;
    private final KeyCipher cipher;

    JdbcChannelRepository(Database db, KeyCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /**
     * Inserts a channel in the caller's transaction, its key sealed, and returns its id (abilities are
     * the caller's to sync). The API and a configuration import both write channels through here.
     */
    static long insertRow(Connection c, KeyCipher cipher, ChannelSpec s, ChannelStatus status, String statusReason)
            throws SQLException {
        long now = Sql.now();
        return Sql.insert(
                c,
                "INSERT INTO channels (name, type, base_url, api_key, models, group_names, priority, weight,"
                        + " model_mapping, config, status, status_reason, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                s.name(),
                s.type().id(),
                s.baseUrl(),
                sealed(c, cipher, s.apiKey()),
                JsonColumns.listNotNull(s.models()),
                JsonColumns.listNotNull(s.groups()),
                s.priority(),
                s.weight(),
                JsonColumns.map(s.modelMapping()),
                s.config(),
                status.id(),
                statusReason,
                now,
                now);
    }

    /** Rewrites a channel's spec in the caller's transaction, its key sealed; false when there is no such row. */
    static boolean updateRow(Connection c, KeyCipher cipher, long id, ChannelSpec s) throws SQLException {
        return Sql.update(
                        c,
                        "UPDATE channels SET name = ?, type = ?, base_url = ?, api_key = ?, models = ?,"
                                + " group_names = ?, priority = ?, weight = ?, model_mapping = ?, config = ?,"
                                + " updated_at = ? WHERE id = ?",
                        s.name(),
                        s.type().id(),
                        s.baseUrl(),
                        sealed(c, cipher, s.apiKey()),
                        JsonColumns.listNotNull(s.models()),
                        JsonColumns.listNotNull(s.groups()),
                        s.priority(),
                        s.weight(),
                        JsonColumns.map(s.modelMapping()),
                        s.config(),
                        Sql.now(),
                        id)
                > 0;
    }

    /** The key as stored: encrypted; the first key ever stored creates the master key. */
    private static String sealed(Connection c, KeyCipher cipher, String apiKey) {
        return cipher.encrypt(apiKey, () -> ChannelKeys.encryptedRowsExist(c));
    }

    private Channel map(ResultSet rs) throws SQLException {
        Long testAt = Sql.nullableLong(rs, "test_at");
        ChannelTest test = null;
        if (testAt != null) {
            String tps = rs.getString("test_tokens_per_s");
            test = new ChannelTest(
                    testAt,
                    rs.getBoolean("test_ok"),
                    Sql.nullableLong(rs, "test_latency_ms"),
                    Sql.nullableLong(rs, "test_ttft_ms"),
                    tps == null ? null : new BigDecimal(tps),
                    rs.getString("test_error"));
        }
        return new Channel(
                rs.getLong("id"),
                rs.getString("name"),
                ChannelType.parse(rs.getString("type")),
                rs.getString("base_url"),
                cipher.decrypt(rs.getString("api_key")),
                JsonColumns.list(rs.getString("models")),
                JsonColumns.list(rs.getString("group_names")),
                rs.getInt("priority"),
                rs.getInt("weight"),
                JsonColumns.map(rs.getString("model_mapping")),
                rs.getString("config"),
                ChannelStatus.parse(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getLong("used_quota"),
                test,
                rs.getLong("created_at"),
                rs.getLong("updated_at"));
    }

    private Optional<Channel> find(Connection c, long id) throws SQLException {
        return Sql.queryOne(c, "SELECT " + COLUMNS + " FROM channels WHERE id = ?", this::map, id);
    }

    /** Rewrites the channel's abilities from its current row: one per group x model. */
    private static void syncAbilities(Connection c, Channel ch) throws SQLException {
        syncAbilities(c, ch.id(), ch.spec(), ch.status());
    }

    /** Rewrites channel {@code id}'s abilities from its spec and status, and bumps the version. */
    static void syncAbilities(Connection c, long id, ChannelSpec spec, ChannelStatus status) throws SQLException {
        Sql.update(c, "DELETE FROM abilities WHERE channel_id = ?", id);
        boolean enabled = status == ChannelStatus.ENABLED;
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO abilities (group_name, model, channel_id, enabled, priority, weight)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (String group : spec.groups()) {
                for (String model : spec.models()) {
                    Sql.bind(ps, group, model, id, enabled, spec.priority(), spec.weight());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        ConfigVersion.bump(c, ConfigChange.Kind.CHANNEL, id);
    }

    @Override
    public Channel create(ChannelSpec s) {
        return db.write(c -> {
            long id = insertRow(c, cipher, s, ChannelStatus.ENABLED, null);
            Channel created = find(c, id).orElseThrow();
            syncAbilities(c, created);
            return created;
        });
    }

    @Override
    public Optional<Channel> findById(long id) {
        return db.read(c -> find(c, id));
    }

    @Override
    public List<Channel> all() {
        return db.read(c -> Sql.query(c, "SELECT " + COLUMNS + " FROM channels ORDER BY id", this::map));
    }

    @Override
    public Page<Channel> list(int page, int size) {
        int[] b = Page.bounds(page, size, 500);
        return db.read(c -> {
            long total = Sql.queryLong(c, "SELECT count(*) FROM channels");
            List<Channel> items = Sql.query(
                    c,
                    "SELECT " + COLUMNS + " FROM channels ORDER BY id LIMIT ? OFFSET ?",
                    this::map,
                    b[1],
                    (b[0] - 1) * b[1]);
            return new Page<>(items, total, b[0], b[1]);
        });
    }

    @Override
    public Optional<Channel> update(long id, ChannelSpec s) {
        return db.write(c -> {
            if (!updateRow(c, cipher, id, s)) {
                return Optional.<Channel>empty();
            }
            Channel updated = find(c, id).orElseThrow();
            syncAbilities(c, updated);
            return Optional.of(updated);
        });
    }

    @Override
    public Optional<Channel> setStatus(long id, ChannelStatus status, String reason) {
        return db.write(c -> {
            int n = Sql.update(
                    c,
                    "UPDATE channels SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?",
                    status.id(),
                    reason,
                    Sql.now(),
                    id);
            if (n == 0) {
                return Optional.<Channel>empty();
            }
            Sql.update(c, "UPDATE abilities SET enabled = ? WHERE channel_id = ?", status == ChannelStatus.ENABLED, id);
            ConfigVersion.bump(c, ConfigChange.Kind.CHANNEL, id);
            return find(c, id);
        });
    }

    @Override
    public boolean delete(long id) {
        return db.write(c -> {
            Sql.update(c, "DELETE FROM abilities WHERE channel_id = ?", id);
            boolean deleted = Sql.update(c, "DELETE FROM channels WHERE id = ?", id) > 0;
            ConfigVersion.bump(c, ConfigChange.Kind.CHANNEL, id);
            return deleted;
        });
    }

    @Override
    public void recordTest(long id, ChannelTest t) {
        db.write(c -> Sql.update(
                c,
                "UPDATE channels SET test_at = ?, test_ok = ?, test_latency_ms = ?, test_ttft_ms = ?,"
                        + " test_tokens_per_s = ?, test_error = ? WHERE id = ?",
                t.testedAt(),
                t.ok(),
                t.latencyMs(),
                t.ttftMs(),
                t.tokensPerSecond() == null ? null : t.tokensPerSecond().toPlainString(),
                t.error(),
                id));
    }

    @Override
    public List<Ability> abilities() {
        return db.read(c -> Sql.query(
                c,
                "SELECT group_name, model, channel_id, enabled, priority, weight FROM abilities"
                        + " ORDER BY group_name, model, priority DESC, channel_id",
                rs -> new Ability(
                        rs.getString("group_name"),
                        rs.getString("model"),
                        rs.getLong("channel_id"),
                        rs.getBoolean("enabled"),
                        rs.getInt("priority"),
                        rs.getInt("weight"))));
    }
}
