package ai.burncloud.server;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Version;
import ai.burncloud.service.JsonViews;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** {@code /api/status} and {@code /api/openapi.json}: public, no credentials. */
final class StatusApi {
    static final String OPENAPI_RESOURCE = "/ai/burncloud/server/openapi.json";

    private final ApiServices s;
    private final Blocking blocking;
    private final long startedAtMs;
    private final Buffer openApi;

    StatusApi(ApiServices s, Blocking blocking) {
        this.s = s;
        this.blocking = blocking;
        this.startedAtMs = s.clock().millis();
        this.openApi = Buffer.buffer(openApiBytes());
    }

    void register(ApiRoutes r) {
        r.get("/api/status", Access.PUBLIC, this::status);
        r.get("/api/openapi.json", Access.PUBLIC, this::openApi);
    }

    private void status(RoutingContext ctx) {
        blocking.json(ctx, () -> {
            ObjectNode n = JsonViews.object();
            n.put("version", Version.current());
            n.put("started_at", startedAtMs / 1000);
            n.put("uptime_s", (s.clock().millis() - startedAtMs) / 1000);
            n.put("database", s.repos().database().kind().name().toLowerCase(Locale.ROOT));
            n.put("registration_enabled", s.options().current().registrationEnabled());
            n.put("time", s.clock().millis() / 1000);
            return n;
        });
    }

    private void openApi(RoutingContext ctx) {
        if (openApi.length() == 0) {
            Replies.error(ctx, GatewayError.SERVER_ERROR, "the OpenAPI document is missing from this build");
            return;
        }
        ctx.response().putHeader("content-type", "application/json").end(openApi);
    }

    static byte[] openApiBytes() {
        try (InputStream in = StatusApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
