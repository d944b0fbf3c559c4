package ai.burncloud.server;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers API endpoints with their access level and keeps the list (the OpenAPI document is
 * tested against it). Handlers of a resource live in one class each and register here.
 */
final class ApiRoutes {
    /** One registered endpoint; the path in Vert.x form ({@code /api/users/:id}). */
    record Endpoint(HttpMethod method, String path, Access access) {
        /** The path in OpenAPI form ({@code /api/users/{id}}). */
        String openApiPath() {
            return path.replaceAll(":([A-Za-z_]+)", "{$1}");
        }
    }

    static final long MAX_BODY_BYTES = 1024 * 1024;

    private final Router router;
    private final Authenticator auth;
    private final Handler<RoutingContext> body =
            BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES).setHandleFileUploads(false);
    private final List<Endpoint> endpoints = new ArrayList<>();

    private final AuditedRoutes audit;

    ApiRoutes(Router router, Authenticator auth, AuditedRoutes audit) {
        this.router = router;
        this.auth = auth;
        this.audit = audit;
    }

    void get(String path, Access access, Handler<RoutingContext> handler) {
        add(HttpMethod.GET, path, access, handler);
    }

    void post(String path, Access access, Handler<RoutingContext> handler) {
        add(HttpMethod.POST, path, access, handler);
    }

    void put(String path, Access access, Handler<RoutingContext> handler) {
        add(HttpMethod.PUT, path, access, handler);
    }

    void patch(String path, Access access, Handler<RoutingContext> handler) {
        add(HttpMethod.PATCH, path, access, handler);
    }

    void delete(String path, Access access, Handler<RoutingContext> handler) {
        add(HttpMethod.DELETE, path, access, handler);
    }

    private void add(HttpMethod method, String path, Access access, Handler<RoutingContext> handler) {
        var route = router.route(method, path);
        if (!method.equals(HttpMethod.GET)) {
            route.handler(body);
        }
        Handler<RoutingContext> h =
                AuditedRoutes.audits(method, path, access) ? audit.around(method, path, handler) : handler;
        route.handler(auth.require(access)).handler(ctx -> {
            try {
                h.handle(ctx);
            } catch (RuntimeException e) {
                Replies.failure(ctx, e);
            }
        });
        endpoints.add(new Endpoint(method, path, access));
    }

    List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }
}
