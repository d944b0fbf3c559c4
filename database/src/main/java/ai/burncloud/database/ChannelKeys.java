package ai.burncloud.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The upstream keys of all channels as a whole: checked and encrypted at start, re-encrypted by a
 * rotation. Each runs in one transaction, so a key that cannot be read changes nothing.
 */
public final class ChannelKeys {
    private final Database db;
    private final KeyCipher cipher;

    ChannelKeys(Database db, KeyCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    private record StoredKey(long id, String value) {}

    /** How a start or a rotation left the keys: how many rows were (re-)encrypted, under which key. */
    public record Outcome(int encrypted, int total, Optional<MasterKey> key) {}

    public KeySource source() {
        return cipher.source();
    }

    /** The cipher the channels are stored with, for writers that store keys in their own transaction. */
    KeyCipher cipher() {
        return cipher;
    }

    /**
     * Checks that every stored key decrypts (else a {@code ConfigException} naming the key needed and
     * where it was looked for) and encrypts the ones still in plain text.
     */
    public Outcome prepare() {
        return db.write(c -> {
            List<StoredKey> rows = stored(c);
            int encrypted = 0;
            for (StoredKey row : rows) {
                String plain = cipher.decrypt(row.value());
                if (!KeyCipher.isEncrypted(row.value())) {
                    store(c, row.id(), cipher.encrypt(plain, () -> encryptedRowsExist(c)));
                    encrypted++;
                }
            }
            return new Outcome(encrypted, rows.size(), cipher.source().current());
        });
    }

    /**
     * Re-encrypts every stored key under {@code next}, which the key source makes current (a key file is
     * rewritten; {@code BURNCLOUD_SECRET_KEY} must then be changed by the operator).
     */
    public Outcome rotate(MasterKey next) {
        Runnable[] forgetOld = {() -> {}};
        Outcome outcome = db.write(c -> {
            if (db.kind() == ai.burncloud.common.DatabaseUrl.Kind.POSTGRES) {
                // no channel may be written under the old key between our read and the end of the rotation
                Sql.update(c, "LOCK TABLE channels IN EXCLUSIVE MODE");
            }
            List<StoredKey> rows = stored(c);
            List<String> plain = new ArrayList<>(rows.size());
            for (StoredKey row : rows) {
                plain.add(cipher.decrypt(row.value()));
            }
            forgetOld[0] = cipher.source().stage(next);
            for (int i = 0; i < rows.size(); i++) {
                store(c, rows.get(i).id(), KeyCipher.encrypt(plain.get(i), next));
            }
            return new Outcome(rows.size(), rows.size(), Optional.of(next));
        });
        forgetOld[0].run();
        return outcome;
    }

    private static List<StoredKey> stored(Connection c) throws SQLException {
        return Sql.query(
                c, "SELECT id, api_key FROM channels ORDER BY id", rs -> new StoredKey(rs.getLong(1), rs.getString(2)));
    }

    private static void store(Connection c, long id, String value) throws SQLException {
        Sql.update(c, "UPDATE channels SET api_key = ? WHERE id = ?", value, id);
    }

    /** Whether some channel's key is stored encrypted (then a lost master key must not be replaced). */
    static boolean encryptedRowsExist(Connection c) {
        try {
            return Sql.queryLong(c, "SELECT count(*) FROM channels WHERE api_key LIKE 'enc:%'") > 0;
        } catch (SQLException e) {
            throw DataAccessException.wrap(e);
        }
    }
}
