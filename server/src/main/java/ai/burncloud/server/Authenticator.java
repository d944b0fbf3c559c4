package ai.burncloud.server;

import ai.burncloud.common.GatewayError;
import ai.burncloud.service.ConsoleCaller;
import ai.burncloud.service.ConsoleSessions;
import ai.burncloud.service.Secrets;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Finds the caller of a console request and checks they may call it. Credentials: a Bearer access
 * token (non-browser clients), else the session cookie (the console). A cookie-authenticated
 * request that changes state must carry the session's CSRF token in {@code X-CSRF-Token}; Bearer
 * requests need none (a browser never adds that header by itself).
 */
final class Authenticator {
    static final String COOKIE = "burncloud_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String CALLER = "burncloud.caller";
    private static final String VIA_COOKIE = "burncloud.viaCookie";

    private final ConsoleSessions sessions;
    private final Blocking blocking;

    Authenticator(ConsoleSessions sessions, Blocking blocking) {
        this.sessions = sessions;
        this.blocking = blocking;
    }

    Handler<RoutingContext> require(Access access) {
        return ctx -> {
            if (access == Access.PUBLIC) {
                ctx.next();
                return;
            }
            String header = ctx.request().getHeader("authorization");
            String secret;
            boolean viaCookie;
            if (header != null) {
                if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    Replies.error(ctx, GatewayError.INVALID_TOKEN, "use Authorization: Bearer <access token>");
                    return;
                }
                secret = header.substring(7).strip();
                viaCookie = false;
            } else {
                Cookie cookie = ctx.request().getCookie(COOKIE);
                secret = cookie == null ? null : cookie.getValue();
                viaCookie = true;
            }
            blocking.read(ctx, () -> sessions.authenticate(secret), (c, caller) -> admit(c, caller, viaCookie, access));
        };
    }

    private static void admit(RoutingContext ctx, ConsoleCaller caller, boolean viaCookie, Access access) {
        if (viaCookie && changesState(ctx.request().method())) {
            String token = ctx.request().getHeader(CSRF_HEADER);
            if (!Secrets.equal(token, caller.session().csrfToken())) {
                Replies.error(
                        ctx,
                        GatewayError.PERMISSION_DENIED,
                        "missing or wrong " + CSRF_HEADER + " header (cookie-authenticated writes need it)");
                return;
            }
        }
        if (access == Access.ADMIN && !caller.isAdmin() || access == Access.ROOT && !caller.isRoot()) {
            Replies.error(
                    ctx,
                    GatewayError.PERMISSION_DENIED,
                    access == Access.ROOT ? "only root may do this" : "administrators only");
            return;
        }
        ctx.put(CALLER, caller);
        ctx.put(VIA_COOKIE, viaCookie);
        ctx.next();
    }

    private static boolean changesState(HttpMethod m) {
        return !(m.equals(HttpMethod.GET) || m.equals(HttpMethod.HEAD) || m.equals(HttpMethod.OPTIONS));
    }

    static ConsoleCaller caller(RoutingContext ctx) {
        ConsoleCaller c = ctx.get(CALLER);
        if (c == null) {
            throw new IllegalStateException("route registered without authentication");
        }
        return c;
    }

    static boolean viaCookie(RoutingContext ctx) {
        return Boolean.TRUE.equals(ctx.get(VIA_COOKIE));
    }

    /** The caller's address: X-Forwarded-For from the data plane (we listen on loopback only). */
    static String clientIp(RoutingContext ctx) {
        String fwd = ctx.request().getHeader("x-forwarded-for");
        if (fwd != null && !fwd.isBlank()) {
            int comma = fwd.indexOf(',');
            return (comma < 0 ? fwd : fwd.substring(0, comma)).strip();
        }
        return ctx.request().remoteAddress() == null
                ? "unknown"
                : ctx.request().remoteAddress().host();
    }

    /** Whether the client reached us over TLS (as the proxy in front says). */
    static boolean secure(RoutingContext ctx) {
        return "https".equalsIgnoreCase(ctx.request().getHeader("x-forwarded-proto"));
    }
}
