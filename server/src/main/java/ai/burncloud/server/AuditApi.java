package ai.burncloud.server;

import ai.burncloud.common.Json;
import ai.burncloud.database.AuditEntry;
import ai.burncloud.database.AuditQuery;
import ai.burncloud.service.JsonViews;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/audit} (administrators): who changed what, newest first. */
final class AuditApi {
    private final ApiServices s;
    private final Blocking blocking;

    AuditApi(ApiServices s, Blocking blocking) {
        this.s = s;
        this.blocking = blocking;
    }

    void register(ApiRoutes r) {
        r.get("/api/audit", Access.ADMIN, this::list);
    }

    private void list(RoutingContext ctx) {
        int[] p = Params.paging(ctx);
        Long from = Params.queryLong(ctx, "from");
        Long to = Params.queryLong(ctx, "to");
        AuditQuery q = new AuditQuery(
                Params.query(ctx, "actor"),
                Params.query(ctx, "entity"),
                Params.query(ctx, "entity_id"),
                Params.query(ctx, "action"),
                from == null ? null : from * 1000,
                to == null ? null : (to + 1) * 1000);
        blocking.json(ctx, () -> JsonNodes.page(s.repos().audit().list(q, p[0], p[1]), AuditApi::json));
    }

    static ObjectNode json(AuditEntry e) {
        ObjectNode n = JsonViews.object();
        n.put("id", e.id());
        n.put("time", e.atMs() / 1000);
        n.put("time_ms", e.atMs());
        n.put("actor", e.actor());
        n.put("source", e.source());
        n.put("entity", e.entity());
        n.put("entity_id", e.entityId());
        n.put("action", e.action());
        n.set("before", e.before() == null ? null : Json.parse(e.before()));
        n.set("after", e.after() == null ? null : Json.parse(e.after()));
        return n;
    }
}
