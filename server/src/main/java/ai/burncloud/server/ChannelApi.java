package ai.burncloud.server;

import ai.burncloud.service.ChannelRequest;
import ai.burncloud.service.JsonViews;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/channels} (administrators): upstream accounts. The upstream key is write-only: answers
 * carry {@code key_hint} only.
 */
final class ChannelApi {
    private final ApiServices s;
    private final Blocking blocking;

    ChannelApi(ApiServices s, Blocking blocking) {
        this.s = s;
        this.blocking = blocking;
    }

    void register(ApiRoutes r) {
        r.get("/api/channels", Access.ADMIN, this::list);
        r.post("/api/channels", Access.ADMIN, this::create);
        r.get("/api/channels/:id", Access.ADMIN, this::get);
        r.patch("/api/channels/:id", Access.ADMIN, this::update);
        r.delete("/api/channels/:id", Access.ADMIN, this::delete);
        r.post("/api/channels/:id/enable", Access.ADMIN, this::enable);
        r.post("/api/channels/:id/disable", Access.ADMIN, this::disable);
        r.post("/api/channels/:id/test", Access.ADMIN, this::test);
        r.post("/api/channels/:id/models", Access.ADMIN, this::models);
    }

    private void list(RoutingContext ctx) {
        int[] p = Params.paging(ctx);
        blocking.json(ctx, () -> JsonNodes.page(s.repos().channels().list(p[0], p[1]), ChannelView::json));
    }

    private void create(RoutingContext ctx) {
        ChannelRequest req = request(JsonBody.of(ctx));
        blocking.run(ctx, () -> ChannelView.json(s.channels().add(req)), Replies::created);
    }

    private void get(RoutingContext ctx) {
        long id = Params.id(ctx);
        blocking.json(
                ctx, () -> ChannelView.json(s.channels().get(id), s.channels().abilities(id)));
    }

    private void update(RoutingContext ctx) {
        long id = Params.id(ctx);
        ChannelRequest req = request(JsonBody.of(ctx));
        blocking.json(ctx, () -> ChannelView.json(s.channels().update(id, req)));
    }

    private void delete(RoutingContext ctx) {
        long id = Params.id(ctx);
        blocking.json(ctx, () -> ChannelView.json(s.channels().delete(id)));
    }

    private void enable(RoutingContext ctx) {
        long id = Params.id(ctx);
        blocking.json(ctx, () -> ChannelView.json(s.channels().enable(id)));
    }

    private void disable(RoutingContext ctx) {
        long id = Params.id(ctx);
        blocking.json(ctx, () -> ChannelView.json(s.channels().disable(id)));
    }

    private void test(RoutingContext ctx) {
        long id = Params.id(ctx);
        String model = JsonBody.orEmpty(ctx).string("model");
        blocking.run(
                ctx,
                () -> s.tester().test(id, model),
                (c, future) -> future.whenComplete((outcome, error) -> c.vertx().runOnContext(x -> {
                    if (error != null) {
                        Replies.failure(c, error);
                    } else {
                        Replies.ok(c, ChannelView.testResult(outcome.model(), outcome.result(), outcome.channel()));
                    }
                })));
    }

    private void models(RoutingContext ctx) {
        long id = Params.id(ctx);
        blocking.run(
                ctx,
                () -> s.upstreamModels().fetch(s.channels().get(id)),
                (c, future) -> future.whenComplete((models, error) -> c.vertx().runOnContext(x -> {
                    if (error != null) {
                        Replies.failure(c, error);
                    } else {
                        ObjectNode n = JsonViews.object();
                        n.put("channel_id", id);
                        n.set("models", JsonViews.strings(models));
                        Replies.ok(c, n);
                    }
                })));
    }

    private static ChannelRequest request(JsonBody b) {
        return new ChannelRequest(
                b.string("name"),
                b.string("type"),
                b.string("base_url"),
                b.string("key"),
                b.strings("models"),
                b.strings("groups"),
                b.integer("priority"),
                b.integer("weight"),
                b.objectText("model_mapping"),
                b.objectText("config"));
    }
}
