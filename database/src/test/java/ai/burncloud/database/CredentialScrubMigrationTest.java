package ai.burncloud.database;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request logs written before URLs were redacted hold client keys ({@code ?key=} on the Gemini door):
 * upgrading scrubs them, on both databases, and keeps every other row as it was.
 */
class CredentialScrubMigrationTest {
    @TempDir
    Path dir;

    @Test
    void upgradingSqliteScrubsKeysFromStoredEndpoints() throws Exception {
        assertScrubbed(TestDatabases.sqlite(dir), null);
    }

    @Test
    void upgradingPostgresScrubsKeysFromStoredEndpoints() throws Exception {
        try (TestDatabases.PostgresSchema schema = TestDatabases.freshPostgresSchema()) {
            assertScrubbed(schema.url(), schema.name());
        }
    }

    @Test
    void rowsWrittenNowNeverCarryACredential() {
        RequestLog row = new RequestLog(
                0,
                "r",
                1,
                1L,
                1L,
                null,
                "/v1beta/models/g:streamGenerateContent?alt=sse&key=sk-live-1&%6Bey=sk-live-2&api_key=x",
                "g",
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                1,
                null,
                200,
                true,
                "completed",
                null,
                false,
                false,
                null,
                null);
        assertThat(row.endpoint()).isEqualTo("/v1beta/models/g:streamGenerateContent?alt=sse");
    }

    private void assertScrubbed(DatabaseUrl url, String schema) throws Exception {
        var flyway = Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations(schema == null ? "classpath:db/migration/sqlite" : "classpath:db/migration/postgresql")
                .target("2");
        if (schema != null) {
            flyway = flyway.schemas(schema).createSchemas(true);
        }
        flyway.load().migrate();
        String[] stored = {
            "/v1beta/models/gemini-2.0-flash:generateContent?key=sk-bc-0123456789abcdef",
            "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse&key=sk-bc-0123456789abcdef",
            "/v1/chat/completions?api_key=sk-bc-secret",
            "/v1/chat/completions?%6Bey=sk-bc-encoded",
            "/v1/chat/completions",
            "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse"
        };
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                PreparedStatement insert = c.prepareStatement("INSERT INTO request_logs (request_id, created_at_ms,"
                        + " endpoint, status, settlement) VALUES (?, 1, ?, 200, 'completed')")) {
            for (int i = 0; i < stored.length; i++) {
                insert.setString(1, "req-" + i);
                insert.setString(2, stored[i]);
                insert.executeUpdate();
            }
        }
        Database.open(url).close(); // brings it up to date
        List<String> after = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT endpoint FROM request_logs ORDER BY request_id")) {
            while (rs.next()) {
                after.add(rs.getString(1));
            }
        }
        assertThat(after)
                .containsExactly(
                        "/v1beta/models/gemini-2.0-flash:generateContent",
                        "/v1beta/models/gemini-2.0-flash:streamGenerateContent",
                        "/v1/chat/completions",
                        "/v1/chat/completions",
                        "/v1/chat/completions",
                        "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse");
        assertThat(String.join(" ", after)).doesNotContain("sk-bc");
    }
}
