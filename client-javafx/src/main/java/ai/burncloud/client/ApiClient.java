package ai.burncloud.client;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The REST API of one server with one access token. Every call is asynchronous (the HTTP client's
 * own threads): callers post results to the FX thread. A call that gets no answer tells the bus the
 * server is lost.
 */
public final class ApiClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String server;
    private final String token;
    private final EventBus bus;

    ApiClient(HttpClient http, String server, String token, EventBus bus) {
        this.http = http;
        this.server = server;
        this.token = token;
        this.bus = bus;
    }

    public String server() {
        return server;
    }

    String token() {
        return token;
    }

    HttpClient http() {
        return http;
    }

    /** Signs in with a password; the answer carries {@code access_token}. Needs no token. */
    static CompletableFuture<JsonNode> login(HttpClient http, String server, String username, String password) {
        String body = Json.write(Json.object().put("username", username).put("password", password));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/api/auth/login"))
                .timeout(TIMEOUT)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((resp, failure) -> answer(server, resp, failure));
    }

    public CompletableFuture<JsonNode> get(String path) {
        return send("GET", path, null);
    }

    public CompletableFuture<JsonNode> post(String path, Object body) {
        return send("POST", path, body);
    }

    public CompletableFuture<JsonNode> patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public CompletableFuture<JsonNode> put(String path, Object body) {
        return send("PUT", path, body);
    }

    public CompletableFuture<JsonNode> delete(String path) {
        return send("DELETE", path, null);
    }

    /** {@code path?k=v&...} with the values encoded; blank values are left out. */
    public static String query(String path, Map<String, String> params) {
        StringJoiner q = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                q.add(k + "=" + URLEncoder.encode(v.strip(), StandardCharsets.UTF_8));
            }
        });
        return q.length() == 0 ? path : path + "?" + q;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server + path)).header("authorization", "Bearer " + token);
    }

    private CompletableFuture<JsonNode> send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.write(body));
        HttpRequest.Builder b = request(path).timeout(TIMEOUT).method(method, publisher);
        if (body != null) {
            b.header("content-type", "application/json");
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).handle((resp, failure) -> {
            try {
                return answer(server, resp, failure);
            } catch (ApiException e) {
                if (e.unreachable()) {
                    bus.publish(ServerEvent.lost(e.getMessage()));
                }
                throw e;
            }
        });
    }

    private static JsonNode answer(String server, HttpResponse<String> resp, Throwable failure) {
        if (failure != null) {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            throw ApiException.unreachable(server, cause);
        }
        String text = resp.body();
        JsonNode json;
        try {
            json = text == null || text.isBlank()
                    ? NullNode.getInstance()
                    : Json.mapper().readTree(text);
        } catch (IOException e) {
            json = NullNode.getInstance();
        }
        if (resp.statusCode() >= 400) {
            JsonNode error = json.path("error");
            String message = error.path("message").asText("");
            throw new ApiException(
                    resp.statusCode(),
                    error.path("code").asText(""),
                    message.isEmpty() ? "the server answered HTTP " + resp.statusCode() : message);
        }
        return json;
    }
}
