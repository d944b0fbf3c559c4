package ai.burncloud.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.burncloud.common.Json;
import ai.burncloud.server.ApiClient.Auth;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every administrator's change through the API leaves an audit entry: one case per mutating
 * admin or root operation of the OpenAPI document, so a new endpoint without a case here fails.
 */
class AuditApiTest extends ApiTestBase {
    private static final String KEY = "sk-audit-abcdefghijklmnopqrstuvwxyz";

    /** A request that succeeds, and the entity and action its audit entry names. */
    private record Case(String body, String entity, String action) {}

    private static final Map<String, Case> CASES = Map.ofEntries(
            Map.entry("POST /api/channels", new Case(channelBody("second"), "channels", "create")),
            Map.entry("PATCH /api/channels/{id}", new Case("{\"priority\":5}", "channels", "update")),
            Map.entry("DELETE /api/channels/{id}", new Case(null, "channels", "delete")),
            Map.entry("POST /api/channels/{id}/enable", new Case(null, "channels", "enable")),
            Map.entry("POST /api/channels/{id}/disable", new Case(null, "channels", "disable")),
            Map.entry("POST /api/channels/{id}/test", new Case(null, "channels", "test")),
            Map.entry("POST /api/channels/{id}/models", new Case(null, "channels", "models")),
            Map.entry("PATCH /api/options", new Case("{\"retry_times\":1}", "options", "update")),
            Map.entry(
                    "POST /api/prices",
                    new Case("{\"model\":\"new-model\",\"input\":1,\"output\":2}", "prices", "create")),
            Map.entry("PUT /api/prices/{model}", new Case("{\"input\":3,\"output\":4}", "prices", "update")),
            Map.entry("DELETE /api/prices/{model}", new Case(null, "prices", "delete")),
            Map.entry(
                    "POST /api/ratios/models",
                    new Case("{\"model\":\"m2\",\"ratio\":2,\"completion_ratio\":1}", "ratios.models", "create")),
            Map.entry("DELETE /api/ratios/models/{model}", new Case(null, "ratios.models", "delete")),
            Map.entry(
                    "POST /api/ratios/groups", new Case("{\"group\":\"g2\",\"ratio\":0.5}", "ratios.groups", "create")),
            Map.entry("DELETE /api/ratios/groups/{group}", new Case(null, "ratios.groups", "delete")),
            Map.entry(
                    "POST /api/redemptions",
                    new Case("{\"name\":\"promo\",\"amount\":5,\"count\":1}", "redemptions", "create")),
            Map.entry("DELETE /api/redemptions/{id}", new Case(null, "redemptions", "delete")),
            Map.entry(
                    "POST /api/users",
                    new Case(
                            "{\"username\":\"bob\",\"password\":\"password-bob\",\"role\":\"user\",\"balance\":1}",
                            "users",
                            "create")),
            Map.entry("PATCH /api/users/{id}", new Case("{\"group\":\"vip\"}", "users", "update")),
            Map.entry("DELETE /api/users/{id}", new Case(null, "users", "delete")),
            Map.entry("POST /api/users/{id}/topup", new Case("{\"amount\":5}", "users", "topup")),
            Map.entry(
                    "POST /api/config/import",
                    new Case("prices:\n  - model: gpt-4o\n    input: 5\n    output: 6\n", "prices", "update")));

    private HttpServer upstream;
    private Auth root;
    private long channelId;
    private long userId;
    private long redemptionId;

    private static String channelBody(String name) {
        return "{\"name\":\"" + name + "\",\"type\":\"openai\",\"base_url\":\"http://127.0.0.1:1/v1\",\"key\":\"" + KEY
                + "\",\"models\":[\"gpt-4o\"],\"groups\":[\"default\"]}";
    }

    /**
     * "METHOD /path" of every documented operation that only administrators (or root) may call, that is
     * not a GET and that does not say it changes nothing ({@code x-burncloud-changes-nothing}: a preview).
     */
    static Stream<String> adminChanges() throws IOException {
        JsonNode doc;
        try (InputStream in = AuditApiTest.class.getResourceAsStream("/ai/burncloud/server/openapi.json")) {
            doc = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<String> ops = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            var p = paths.next();
            p.getValue().fields().forEachRemaining(op -> {
                String access = op.getValue().path("description").asText();
                boolean changesNothing =
                        op.getValue().path("x-burncloud-changes-nothing").asBoolean(false);
                if (!op.getKey().equals("get")
                        && !changesNothing
                        && (access.startsWith("Access: admin") || access.startsWith("Access: root"))) {
                    ops.add(op.getKey().toUpperCase() + " " + p.getKey());
                }
            });
        }
        assertThat(ops).hasSizeGreaterThanOrEqualTo(CASES.size());
        return ops.stream();
    }

