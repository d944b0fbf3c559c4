package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /v1/models} and {@code /v1/models/{id}} in OpenAI's shape, listing only what the
 * caller's token may use: the enabled models of its group, narrowed by its allow-list.
 */
final class ModelsEndpoint {
    private ModelsEndpoint() {}

    static Set<String> visible(RoutingSnapshot snapshot, AuthorizedToken token) {
        Set<String> models = new TreeSet<>();
        for (String m : snapshot.models(token.group())) {
            if (token.allowsModel(m)) {
                models.add(m);
            }
        }
        return models;
    }

    static byte[] list(RoutingSnapshot snapshot, AuthorizedToken token) {
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String m : visible(snapshot, token)) {
            data.add(model(m));
        }
        return Json.writeBytes(root);
    }

    /** The model, or null when the token cannot see it. */
    static byte[] one(RoutingSnapshot snapshot, AuthorizedToken token, String id) {
        return visible(snapshot, token).contains(id) ? Json.writeBytes(model(id)) : null;
    }

    static String notFound(String id) {
        return "The model '" + id + "' does not exist or you do not have access to it. ("
                + GatewayError.MODEL_NOT_FOUND.code() + ")";
    }

    private static ObjectNode model(String id) {
        ObjectNode m = Json.object();
        m.put("id", id);
        m.put("object", "model");
        m.put("created", 0);
        m.put("owned_by", "burncloud");
        return m;
    }
}
