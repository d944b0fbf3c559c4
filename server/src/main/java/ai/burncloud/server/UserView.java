package ai.burncloud.server;

import ai.burncloud.database.User;
import ai.burncloud.service.JsonViews;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A user as the API shows it (the CLI's {@code user --json} fields); never the password hash. */
final class UserView {
    private UserView() {}

    static ObjectNode json(User u) {
        return JsonViews.user(u);
    }
}
