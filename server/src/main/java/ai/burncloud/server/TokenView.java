package ai.burncloud.server;

import ai.burncloud.database.Token;
import ai.burncloud.service.JsonViews;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A data-plane token as the API shows it: the key's display prefix, never the key or its hash. */
final class TokenView {
    private TokenView() {}

    static ObjectNode json(Token t) {
        ObjectNode n = JsonViews.object();
        n.put("id", t.id());
        n.put("name", t.name());
        n.put("user_id", t.userId());
        n.put("key_prefix", t.keyPrefix());
        n.put("status", t.status().id());
        JsonViews.limit(n, "quota_limit", t.quotaLimit());
        JsonViews.money(n, "used_quota", t.usedQuota());
        n.put("expires_at", t.expiresAt());
        n.set("models", JsonViews.strings(t.models()));
        n.set("ip_ranges", JsonViews.strings(t.ipRanges()));
        n.put("group", t.groupOverride());
        n.put("rpm", t.rpm());
        n.put("created_at", t.createdAt());
        n.put("updated_at", t.updatedAt());
        return n;
    }
}
