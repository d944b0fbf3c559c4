package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.server.ApiClient.Auth;
import ai.burncloud.server.ApiClient.Reply;
import ai.burncloud.service.ChannelTestResult;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The security properties issue 5 asks to be proven. */
class SecurityTest extends ApiTestBase {
    static final String UPSTREAM_KEY = "sk-proj-UPSTREAM-very-secret-key-000111222";

    @Test
    void aUserCannotCallAnyAdministratorOrRootEndpoint() {
        Auth alice = Auth.bearer(user("alice").bearer());
        List<String> privileged = controlPlane.registered().stream()
                .filter(e -> e.access() == Access.ADMIN || e.access() == Access.ROOT)
                .map(e -> e.method().name() + " "
                        + e.openApiPath()
                                .replace("{id}", "1")
                                .replace("{model}", "m")
                                .replace("{group}", "g"))
                .toList();
        assertThat(privileged).hasSizeGreaterThan(25).contains("GET /api/users", "PATCH /api/options");
        List<Object> before = state();
        for (String e : privileged) {
            String[] mp = e.split(" ");
            Reply r = api.send(mp[0], mp[1], mp[0].equals("GET") || mp[0].equals("DELETE") ? null : "{}", alice, null);
            assertThat(r.status()).as(e).isEqualTo(403);
            assertThat(r.errorCode()).as(e).isEqualTo("permission_denied");
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWith400AndChangesNothing() {
        Auth root = Auth.bearer(root().bearer());
        api.post("/api/users", "{\"username\":\"alice\",\"balance\":1}", root).expect(201);
        long alice = userId("alice");
        String longText = "x".repeat(20_000);
        List<String[]> cases = List.of(
                new String[] {"POST", "/api/users", "{\"username\":"},
                new String[] {"POST", "/api/users", "[1,2,3]"},
                new String[] {"POST", "/api/users", "{\"username\":\"a\"} trailing"},
                new String[] {"POST", "/api/users", "{\"username\":\"a\",\"username\":\"b\"}"},
                new String[] {"POST", "/api/users", "{\"username\":42}"},
                new String[] {"POST", "/api/users", "{\"username\":\"robert'); DROP TABLE users;--\"}"},
                new String[] {"POST", "/api/users", "{\"username\":\"" + longText + "\"}"},
                new String[] {"POST", "/api/users", "{\"username\":\"b\",\"balance\":-5}"},
                new String[] {"POST", "/api/users", "{\"username\":\"b\",\"balance\":1e400}"},
                new String[] {"POST", "/api/users", "{\"username\":\"b\",\"balance\":99999999999999999999}"},
                new String[] {"POST", "/api/users", "{\"username\":\"b\",\"group\":\"' OR 1=1 --\"}"},
                new String[] {"POST", "/api/users", "{\"username\":\"b\",\"role\":\"superuser\"}"},
                new String[] {"POST", "/api/users", "{\"username\":\"b\",\"password\":\"short\"}"},
                new String[] {"POST", "/api/users/" + alice + "/topup", "{\"amount\":-1}"},
                new String[] {"POST", "/api/users/" + alice + "/topup", "{\"amount\":\"ten\"}"},
                new String[] {"POST", "/api/users/" + alice + "/topup", "{\"amount\":0}"},
                new String[] {"POST", "/api/users/" + alice + "/topup", "{\"amount\":true}"},
                new String[] {"POST", "/api/users/1%3BDROP%20TABLE%20users/topup", "{\"amount\":1}"},
                new String[] {"PATCH", "/api/users/" + alice, "{\"status\":\"enabled; DELETE FROM users\"}"},
                new String[] {"PATCH", "/api/users/99999999999999999999999", "{\"group\":\"g\"}"},
                new String[] {"POST", "/api/tokens", "{\"name\":\"t\",\"rpm\":1e10}"},
                new String[] {"POST", "/api/tokens", "{\"name\":\"t\",\"rpm\":2147483648}"},
                new String[] {"POST", "/api/tokens", "{\"name\":\"t\",\"models\":\"gpt-4\"}"},
                new String[] {"POST", "/api/tokens", "{\"name\":\"t\",\"models\":[\"a b\"]}"},
                new String[] {"POST", "/api/tokens", "{\"name\":\"" + "n".repeat(200) + "\"}"},
                new String[] {
                    "POST",
                    "/api/channels",
                    "{\"name\":\"c\",\"type\":\"openai\",\"key\":\"k\",\"models\":[]," + "\"weight\":-1}"
                },
                new String[] {
                    "POST",
                    "/api/channels",
                    "{\"name\":\"c\",\"type\":\"openai\",\"key\":\"k\",\"models\":[\"m\"]," + "\"priority\":\"high\"}"
                },
                new String[] {
                    "POST",
                    "/api/channels",
                    "{\"name\":\"c\",\"type\":\"openai\",\"key\":\"k\",\"models\":[\"m\"],"
                            + "\"base_url\":\"ftp://x\"}"
                },
                new String[] {"POST", "/api/prices", "{\"model\":\"m\",\"input\":-1,\"output\":1}"},
                new String[] {
                    "POST", "/api/prices", "{\"model\":\"x'; DROP TABLE prices; --\",\"input\":1,\"output\":1}"
                },
                new String[] {"POST", "/api/ratios/groups", "{\"group\":\"g\",\"ratio\":1e999}"},
                new String[] {"POST", "/api/redemptions", "{\"name\":\"r\",\"amount\":1,\"count\":-3}"},
                new String[] {"PATCH", "/api/options", "{\"retry_times\":-1}"});
        List<Object> before = state();
        for (String[] c : cases) {
            Reply r = api.send(c[0], c[1], c[2], root, null);
            assertThat(r.status())
                    .as(c[0] + " " + c[1] + " " + c[2].substring(0, Math.min(80, c[2].length())))
                    .isEqualTo(400);
            assertThat(r.json().path("error").path("code").asText()).isEqualTo("invalid_request");
            assertThat(r.body()).doesNotContain(longText);
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        Auth root = Auth.bearer(root().bearer());
        String huge = "{\"username\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Reply r = api.post("/api/users", huge, root);
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void upstreamKeysNeverAppearInResponsesOrLogs() {
        Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        rootLogger.addAppender(logs);
        ch.qos.logback.classic.Level level = rootLogger.getLevel();
        rootLogger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            Auth root = Auth.bearer(root().bearer());
            StringBuilder bodies = new StringBuilder();
            Reply created = api.post(
                            "/api/channels",
                            "{\"name\":\"c\",\"type\":\"openai\",\"base_url\":\"http://127.0.0.1:1/v1\",\"key\":\""
                                    + UPSTREAM_KEY + "\",\"models\":[\"m\"]}",
                            root)
                    .expect(201);
            long id = created.json().path("id").asLong();
            bodies.append(created.body());
            bodies.append(api.get("/api/channels", root).body());
            bodies.append(api.get("/api/channels/" + id, root).body());
            bodies.append(
                    api.patch("/api/channels/" + id, "{\"weight\":2}", root).body());
            dataPlane.tester = (c, m) -> ChannelTestResult.failed(5, "401 from upstream: key " + UPSTREAM_KEY);
            bodies.append(api.post("/api/channels/" + id + "/test", null, root).body());
            bodies.append(
                    api.post("/api/channels/" + id + "/models", null, root).body());
            bodies.append(api.get("/metrics", Auth.none()).body());
            bodies.append(api.delete("/api/channels/" + id, root).body());
            assertThat(bodies.toString()).doesNotContain(UPSTREAM_KEY).contains("sk-p...0222".substring(0, 4));
            for (ILoggingEvent e : logs.list) {
                assertThat(e.getFormattedMessage()).doesNotContain(UPSTREAM_KEY);
                if (e.getThrowableProxy() != null) {
                    assertThat(e.getThrowableProxy().getMessage()).doesNotContain(UPSTREAM_KEY);
                }
            }
        } finally {
            rootLogger.setLevel(level);
            rootLogger.detachAppender(logs);
        }
    }

    @Test
    void passwordsAndKeysAreStoredOnlyAsHashes() {
        Auth root = Auth.bearer(root().bearer());
        api.post("/api/users", "{\"username\":\"alice\",\"password\":\"alice-password-1\"}", root)
                .expect(201);
        String key = api.post("/api/tokens", "{\"name\":\"k\"}", root)
                .expect(201)
                .json()
                .path("key")
                .asText();
        String code = api.post("/api/redemptions", "{\"name\":\"r\",\"amount\":1}", root)
                .expect(201)
                .json()
                .path("items")
                .get(0)
                .path("code")
                .asText();
        String dump = db.read(c -> {
            StringBuilder sb = new StringBuilder();
            for (String table : List.of("users", "tokens", "redemptions", "sessions")) {
                try (var st = c.createStatement();
                        var rs = st.executeQuery("SELECT * FROM " + table)) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            sb.append(rs.getString(i)).append('|');
                        }
                    }
                }
            }
            return sb.toString();
        });
        assertThat(dump)
                .doesNotContain("alice-password-1")
                .doesNotContain(ROOT_PASSWORD)
                .doesNotContain(key)
                .doesNotContain(code)
                .doesNotContain(root.bearer())
                .contains("$2b$");
    }
}
