package ai.burncloud.server;

import ai.burncloud.common.GatewayError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Serves the web console: {@code index.html} at {@code /} and at each client-side route (never
 * cached, it names the current asset directory), the assets under {@code /assets/<hash>/} (cached
 * for a year, immutable: a new build has a new hash). Every answer carries a CSP that allows only
 * our own scripts, styles and connections, no inline script, and no framing.
 */
final class ConsoleRoutes {
    /** The client-side routes; anything else that is not an API path stays a JSON 404. */
    static final List<String> PAGES = List.of(
            "/",
            "/signin",
            "/dashboard",
            "/channels",
            "/tokens",
            "/users",
            "/prices",
            "/logs",
            "/playground",
            "/settings",
            "/profile");

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final String ASSETS = "/assets/";
    private static final String FOREVER = "public, max-age=31536000, immutable";

    private final ConsoleAssets assets;

    ConsoleRoutes(ConsoleAssets assets) {
        this.assets = assets;
    }

    void register(Router router) {
        for (String page : PAGES) {
            router.get(page).handler(this::index);
        }
        router.get(ASSETS + "*").handler(this::asset);
    }

    private void index(RoutingContext ctx) {
        send(ctx, assets.index(), "no-store");
    }

    private void asset(RoutingContext ctx) {
        String rest = ctx.normalizedPath().substring(ASSETS.length());
        int slash = rest.indexOf('/');
        var file = slash < 0 ? null : assets.file(rest.substring(slash + 1)).orElse(null);
        if (file == null) {
            Replies.error(ctx, GatewayError.NOT_FOUND, "no such console file");
            return;
        }
        // an old page asking for an older build's file gets today's, but must not keep it
        boolean current = rest.substring(0, slash).equals(assets.version());
        send(ctx, file, current ? FOREVER : "no-cache");
    }

    private static void send(RoutingContext ctx, ConsoleAssets.Asset a, String cacheControl) {
        String accept = ctx.request().getHeader("accept-encoding");
        boolean gzip = accept != null && accept.contains("gzip");
        HttpServerResponse r = ctx.response()
                .putHeader("content-type", a.contentType())
                .putHeader("cache-control", cacheControl)
                .putHeader("vary", "accept-encoding");
        securityHeaders(r);
        if (gzip) {
            r.putHeader("content-encoding", "gzip");
        }
        r.end(Buffer.buffer(gzip ? a.gzipped() : a.plain()));
    }

    static void securityHeaders(HttpServerResponse r) {
        r.putHeader("content-security-policy", CSP)
                .putHeader("x-content-type-options", "nosniff")
                .putHeader("x-frame-options", "DENY")
                .putHeader("referrer-policy", "same-origin");
    }
}