    @BeforeEach
    void someOfEverything() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/v1/models", ex -> {
            byte[] body = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\"}]}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        upstream.start();
        root = Auth.bearer(root().bearer());
        channelId = api.post(
                        "/api/channels",
                        channelBody("first")
                                .replace(
                                        "127.0.0.1:1",
                                        "127.0.0.1:" + upstream.getAddress().getPort()),
                        root)
                .expect(201)
                .json()
                .path("id")
                .asLong();
        api.post("/api/users", "{\"username\":\"alice\",\"password\":\"password-alice\",\"balance\":1}", root)
                .expect(201);
        userId = userId("alice");
        api.post("/api/prices", "{\"model\":\"gpt-4o\",\"input\":1,\"output\":2}", root)
                .expect(200);
        api.post("/api/ratios/models", "{\"model\":\"old-model\",\"ratio\":7.5,\"completion_ratio\":2}", root)
                .expect(200);
        api.post("/api/ratios/groups", "{\"group\":\"vip\",\"ratio\":0.8}", root)
                .expect(200);
        redemptionId = api.post("/api/redemptions", "{\"name\":\"promo\",\"amount\":5,\"count\":1}", root)
                .expect(201)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asLong();
        // the six changes above are audited right after each answer: wait for them before counting
        for (String entity : List.of("channels", "users", "prices", "ratios.models", "ratios.groups", "redemptions")) {
            newest(entity, "create");
        }
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    private String concrete(String path) {
        String id = path.startsWith("/api/users")
                ? Long.toString(userId)
                : path.startsWith("/api/redemptions") ? Long.toString(redemptionId) : Long.toString(channelId);
        String model = path.startsWith("/api/ratios") ? "old-model" : "gpt-4o";
        return path.replace("{id}", id).replace("{model}", model).replace("{group}", "vip");
    }

    /** The newest entry for the entity and action, once it is there (written right after the answer). */
    private JsonNode newest(String entity, String action) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode page = api.get("/api/audit?entity=" + entity + "&action=" + action + "&size=1", root)
                    .expect(200)
                    .json();
            if (page.path("items").size() > 0) {
                return page.path("items").get(0);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("no audit entry for %s %s", entity, action);
    }

    @ParameterizedTest
    @MethodSource("adminChanges")
    void everyAdminChangeIsAudited(String operation) {
        Case c = CASES.get(operation);
        assertThat(c).as("no audit case for %s: add one to CASES", operation).isNotNull();
        String method = operation.substring(0, operation.indexOf(' '));
        String path = concrete(operation.substring(operation.indexOf(' ') + 1));
        int before = api.get("/api/audit?entity=" + c.entity() + "&action=" + c.action(), root)
                .expect(200)
                .json()
                .path("total")
                .asInt();

        ApiClient.Reply reply = api.send(method, path, c.body(), root, null);
        assertThat(reply.status()).as("%s %s: %s", method, path, reply.body()).isBetween(200, 299);

        JsonNode entry = newest(c.entity(), c.action());
        assertThat(api.get("/api/audit?entity=" + c.entity() + "&action=" + c.action(), root)
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(before + 1);
        assertThat(entry.path("actor").asText()).isEqualTo("root");
        assertThat(entry.path("source").asText()).isEqualTo("api");
        assertThat(entry.toString()).doesNotContain(KEY).doesNotContain("password-bob");
        if (path.matches(".*/\\d+(/.*)?")) {
            assertThat(entry.path("entity_id").asText())
                    .as("entity id")
                    .isIn(Long.toString(channelId), Long.toString(userId), Long.toString(redemptionId));
        }
    }

    @Test
    void entriesCarryBeforeAndAfterWithKeysAsHintsOnly() {
        api.patch("/api/channels/" + channelId, "{\"priority\":5,\"key\":\"sk-rotated-abcdefghijklmnop\"}", root)
                .expect(200);
        JsonNode e = newest("channels", "update");
        assertThat(e.path("entity_id").asText()).isEqualTo(Long.toString(channelId));
        assertThat(e.path("before").path("priority").asInt()).isZero();
        assertThat(e.path("after").path("priority").asInt()).isEqualTo(5);
        assertThat(e.path("before").path("key_hint").asText()).isEqualTo("sk-a...wxyz");
        assertThat(e.path("after").path("key_hint").asText()).isEqualTo("sk-r...mnop");
        assertThat(e.toString()).doesNotContain(KEY).doesNotContain("sk-rotated-abcdefghijklmnop");

        api.delete("/api/channels/" + channelId, root).expect(200);
        JsonNode deleted = newest("channels", "delete");
        assertThat(deleted.path("before").path("name").asText()).isEqualTo("first");
        assertThat(deleted.path("after").isNull()).isTrue();

        JsonNode codes = newest("redemptions", "create");
        assertThat(codes.toString()).doesNotContain("bcr-").contains("***");
    }

    @Test
    void onlyAdministratorsReadTheAuditLogAndRefusedChangesLeaveNoEntry() {
        Auth alice = api.login("alice", "password-alice");
        api.get("/api/audit", alice).expect(403);
        api.post("/api/prices", "{\"model\":\"x\",\"input\":1,\"output\":1}", alice)
                .expect(403);
        api.patch("/api/channels/999", "{\"priority\":1}", root).expect(404);

        JsonNode page = api.get("/api/audit?size=100", root).expect(200).json();
        assertThat(page.path("items"))
                .extracting(n -> n.path("entity_id").asText())
                .doesNotContain("999", "x");
        assertThat(api.get("/api/audit?actor=alice", root).json().path("total").asInt())
                .isZero();
        assertThat(api.get("/api/audit?actor=root&entity=users", root)
                        .json()
                        .path("items")
                        .get(0)
                        .path("after")
                        .path("username")
                        .asText())
                .isEqualTo("alice");
        api.get("/api/audit?from=abc", root).expect(400);
    }
}
