package ai.burncloud.server;

import ai.burncloud.database.GroupRatio;
import ai.burncloud.database.ModelRatio;
import ai.burncloud.service.GroupSummary;
import ai.burncloud.service.JsonViews;
import ai.burncloud.service.PriceEntry;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Prices (USD per 1M tokens) and ratios as the API shows them. A price names its alias target as
 * {@code alias} (the field) and {@code alias_for} (the CLI's), and shows the price it
 * resolves to.
 */
final class PriceView {
    private PriceView() {}

    static ObjectNode json(PriceEntry e) {
        return JsonViews.price(e);
    }

    static ObjectNode json(ModelRatio r) {
        ObjectNode n = JsonViews.object();
        n.put("model", r.model());
        n.put("ratio", r.ratio());
        n.put("completion_ratio", r.completionRatio());
        return n;
    }

    static ObjectNode json(GroupRatio r) {
        ObjectNode n = JsonViews.object();
        n.put("group", r.group());
        n.put("ratio", r.ratio());
        n.put("description", r.description());
        return n;
    }

    static ObjectNode json(GroupSummary g) {
        ObjectNode n = JsonViews.object();
        n.put("name", g.name());
        n.put("ratio", g.ratio());
        n.put("ratio_set", g.ratioSet());
        n.put("description", g.description());
        n.put("users", g.users());
        n.put("channels", g.channels());
        return n;
    }
}
