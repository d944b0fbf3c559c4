package ai.burncloud.server;

import ai.burncloud.service.JsonViews;
import ai.burncloud.service.PriceEntry;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;

/**
 * {@code /api/prices} (everyone reads, administrators write), {@code /api/ratios/models},
 * {@code /api/ratios/groups} and {@code /api/groups} (administrators). Prices are USD per 1M tokens.
 */
final class PriceApi {
    private final ApiServices s;
    private final Blocking blocking;

    PriceApi(ApiServices s, Blocking blocking) {
        this.s = s;
        this.blocking = blocking;
    }

    void register(ApiRoutes r) {
        r.get("/api/prices", Access.USER, this::list);
        r.post("/api/prices", Access.ADMIN, this::set);
        r.get("/api/prices/:model", Access.USER, this::get);
        r.put("/api/prices/:model", Access.ADMIN, this::set);
        r.delete("/api/prices/:model", Access.ADMIN, this::delete);
        r.get("/api/ratios/models", Access.ADMIN, this::modelRatios);
        r.post("/api/ratios/models", Access.ADMIN, this::setModelRatio);
        r.delete("/api/ratios/models/:model", Access.ADMIN, this::deleteModelRatio);
        r.get("/api/ratios/groups", Access.ADMIN, this::groupRatios);
        r.post("/api/ratios/groups", Access.ADMIN, this::setGroupRatio);
        r.delete("/api/ratios/groups/:group", Access.ADMIN, this::deleteGroupRatio);
        r.get("/api/groups", Access.ADMIN, this::groups);
    }

    private void list(RoutingContext ctx) {
        blocking.json(ctx, () -> JsonNodes.list(s.prices().list(), PriceView::json));
    }

    private void get(RoutingContext ctx) {
        String model = ctx.pathParam("model");
        blocking.json(ctx, () -> PriceView.json(s.prices().get(model)));
    }

    /** {@code {model, input, output, cached_input}} or {@code {model, alias}}; PUT takes the model from the path. */
    private void set(RoutingContext ctx) {
        JsonBody b = JsonBody.of(ctx);
        String model = ctx.pathParam("model") != null ? ctx.pathParam("model") : b.requiredString("model");
        String alias = b.has("alias") ? b.string("alias") : b.string("alias_for");
        String input = b.amount("input");
        String output = b.amount("output");
        String cached = b.amount("cached_input");
        if (alias != null && (input != null || output != null || cached != null)) {
            throw ApiException.invalid("give input and output, or alias, not both");
        }
        if (alias == null && (input == null || output == null)) {
            throw ApiException.invalid("input and output are required (or alias)");
        }
        blocking.json(ctx, () -> {
            PriceEntry e =
                    alias != null ? s.prices().alias(model, alias) : s.prices().set(model, input, output, cached);
            return PriceView.json(e);
        });
    }

    private void delete(RoutingContext ctx) {
        String model = ctx.pathParam("model");
        blocking.json(ctx, () -> {
            ObjectNode n = JsonViews.object();
            n.put("model", model);
            n.set("broken_aliases", JsonViews.strings(s.prices().delete(model)));
            return n;
        });
    }

    private void modelRatios(RoutingContext ctx) {
        blocking.json(ctx, () -> JsonNodes.list(s.ratios().modelRatios(), PriceView::json));
    }

    private void setModelRatio(RoutingContext ctx) {
        JsonBody b = JsonBody.of(ctx);
        String model = b.requiredString("model");
        BigDecimal ratio = b.decimal("ratio");
        BigDecimal completion = b.decimal("completion_ratio");
        blocking.json(ctx, () -> PriceView.json(s.ratios().setModelRatio(model, ratio, completion)));
    }

    private void deleteModelRatio(RoutingContext ctx) {
        String model = ctx.pathParam("model");
        blocking.run(
                ctx,
                () -> {
                    s.ratios().deleteModelRatio(model);
                    return true;
                },
                (c, x) -> Replies.noContent(c));
    }

    private void groupRatios(RoutingContext ctx) {
        blocking.json(ctx, () -> JsonNodes.list(s.ratios().groupRatios(), PriceView::json));
    }

    private void setGroupRatio(RoutingContext ctx) {
        JsonBody b = JsonBody.of(ctx);
        String group = b.requiredString("group");
        BigDecimal ratio = b.decimal("ratio");
        String description = b.string("description");
        blocking.json(ctx, () -> PriceView.json(s.ratios().setGroupRatio(group, ratio, description)));
    }

    private void deleteGroupRatio(RoutingContext ctx) {
        String group = ctx.pathParam("group");
        blocking.run(
                ctx,
                () -> {
                    s.ratios().deleteGroupRatio(group);
                    return true;
                },
                (c, x) -> Replies.noContent(c));
    }

    private void groups(RoutingContext ctx) {
        blocking.json(ctx, () -> JsonNodes.list(s.ratios().groups(), PriceView::json));
    }
}
