package ai.burncloud.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.Database;
import ai.burncloud.database.Repositories;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plaintext of a token key never reaches the database, whatever the database. */
abstract class TokenStorageContract {
    protected abstract DatabaseUrl freshDatabase() throws Exception;

    protected void dropDatabase() throws Exception {}

    @Test
    void noColumnOfAnyTokenRowContainsTheKeyOrItsSecretPart() throws Exception {
        try (Database db = Database.open(freshDatabase())) {
            TokenAdmin tokens = new TokenAdmin(Repositories.over(db));
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                keys.add(tokens.create(TokenRequest.named("t" + i)).key());
            }
            List<String> cells = db.read(TokenStorageContract::everyCellOfTheTokensTable);
            assertThat(cells).hasSizeGreaterThanOrEqualTo(5 * 15); // every column of every row was read
            for (String key : keys) {
                String secret = key.substring(7); // what follows the displayed prefix
                assertThat(cells).noneMatch(cell -> cell.contains(key) || cell.contains(secret.substring(0, 12)));
            }
        } finally {
            dropDatabase();
        }
    }

    private static List<String> everyCellOfTheTokensTable(Connection c) throws java.sql.SQLException {
        List<String> cells = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM tokens")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int col = 1; col <= meta.getColumnCount(); col++) {
                    String v = rs.getString(col);
                    cells.add(v == null ? "" : v);
                }
            }
        }
        return cells;
    }
}
