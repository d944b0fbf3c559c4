package ai.burncloud.service;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.Json;
import ai.burncloud.database.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Asks a channel's provider which models it offers, where the provider has such a list: OpenAI and
 * compatible hosts, Qwen, Azure, Anthropic and Gemini (Bedrock has none on its runtime endpoint).
 * Asynchronous; the credential goes only into the request header and never into a message.
 */
public final class UpstreamModels {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final HttpClient http;

    public UpstreamModels() {
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The models the provider lists, sorted.
     *
     * @throws ServiceException UNPROCESSABLE when the provider has no model list (thrown at once);
     *     the future fails with UNAVAILABLE when the provider cannot be reached or refuses
     */
    public CompletableFuture<List<String>> fetch(Channel c) {
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(TIMEOUT).GET();
        String base = c.baseUrl();
        switch (c.type()) {
            case OPENAI, QWEN -> b.uri(URI.create(base + "/models")).header("authorization", "Bearer " + c.apiKey());
            case AZURE ->
                b.uri(URI.create(base + "/openai/models?api-version=" + azureVersion(c)))
                        .header("api-key", c.apiKey());
            case ANTHROPIC ->
                b.uri(URI.create(base + "/v1/models?limit=1000"))
                        .header("x-api-key", c.apiKey())
                        .header("anthropic-version", "2023-06-01");
            case GEMINI ->
                b.uri(URI.create(base + "/v1beta/models?pageSize=1000")).header("x-goog-api-key", c.apiKey());
            default ->
                throw ServiceException.unprocessable(
                        c.type().id() + " channels have no model list to fetch; set their models by hand");
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((resp, error) -> {
                    if (error != null) {
                        Throwable cause = error;
                        while (cause.getCause() != null && cause.getCause() != cause) {
                            cause = cause.getCause();
                        }
                        throw ServiceException.unavailable("could not reach the provider ("
                                + cause.getClass().getSimpleName() + ")");
                    }
                    if (resp.statusCode() != 200) {
                        throw ServiceException.unavailable("the provider answered HTTP " + resp.statusCode());
                    }
                    if (resp.body().length > MAX_BODY) {
                        throw ServiceException.unavailable("the provider's model list is too large");
                    }
                    return parse(c.type(), resp.body());
                });
    }

    static List<String> parse(ChannelType type, byte[] body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw ServiceException.unavailable("the provider's model list is not JSON");
        }
        TreeSet<String> models = new TreeSet<>();
        if (type == ChannelType.GEMINI) {
            for (JsonNode m : root.path("models")) {
                String name = m.path("name").asText("");
                models.add(name.startsWith("models/") ? name.substring(7) : name);
            }
        } else {
            for (JsonNode m : root.path("data")) {
                models.add(m.path("id").asText(""));
            }
        }
        models.remove("");
        return new ArrayList<>(models);
    }

    private static String azureVersion(Channel c) {
        String v = "2024-10-21";
        if (c.config() != null) {
            v = Json.parse(c.config()).path("api_version").asText(v);
        }
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
