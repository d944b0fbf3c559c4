package ai.burncloud.server;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Json;
import ai.burncloud.database.DuplicateKeyException;
import ai.burncloud.service.ServiceException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes JSON answers and the one error shape, {@code {"error":{"message","type","code"}}}: service
 * refusals map to 400/401/403/404/409/422/429/503, anything unexpected to a 500 whose message names
 * no internals (the log has them, never with request bodies).
 */
final class Replies {
    private static final Logger log = LoggerFactory.getLogger(Replies.class);
    private static final ObjectWriter WRITER =
            Json.mapper().writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Replies() {}

    static void json(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().end(); // a stream that failed part-way: all we can do is stop
            return;
        }
        ctx.put(AuditedRoutes.REPLY, body);
        byte[] bytes;
        try {
            bytes = WRITER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("content-type", "application/json")
                .putHeader("cache-control", "no-store")
                .end(Buffer.buffer(bytes));
    }

    /** JSON text as the API writes it (exact decimals, never 1.0E-5), for event streams. */
    static String text(Object body) {
        try {
            return WRITER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void ok(RoutingContext ctx, Object body) {
        json(ctx, 200, body);
    }

    static void created(RoutingContext ctx, Object body) {
        json(ctx, 201, body);
    }

    static void noContent(RoutingContext ctx) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(204).end();
        }
    }

    static void error(RoutingContext ctx, GatewayError error, String message) {
        json(ctx, error.status(), Json.openAiError(error, message));
    }

    /** Renders any failure as the API's error shape. */
    static void failure(RoutingContext ctx, Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof ServiceException s) {
            if (s.kind() == ServiceException.Kind.RATE_LIMITED) {
                ctx.response().putHeader("retry-after", String.valueOf(s.retryAfterSeconds()));
            }
            error(ctx, map(s.kind()), s.getMessage());
        } else if (e instanceof ApiException a) {
            error(ctx, a.error(), a.getMessage());
        } else if (e instanceof DuplicateKeyException) {
            error(ctx, GatewayError.CONFLICT, "that already exists");
        } else {
            log.error("{} {} failed", ctx.request().method(), ctx.normalizedPath(), e);
            error(ctx, GatewayError.SERVER_ERROR, "internal error");
        }
    }

    static GatewayError map(ServiceException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> GatewayError.NOT_FOUND;
            case INVALID -> GatewayError.INVALID_REQUEST;
            case CONFLICT -> GatewayError.CONFLICT;
            case UNAUTHENTICATED -> GatewayError.INVALID_TOKEN;
            case FORBIDDEN -> GatewayError.PERMISSION_DENIED;
            case RATE_LIMITED -> GatewayError.RATE_LIMIT_EXCEEDED;
            case UNPROCESSABLE -> GatewayError.UNPROCESSABLE;
            case UNAVAILABLE -> GatewayError.SERVICE_UNAVAILABLE;
        };
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
