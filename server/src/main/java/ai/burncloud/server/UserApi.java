package ai.burncloud.server;

import ai.burncloud.service.ConsoleCaller;
import ai.burncloud.service.NewUserRequest;
import ai.burncloud.service.UserChanges;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/users} (administrators): list and search, create, get, update, delete, top up. */
final class UserApi {
    private final ApiServices s;
    private final Blocking blocking;

    UserApi(ApiServices s, Blocking blocking) {
        this.s = s;
        this.blocking = blocking;
    }

    void register(ApiRoutes r) {
        r.get("/api/users", Access.ADMIN, this::list);
        r.post("/api/users", Access.ADMIN, this::create);
        r.get("/api/users/:id", Access.ADMIN, this::get);
        r.patch("/api/users/:id", Access.ADMIN, this::update);
        r.delete("/api/users/:id", Access.ADMIN, this::delete);
        r.post("/api/users/:id/topup", Access.ADMIN, this::topUp);
    }

    private void list(RoutingContext ctx) {
        int[] p = Params.paging(ctx);
        String search = Params.query(ctx, "search");
        blocking.json(ctx, () -> JsonNodes.page(s.users().page(search, p[0], p[1]), UserView::json));
    }

    private void create(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        JsonBody b = JsonBody.of(ctx);
        NewUserRequest req = new NewUserRequest(
                b.requiredString("username"),
                b.string("password"),
                b.string("role"),
                b.string("group"),
                b.amount("balance"));
        blocking.run(ctx, () -> UserView.json(s.users().add(caller.role(), req)), Replies::created);
    }

    private void get(RoutingContext ctx) {
        long id = Params.id(ctx);
        blocking.json(ctx, () -> UserView.json(s.users().get(id)));
    }

    private void update(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        long id = Params.id(ctx);
        JsonBody b = JsonBody.of(ctx);
        UserChanges changes =
                new UserChanges(b.string("role"), b.string("group"), b.string("status"), b.string("password"));
        blocking.json(ctx, () -> UserView.json(s.users().update(caller.role(), id, changes)));
    }

    private void delete(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        long id = Params.id(ctx);
        if (id == caller.id()) {
            throw ApiException.invalid("you cannot delete yourself");
        }
        blocking.json(ctx, () -> UserView.json(s.users().delete(caller.role(), id)));
    }

    private void topUp(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        long id = Params.id(ctx);
        String amount = JsonBody.of(ctx).amount("amount");
        if (amount == null) {
            throw ApiException.invalid("amount is required");
        }
        blocking.json(ctx, () -> UserView.json(s.users().topUp(caller.role(), id, amount)));
    }
}
