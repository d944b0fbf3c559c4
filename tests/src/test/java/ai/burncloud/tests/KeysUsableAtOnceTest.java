package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.cli.CliContext;
import ai.burncloud.cli.Main;
import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Create a key, use it": a key made through the REST API or by the CLI (another process, same
 * database file) works on the very next request, with the router's snapshot poll slowed to a minute
 * so that nothing but the write path and the unknown-key lookup can make it work.
 */
class KeysUsableAtOnceTest {
    private static final String ROOT_PASSWORD = "keys-root-password";
    private static final String CHAT =
            "{\"model\":\"gpt-4o\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakeUpstream upstream;
    private RunningGateway gw;
    private String root;

    @BeforeEach
    void start() {
        upstream = FakeUpstream.start();
        upstream.always(Reply.json(200, Fixtures.text("openai/chat-completion.openapi-spec-example.json")));
        gw = RunningGateway.start(Map.of("SNAPSHOT_REFRESH_MS", "60000", "BURNCLOUD_ROOT_PASSWORD", ROOT_PASSWORD));
        gw.addChannel("up", "openai", upstream.baseUrl() + "/v1", List.of("gpt-4o"), null);
        gw.price("gpt-4o", "1", "1");
        gw.sync();
        root = call("POST", "/api/auth/login", "{\"username\":\"root\",\"password\":\"" + ROOT_PASSWORD + "\"}", null)
                .path("access_token")
                .asText();
    }

    @AfterEach
    void stop() {
        gw.close();
        upstream.close();
    }

    @Test
    void keysCreatedThroughTheApiWorkOnTheVeryNextRequest() {
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String key = call("POST", "/api/tokens", "{\"name\":\"api-" + i + "\"}", root)
                    .path("key")
                    .asText();
            HttpResponse<String> r = chat(key);
            if (r.statusCode() != 200) {
                refused.add(i + ": " + r.statusCode() + " " + r.body());
            }
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void enablingDisablingAndReQuotaingThroughTheApiApplyToTheVeryNextRequest() {
        JsonNode created = call("POST", "/api/tokens", "{\"name\":\"later\",\"status\":\"disabled\"}", root);
        String key = created.path("key").asText();
        long id = created.path("id").asLong();
        assertThat(chat(key).statusCode()).isEqualTo(401);
        call("PATCH", "/api/tokens/" + id, "{\"status\":\"enabled\"}", root);
        assertThat(chat(key).statusCode()).isEqualTo(200);
        call("PATCH", "/api/tokens/" + id, "{\"status\":\"disabled\"}", root);
        assertThat(chat(key).statusCode()).isEqualTo(401);

        // a quota too small for the hold, then raised
        JsonNode poor = call("POST", "/api/tokens", "{\"name\":\"poor\",\"quota\":0.000001}", root);
        String poorKey = poor.path("key").asText();
        HttpResponse<String> refused = chat(poorKey);
        assertThat(Json.parse(refused.body()).path("error").path("code").asText())
                .isEqualTo("insufficient_quota");
        call("PATCH", "/api/tokens/" + poor.path("id").asLong(), "{\"quota\":10}", root);
        assertThat(chat(poorKey).statusCode()).isEqualTo(200);

        // deleting is immediate too
        call("DELETE", "/api/tokens/" + poor.path("id").asLong(), null, root);
        assertThat(chat(poorKey).statusCode()).isEqualTo(401);
    }

    @Test
    void keysCreatedByTheCliInAnotherProcessWorkOnTheVeryNextRequest() {
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String key = Json.parse(cli("token", "create", "--name", "cli-" + i, "--json"))
                    .path("key")
                    .asText();
            HttpResponse<String> r = chat(key);
            if (r.statusCode() != 200) {
                refused.add(i + ": " + r.statusCode() + " " + r.body());
            }
        }
        assertThat(refused).isEmpty();
    }

    /** The real CLI command classes, with their own connection to the same database file. */
    private String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]),
                Map.of("DATABASE_URL", gw.databaseUrl()),
                gw.dir().resolve("absent.env"),
                app -> {});
        int code = Main.run(ctx, args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    private HttpResponse<String> chat(String key) {
        return send(request("POST", "/v1/chat/completions", CHAT, key));
    }

    private JsonNode call(String method, String path, String body, String bearer) {
        HttpResponse<String> r = send(request(method, path, body, bearer));
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return Json.parse(r.body());
    }

    private HttpRequest request(String method, String path, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gw.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("content-type", "application/json");
        }
        if (bearer != null) {
            b.header("authorization", "Bearer " + bearer);
        }
        return b.build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
