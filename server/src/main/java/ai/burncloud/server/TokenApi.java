package ai.burncloud.server;

import ai.burncloud.database.User;
import ai.burncloud.service.ConsoleCaller;
import ai.burncloud.service.CreatedToken;
import ai.burncloud.service.ServiceException;
import ai.burncloud.service.TokenRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/tokens}: users manage their own data-plane keys, administrators anyone's. A token of
 * someone else is "not found" to a user (404, not 403: its existence does not leak).
 */
final class TokenApi {
    private final ApiServices s;
    private final Blocking blocking;

    TokenApi(ApiServices s, Blocking blocking) {
        this.s = s;
        this.blocking = blocking;
    }

    void register(ApiRoutes r) {
        r.get("/api/tokens", Access.USER, this::list);
        r.post("/api/tokens", Access.USER, this::create);
        r.get("/api/tokens/:id", Access.USER, this::get);
        r.patch("/api/tokens/:id", Access.USER, this::update);
        r.delete("/api/tokens/:id", Access.USER, this::delete);
    }

    /** Whose tokens the caller may touch: their own, or (null) anyone's for administrators. */
    private static Long owner(ConsoleCaller caller) {
        return caller.isAdmin() ? null : caller.id();
    }

    private void list(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        int[] p = Params.paging(ctx);
        Long user = Params.queryLong(ctx, "user");
        Long owner = caller.isAdmin() ? user : Long.valueOf(caller.id());
        if (!caller.isAdmin() && user != null && user != caller.id()) {
            owner = -1L; // someone else's: nothing to see
        }
        Long o = owner;
        blocking.json(ctx, () -> JsonNodes.page(s.tokens().page(o, p[0], p[1]), TokenView::json));
    }

    private void create(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        JsonBody b = JsonBody.of(ctx);
        Long userId = b.has("user_id") ? Long.valueOf(b.integer("user_id")) : null;
        String username = b.string("user");
        if (!caller.isAdmin()
                && (userId != null && userId != caller.id()
                        || username != null && !username.equals(caller.user().username()))) {
            throw ApiException.forbidden("you can create tokens only for yourself");
        }
        TokenRequest req = request(b, null);
        blocking.run(
                ctx,
                () -> {
                    User owner = userId != null
                            ? s.users().get(userId)
                            : username != null ? s.users().get(username) : caller.user();
                    CreatedToken t = s.tokens().createFor(owner, caller.isAdmin(), req);
                    ObjectNode n = TokenView.json(t.token());
                    n.put("key", t.key());
                    return n;
                },
                Replies::created);
    }

    private void get(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        long id = Params.id(ctx);
        blocking.json(ctx, () -> TokenView.json(s.tokens().get(id, owner(caller))));
    }

    private void update(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        long id = Params.id(ctx);
        JsonBody b = JsonBody.of(ctx);
        if (b.has("user") || b.has("user_id")) {
            throw ServiceException.invalid("a token's owner cannot change; create a new token instead");
        }
        TokenRequest req = request(b, null);
        blocking.json(ctx, () -> TokenView.json(s.tokens().update(id, owner(caller), caller.isAdmin(), req)));
    }

    private void delete(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        long id = Params.id(ctx);
        blocking.json(ctx, () -> TokenView.json(s.tokens().delete(id, owner(caller))));
    }

    private static TokenRequest request(JsonBody b, String user) {
        return new TokenRequest(
                b.string("name"),
                user,
                b.has("quota") ? b.amount("quota") : b.amount("quota_limit"),
                b.has("expires_at") ? b.numberOrString("expires_at") : b.numberOrString("expires"),
                b.strings("models"),
                b.string("group"),
                b.integer("rpm"),
                b.strings("ip_ranges"),
                b.string("status"),
                b.integer("tpm"));
    }
}
