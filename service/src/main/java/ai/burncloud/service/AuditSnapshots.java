package ai.burncloud.service;

import ai.burncloud.database.GroupRatio;
import ai.burncloud.database.ModelRatio;
import ai.burncloud.database.Repositories;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an audited entity looks like now, as the API shows it (keys as hints only), for the before
 * and after values of an audit entry. Entities without a view here are recorded without values.
 */
public final class AuditSnapshots {
    private final Repositories repos;
    private final PriceAdmin prices;

    public AuditSnapshots(Repositories repos) {
        this.repos = repos;
        this.prices = new PriceAdmin(repos);
    }

    /** The entity's current view, or null when it does not exist (yet, or any more) or has no view. */
    public JsonNode load(String entity, String id) {
        if (id == null) {
            return null;
        }
        try {
            return switch (entity) {
                case "channels" ->
                    repos.channels()
                            .findById(Long.parseLong(id))
                            .map(JsonViews::channel)
                            .orElse(null);
                case "users" ->
                    repos.users()
                            .findById(Long.parseLong(id))
                            .map(JsonViews::user)
                            .orElse(null);
                case "tokens" ->
                    repos.tokens()
                            .findById(Long.parseLong(id))
                            .map(JsonViews::token)
                            .orElse(null);
                case "prices" -> JsonViews.price(prices.get(id));
                case "ratios.models" ->
                    repos.ratios()
                            .findModelRatio(id)
                            .map(r -> (JsonNode) modelRatio(r))
                            .orElse(null);
                case "ratios.groups" ->
                    repos.ratios()
                            .findGroupRatio(id)
                            .map(r -> (JsonNode) groupRatio(r))
                            .orElse(null);
                default -> null;
            };
        } catch (NumberFormatException | ServiceException notThere) {
            return null;
        }
    }

    private static ObjectNode modelRatio(ModelRatio r) {
        ObjectNode n = JsonViews.object().put("model", r.model()).put("ratio", r.ratio());
        return n.put("completion_ratio", r.completionRatio());
    }

    private static ObjectNode groupRatio(GroupRatio r) {
        return JsonViews.object()
                .put("group", r.group())
                .put("ratio", r.ratio())
                .put("description", r.description());
    }
}
