package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Json;
import ai.burncloud.router.translate.ClientApi;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The model listing ({@code GET /v1/models}, {@code /v1/models/{id}}, {@code /v1beta/models},
 * {@code /v1beta/models/{id}}) in the shape of the SDK that asks — OpenAI's, Anthropic's (with
 * {@code limit}, {@code after_id}, {@code before_id}) or Gemini's (with {@code pageSize},
 * {@code pageToken}) — listing only what the caller's token may use: the enabled models of its group,
 * narrowed by its allow-list, in name order.
 */
final class ModelsEndpoint {
    private static final int ANTHROPIC_DEFAULT_LIMIT = 20;
    private static final int GEMINI_DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 1000;
    private static final String EPOCH = "1970-01-01T00:00:00Z";

    private ModelsEndpoint() {}

    /** A listing request the caller got wrong: answered 400 in its dialect. */
    static final class BadListing extends Exception {
        BadListing(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Whose SDK is asking. {@code /v1beta/…} is Gemini's; on {@code /v1/models} the credential tells:
     * the Gemini SDKs send {@code x-goog-api-key} (or {@code ?key=}), the Anthropic SDKs
     * {@code anthropic-version} (with {@code x-api-key} or a bearer token).
     */
    static ClientApi dialect(DataPlaneRoute route, HttpHeaders headers, QueryStringDecoder uri) {
        if (route.api() == ClientApi.GEMINI
                || headers.contains("x-goog-api-key")
                || uri.parameters().containsKey("key")) {
            return ClientApi.GEMINI;
        }
        if (headers.contains("anthropic-version") || headers.contains("x-api-key")) {
            return ClientApi.ANTHROPIC;
        }
        return ClientApi.OPENAI;
    }

    static Set<String> visible(RoutingSnapshot snapshot, AuthorizedToken token) {
        Set<String> models = new TreeSet<>();
        for (String m : snapshot.models(token.group())) {
            if (token.allowsModel(m)) {
                models.add(m);
            }
        }
        return models;
    }

    static byte[] list(ClientApi api, RoutingSnapshot snapshot, AuthorizedToken token, QueryStringDecoder uri)
            throws BadListing {
        List<String> models = new ArrayList<>(visible(snapshot, token));
        return switch (api) {
            case GEMINI -> geminiList(models, uri);
            case ANTHROPIC -> anthropicList(models, uri);
            default -> openAiList(models);
        };
    }

    /** The model, or null when the token cannot see it. */
    static byte[] one(ClientApi api, RoutingSnapshot snapshot, AuthorizedToken token, String id) {
        String name = api == ClientApi.GEMINI && id.startsWith("models/") ? id.substring("models/".length()) : id;
        if (!visible(snapshot, token).contains(name)) {
            return null;
        }
        return Json.writeBytes(
                switch (api) {
                    case GEMINI -> geminiModel(name);
                    case ANTHROPIC -> anthropicModel(name);
                    default -> openAiModel(name);
                });
    }

    static String notFound(String id) {
        return "The model '" + id + "' does not exist or you do not have access to it. ("
                + GatewayError.MODEL_NOT_FOUND.code() + ")";
    }

    private static byte[] openAiList(List<String> models) {
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        models.forEach(m -> data.add(openAiModel(m)));
        return Json.writeBytes(root);
    }

    private static ObjectNode openAiModel(String id) {
        ObjectNode m = Json.object();
        m.put("id", id);
        m.put("object", "model");
        m.put("created", 0);
        m.put("owned_by", "burncloud");
        return m;
    }

    /** Anthropic's page: {@code after_id} pages forward, {@code before_id} backward. */
    private static byte[] anthropicList(List<String> models, QueryStringDecoder uri) throws BadListing {
        int limit = size(uri, "limit", ANTHROPIC_DEFAULT_LIMIT);
        String after = param(uri, "after_id");
        String before = param(uri, "before_id");
        if (after != null && before != null) {
            throw new BadListing("after_id and before_id cannot be used together");
        }
        int from;
        int to;
        if (before != null) {
            to = indexOf(models, before, "before_id");
            from = Math.max(0, to - limit);
        } else {
            from = after == null ? 0 : indexOf(models, after, "after_id") + 1;
            to = Math.min(models.size(), from + limit);
        }
        List<String> page = models.subList(from, to);
        ObjectNode root = Json.object();
        ArrayNode data = root.putArray("data");
        page.forEach(m -> data.add(anthropicModel(m)));
        root.put("has_more", before != null ? from > 0 : to < models.size());
        root.put("first_id", page.isEmpty() ? null : page.get(0));
        root.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1));
        return Json.writeBytes(root);
    }

    private static ObjectNode anthropicModel(String id) {
        ObjectNode m = Json.object();
        m.put("type", "model");
        m.put("id", id);
        m.put("display_name", id);
        m.put("created_at", EPOCH);
        return m;
    }

    /** Gemini's page: {@code pageToken} is the opaque name of the last model of the previous page. */
    private static byte[] geminiList(List<String> models, QueryStringDecoder uri) throws BadListing {
        int size = size(uri, "pageSize", GEMINI_DEFAULT_PAGE);
        String token = param(uri, "pageToken");
        int from = 0;
        if (token != null) {
            String last;
            try {
                last = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadListing("pageToken is not a token this server issued");
            }
            int i = models.indexOf(last);
            if (i < 0) {
                throw new BadListing("pageToken is not a token this server issued");
            }
            from = i + 1;
        }
        int to = Math.min(models.size(), from + size);
        ObjectNode root = Json.object();
        ArrayNode data = root.putArray("models");
        models.subList(from, to).forEach(m -> data.add(geminiModel(m)));
        if (to < models.size()) {
            root.put(
                    "nextPageToken",
                    Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(models.get(to - 1).getBytes(StandardCharsets.UTF_8)));
        }
        return Json.writeBytes(root);
    }

    private static ObjectNode geminiModel(String id) {
        ObjectNode m = Json.object();
        m.put("name", "models/" + id);
        m.put("baseModelId", id);
        m.put("version", "burncloud");
        m.put("displayName", id);
        m.put("description", "Served by BurnCloud");
        ArrayNode methods = m.putArray("supportedGenerationMethods");
        for (String method : new String[] {"generateContent", "streamGenerateContent", "countTokens", "embedContent"}) {
            methods.add(method);
        }
        return m;
    }

    private static int size(QueryStringDecoder uri, String name, int fallback) throws BadListing {
        String value = param(uri, name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // the message below
        }
        throw new BadListing(name + " must be a whole number from 1 to " + MAX_PAGE);
    }

    private static int indexOf(List<String> models, String id, String param) throws BadListing {
        int i = models.indexOf(id);
        if (i < 0) {
            throw new BadListing(param + " '" + id + "' is not a model you can see");
        }
        return i;
    }

    private static String param(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }
}
