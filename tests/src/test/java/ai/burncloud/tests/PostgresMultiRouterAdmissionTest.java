package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.service.TokenAdmin;
import ai.burncloud.service.TokenRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Three routers, no Redis: they see each other through their heartbeats and admit through guarded
 * updates in PostgreSQL.
 */
class PostgresMultiRouterAdmissionTest extends MultiRouterAdmissionContract {
    @Override
    Map<String, String> sharingEnv() {
        return Map.of();
    }

    @Override
    void awaitSharing() throws Exception {
        // every router learns of the others at its next heartbeat (each second)
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (query("SELECT count(*) FROM router_instances WHERE beat_at_ms > ?", System.currentTimeMillis() - 3_000)
                    >= ROUTERS) {
                Thread.sleep(1_500); // each one's next beat counts all three
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the routers did not all beat");
    }

    @Test
    void whileTheDatabaseCannotAdmitKeysWithLimitsGet503AndUnlimitedKeysAreServedThenItRecovers() throws Exception {
        String limited = new TokenAdmin(repos)
                .create(new TokenRequest("limited", newUser("-1"), "5", null, null, null, null))
                .key();
        String unlimited = new TokenAdmin(repos)
                .create(new TokenRequest("unlimited", newUser("-1"), null, null, null, null, null))
                .key();
        String definition;
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT pg_get_functiondef('admission_hold'::regproc)")) {
                rs.next();
                definition = rs.getString(1);
            }
            // every hold now fails inside the database, as when it cannot be reached
            st.execute(definition.replaceFirst(
                    "(?s)DECLARE.*END\\s*\\$function\\$",
                    "BEGIN RAISE EXCEPTION 'admission is down'; END \\$function\\$"));
        }
        try {
            Outcome down = fire(6, limited);
            assertThat(down.count(503)).as(down.sample().toString()).isEqualTo(6);
            assertThat(down.sample().get("rejected-by")).isEqualTo("gateway");
            assertThat(Json.parse(down.sample().get("503"))
                            .path("error")
                            .path("code")
                            .asText())
                    .isEqualTo("service_unavailable");
            assertThat(fire(6, unlimited).count(200)).isEqualTo(6);
        } finally {
            try (Connection c = db.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                st.execute(definition);
            }
        }
        assertThat(fire(6, limited).count(200)).isEqualTo(6);
    }
}
