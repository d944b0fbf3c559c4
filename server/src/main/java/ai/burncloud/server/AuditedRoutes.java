package ai.burncloud.server;

import ai.burncloud.service.AuditTrail;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every administrator's change (a non-GET route of access admin or root) in the audit log: the
 * entity is loaded before the handler runs and again once the answer is sent; a refused request
 * (status 400 and up) changed nothing and is not recorded. New admin routes are audited without
 * doing anything: the entity is the path's literal segments before its first parameter ({@code
 * /api/ratios/models/:model} → {@code ratios.models}), the id that parameter (or the answer's {@code
 * id}), the action a trailing verb ({@code enable}) or the method (create, update, delete).
 */
final class AuditedRoutes {
    private static final Logger log = LoggerFactory.getLogger(AuditedRoutes.class);
    static final String REPLY = "burncloud.reply";

    private final AuditTrail trail;
    private final Blocking blocking;

    AuditedRoutes(AuditTrail trail, Blocking blocking) {
        this.trail = trail;
        this.blocking = blocking;
    }

    /** The entity, id parameter and action of one route. */
    record Target(String entity, String idParam, String action) {
        static Target of(HttpMethod method, String path) {
            List<String> literals = new ArrayList<>();
            String idParam = null;
            String verb = null;
            for (String segment : path.substring("/api/".length()).split("/")) {
                if (segment.startsWith(":")) {
                    idParam = idParam == null ? segment.substring(1) : idParam;
                } else if (idParam == null) {
                    literals.add(segment);
                } else {
                    verb = segment;
                }
            }
            String action = verb != null
                    ? verb
                    : method.equals(HttpMethod.POST)
                            ? "create"
                            : method.equals(HttpMethod.DELETE) ? "delete" : "update";
            return new Target(String.join(".", literals), idParam, action);
        }
    }

    /**
     * Whether a route is audited here. Not {@code /api/config/…}: an import records every entity it
     * touches itself (one route, many entities), and a diff changes nothing.
     */
    static boolean audits(HttpMethod method, String path, Access access) {
        return !method.equals(HttpMethod.GET)
                && (access == Access.ADMIN || access == Access.ROOT)
                && !path.startsWith("/api/config/");
    }

    Handler<RoutingContext> around(HttpMethod method, String path, Handler<RoutingContext> handler) {
        Target target = Target.of(method, path);
        return ctx -> {
            String actor = Authenticator.caller(ctx).user().username();
            String id = target.idParam() == null ? null : ctx.pathParam(target.idParam());
            blocking.run(ctx, () -> Optional.ofNullable(trail.snapshots().load(target.entity(), id)), (c, before) -> {
                c.addEndHandler(done -> {
                    if (c.response().getStatusCode() < 400) {
                        record(actor, target, id, before.orElse(null), c.get(REPLY));
                    }
                });
                handler.handle(c);
            });
        };
    }

    private void record(String actor, Target t, String pathId, JsonNode before, Object reply) {
        JsonNode replied = reply instanceof JsonNode n ? n : null;
        String id = pathId != null ? pathId : idOf(replied);
        blocking.vertx()
                .executeBlocking(
                        () -> {
                            JsonNode after = null;
                            if (!t.action().equals("delete")) {
                                after = trail.snapshots().load(t.entity(), id);
                                after = after != null ? after : replied;
                            }
                            return trail.record(actor, "api", t.entity(), id, t.action(), before, after);
                        },
                        false)
                .onFailure(e -> log.error(
                        "audit entry for {} {} {} not written: {}", t.entity(), id, t.action(), e.getMessage()));
    }

    /** The id of a created entity from the answer: its id, else its natural key. */
    private static String idOf(JsonNode reply) {
        if (reply == null) {
            return null;
        }
        for (String field : List.of("id", "model", "group", "name")) {
            JsonNode v = reply.get(field);
            if (v != null && v.isValueNode()) {
                return v.asText();
            }
        }
        return null;
    }
}
