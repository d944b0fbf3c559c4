package ai.burncloud.server;

import ai.burncloud.database.Token;
import ai.burncloud.service.JsonViews;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A data-plane token as the API shows it: the key's display prefix, never the key or its hash. */
final class TokenView {
    private TokenView() {}

    static ObjectNode json(Token t) {
        return JsonViews.token(t);
    }
}
