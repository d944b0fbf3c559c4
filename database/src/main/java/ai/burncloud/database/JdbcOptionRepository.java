package ai.burncloud.database;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

final class JdbcOptionRepository implements OptionRepository {
    private final Database db;

    JdbcOptionRepository(Database db) {
        this.db = db;
    }

    @Override
    public Optional<String> get(String name) {
        return db.read(c -> Sql.queryOne(c, "SELECT value FROM options WHERE name = ?", rs -> rs.getString(1), name));
    }

    @Override
    public Map<String, String> all() {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (String[] row : Sql.query(c, "SELECT name, value FROM options ORDER BY name", rs ->
                    new String[] {rs.getString(1), rs.getString(2)})) {
                out.put(row[0], row[1]);
            }
            return out;
        });
    }

    @Override
    public void putAll(Map<String, String> values) {
        db.write(c -> {
            for (Map.Entry<String, String> e : values.entrySet()) {
                Sql.update(
                        c,
                        "INSERT INTO options (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name)"
                                + " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                        e.getKey(),
                        e.getValue(),
                        Sql.now());
            }
            ConfigVersion.bump(c, ConfigChange.Kind.OPTION, null);
            return null;
        });
    }
}
