package ai.burncloud.cli;

import ai.burncloud.database.User;
import ai.burncloud.service.JsonViews;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Users as people and scripts see them; password hashes are never shown. */
final class UserViews {
    private UserViews() {}

    static ObjectNode json(User u) {
        return JsonViews.user(u);
    }

    static ArrayNode json(List<User> users) {
        ArrayNode a = JsonViews.array();
        users.forEach(u -> a.add(json(u)));
        return a;
    }

    static Table table(List<User> users) {
        Table t = Table.of("ID", "USERNAME", "ROLE", "GROUP", "STATUS", "BALANCE", "USED", "REQUESTS");
        for (User u : users) {
            t.row(
                    u.id(),
                    u.username(),
                    u.role().id(),
                    u.group(),
                    u.status().id(),
                    Formats.money(u.balance()),
                    Formats.money(u.usedQuota()),
                    u.requestCount());
        }
        return t;
    }
}
