package ai.burncloud.server;

import ai.burncloud.common.Money;
import ai.burncloud.database.Redemption;
import ai.burncloud.service.ConsoleCaller;
import ai.burncloud.service.CreatedRedemptions;
import ai.burncloud.service.JsonViews;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/redemptions} (administrators): batches of codes, shown in full only when created;
 * {@code /api/redeem} (any user): credits a code to the caller's balance exactly once.
 */
final class RedemptionApi {
    private final ApiServices s;
    private final Blocking blocking;

    RedemptionApi(ApiServices s, Blocking blocking) {
        this.s = s;
        this.blocking = blocking;
    }

    void register(ApiRoutes r) {
        r.get("/api/redemptions", Access.ADMIN, this::list);
        r.post("/api/redemptions", Access.ADMIN, this::create);
        r.delete("/api/redemptions/:id", Access.ADMIN, this::delete);
        r.post("/api/redeem", Access.USER, this::redeem);
    }

    private void list(RoutingContext ctx) {
        int[] p = Params.paging(ctx);
        blocking.json(ctx, () -> JsonNodes.page(s.redemptions().page(p[0], p[1]), RedemptionApi::json));
    }

    private void create(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        JsonBody b = JsonBody.of(ctx);
        String name = b.requiredString("name");
        String amount = b.amount("amount");
        if (amount == null) {
            throw ApiException.invalid("amount is required");
        }
        Integer count = b.integer("count");
        blocking.run(
                ctx,
                () -> {
                    CreatedRedemptions c = s.redemptions().create(name, amount, count == null ? 1 : count, caller.id());
                    ObjectNode n = JsonViews.object();
                    n.put("name", c.name());
                    JsonViews.money(n, "amount", c.amount());
                    n.put("count", c.ids().size());
                    var items = n.putArray("items");
                    for (int i = 0; i < c.ids().size(); i++) {
                        items.addObject()
                                .put("id", c.ids().get(i))
                                .put("code", c.codes().get(i));
                    }
                    return n;
                },
                Replies::created);
    }

    private void delete(RoutingContext ctx) {
        long id = Params.id(ctx);
        blocking.json(ctx, () -> json(s.redemptions().deleteUnused(id)));
    }

    private void redeem(RoutingContext ctx) {
        ConsoleCaller caller = Authenticator.caller(ctx);
        String code = JsonBody.of(ctx).requiredString("code");
        blocking.json(ctx, () -> {
            long credited = s.redemptions().redeem(code, caller.id());
            long balance = s.users().get(caller.id()).balance();
            ObjectNode n = JsonViews.object();
            JsonViews.money(n, "amount", credited);
            JsonViews.limit(n, "balance", balance);
            return n;
        });
    }

    static ObjectNode json(Redemption r) {
        ObjectNode n = JsonViews.object();
        n.put("id", r.id());
        n.put("name", r.name());
        n.put("code_prefix", r.codePrefix());
        n.put("amount", Money.toDollars(r.amount()));
        n.put("status", r.status());
        n.put("created_by", r.createdBy());
        n.put("created_at", r.createdAt());
        n.put("redeemed_by", r.redeemedBy());
        n.put("redeemed_at", r.redeemedAt());
        return n;
    }
}
