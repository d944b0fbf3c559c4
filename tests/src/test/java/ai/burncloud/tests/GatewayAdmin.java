package ai.burncloud.tests;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The gateway's REST API as an operator's script uses it: sign in as root, add channels, prices and a
 * key, read the request log. Any answer but 2xx fails with the API's own message.
 */
final class GatewayAdmin {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String accessToken;

    private GatewayAdmin(String baseUrl, String accessToken) {
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
    }

    static GatewayAdmin signIn(String baseUrl, String username, String password) {
        GatewayAdmin anonymous = new GatewayAdmin(baseUrl, null);
        JsonNode answer = anonymous.send(
                "POST",
                "/api/auth/login",
                Json.object().put("username", username).put("password", password));
        return new GatewayAdmin(baseUrl, answer.path("access_token").asText());
    }

    long addChannel(
            String name,
            String type,
            String url,
            String key,
            List<String> models,
            int priority,
            Map<String, String> modelMapping,
            String config) {
        ObjectNode body = Json.object()
                .put("name", name)
                .put("type", type)
                .put("key", key)
                .put("priority", priority);
        if (url != null) {
            body.put("base_url", url);
        }
        models.forEach(body.putArray("models")::add);
        if (!modelMapping.isEmpty()) {
            ObjectNode mapping = body.putObject("model_mapping");
            modelMapping.forEach(mapping::put);
        }
        if (config != null) {
            body.set("config", Json.parse(config));
        }
        return send("POST", "/api/channels", body).path("id").asLong();
    }

    void price(String model, String input, String output) {
        send(
                "POST",
                "/api/prices",
                Json.object()
                        .put("model", model)
                        .put("input", input)
                        .put("output", output)
                        .put("cached_input", input));
    }

    /** A new unlimited key of root's. */
    String createKey(String name) {
        return send("POST", "/api/tokens", Json.object().put("name", name))
                .path("key")
                .asText();
    }

    /** The log row of one request, waiting for the batched write (bounded). */
    JsonNode logRow(String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode row : send("GET", "/api/logs?size=100", null).path("items")) {
                if (requestId.equals(row.path("request_id").asText())) {
                    return row;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no request-log row for " + requestId + " within 10 s");
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("content-type", "application/json");
        if (accessToken != null) {
            b.header("authorization", "Bearer " + accessToken);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isEmpty() ? Json.object() : Json.parse(r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
