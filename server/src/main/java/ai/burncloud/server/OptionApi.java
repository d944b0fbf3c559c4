package ai.burncloud.server;

import ai.burncloud.common.Money;
import ai.burncloud.service.ConsoleOptions;
import ai.burncloud.service.JsonViews;
import ai.burncloud.service.OptionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/options} (root): runtime options, validated as a whole and applied at once (each is
 * read where it is used; the router sees the configuration version move within a second).
 */
final class OptionApi {
    private final ApiServices s;
    private final Blocking blocking;

    OptionApi(ApiServices s, Blocking blocking) {
        this.s = s;
        this.blocking = blocking;
    }

    void register(ApiRoutes r) {
        r.get("/api/options", Access.ROOT, this::get);
        r.patch("/api/options", Access.ROOT, this::update);
    }

    private void get(RoutingContext ctx) {
        blocking.json(ctx, () -> json(s.options().current()));
    }

    private void update(RoutingContext ctx) {
        var fields = JsonBody.of(ctx).fields();
        blocking.json(ctx, () -> json(s.options().update(fields)));
    }

    static ObjectNode json(ConsoleOptions o) {
        ObjectNode n = JsonViews.object();
        for (OptionKey k : OptionKey.values()) {
            switch (k.kind()) {
                case BOOLEAN -> n.put(k.id(), o.flag(k));
                case INTEGER -> n.put(k.id(), o.number(k));
                case DOLLARS -> n.put(k.id(), Money.toDollars(o.nanos(k)));
                case CHOICE -> n.put(k.id(), o.text(k));
                default -> throw new IllegalStateException(k.kind().name());
            }
        }
        return n;
    }
}
