package ai.burncloud.server;

import ai.burncloud.database.User;
import ai.burncloud.service.JsonViews;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A user as the API shows it (the CLI's {@code user --json} fields); never the password hash. */
final class UserView {
    private UserView() {}

    static ObjectNode json(User u) {
        ObjectNode n = JsonViews.object();
        n.put("id", u.id());
        n.put("username", u.username());
        n.put("role", u.role().id());
        n.put("group", u.group());
        n.put("status", u.status().id());
        JsonViews.limit(n, "balance", u.balance());
        JsonViews.money(n, "used_quota", u.usedQuota());
        n.put("request_count", u.requestCount());
        n.put("has_password", u.passwordHash() != null);
        if (u.inviterId() == null) {
            n.putNull("inviter_id");
        } else {
            n.put("inviter_id", u.inviterId());
        }
        n.put("created_at", u.createdAt());
        n.put("updated_at", u.updatedAt());
        return n;
    }
}
