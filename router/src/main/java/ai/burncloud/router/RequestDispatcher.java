package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Json;
import ai.burncloud.common.UrlRedaction;
import ai.burncloud.common.Version;
import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.ClientRequest;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each complete client request where it belongs: health, the model list, a proxied operation
 * (through the gatekeeper), or the control plane. Answers local errors itself, in the dialect of the
 * front door that was called. A well-formed key the snapshot does not know is looked up off the
 * event loop ({@link KeyLookup}) and the request goes on, on its event loop, once that is done.
 */
final class RequestDispatcher {
    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

    private final DataPlane plane;

    RequestDispatcher(DataPlane plane) {
        this.plane = plane;
    }

    /**
     * Handles {@code request} (taking ownership of it).
     *
     * @param done called once the response is complete (at once for local answers)
     * @return the exchange now in flight, or null when the request was answered synchronously
     */
    ClientExchange dispatch(ChannelHandlerContext ctx, FullHttpRequest request, String requestId, Runnable done) {
        if (request.decoderResult().isFailure()) {
            request.release();
            ClientResponses.error(
                    ctx,
                    ClientApi.OPENAI,
                    Rejection.of(GatewayError.INVALID_REQUEST, "malformed HTTP request"),
                    requestId,
                    true);
            done.run();
            return null;
        }
        Rejection malformed = HttpStrictness.check(request);
        if (malformed != null) {
            request.release();
            ClientResponses.error(ctx, ClientApi.OPENAI, malformed, requestId, true);
            done.run();
            return null;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        DataPlaneRoute route;
        try {
            route = DataPlaneRoute.resolve(request.method(), uri.path());
            if (route.kind() == DataPlaneRoute.Kind.LIST_MODELS || route.kind() == DataPlaneRoute.Kind.GET_MODEL) {
                route = route.in(ModelsEndpoint.dialect(route, request.headers(), uri));
            }
        } catch (IllegalArgumentException e) {
            // a malformed %-escape: the client's mistake, answered before anything else looks at it
            request.release();
            ClientResponses.error(
                    ctx,
                    ClientApi.OPENAI,
                    Rejection.of(GatewayError.INVALID_REQUEST, "malformed percent-escape in the request path or query"),
                    requestId,
                    false);
            done.run();
            return null;
        }
        switch (route.kind()) {
            case HEALTH -> {
                request.release();
                // config_version: the configuration this instance serves (how far a change has spread)
                byte[] body = Json.writeBytes(Map.of(
                        "status",
                        "ok",
                        "version",
                        Version.current(),
                        "database",
                        plane.databaseKind(),
                        "config_version",
                        plane.snapshot().get().version()));
                ClientResponses.send(
                        ctx,
                        ClientResponses.json(HttpResponseStatus.OK, Unpooled.wrappedBuffer(body), requestId),
                        false);
                done.run();
                return null;
            }
            case OTHER -> {
                if (plane.controlPlane() != null) {
                    return plane.controlPlane().forward(ctx, request, requestId, done);
                } else {
                    request.release();
                    ClientResponses.error(
                            ctx, ClientApi.OPENAI, GatewayError.NOT_FOUND, "Unknown path " + uri.path(), requestId);
                    done.run();
                }
                return null;
            }
            case WRONG_METHOD -> {
                request.release();
                ClientResponses.error(
                        ctx,
                        route.api(),
                        GatewayError.METHOD_NOT_ALLOWED,
                        "Method " + request.method() + " is not allowed on " + uri.path(),
                        requestId);
                done.run();
                return null;
            }
            default -> {
                return authenticated(ctx, request, uri, route, requestId, done, true);
            }
        }
    }

    private ClientExchange authenticated(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            QueryStringDecoder uri,
            DataPlaneRoute route,
            String requestId,
            Runnable done,
            boolean mayLookUpKey) {
        long startMs = System.currentTimeMillis();
        RoutingSnapshot snapshot = plane.snapshot().get();
        InetAddress caller = ClientAddress.resolve(remote(ctx), request.headers(), plane.config())
                .address();
        String key;
        try {
            key = ClientCredentials.extract(request.headers(), uri);
        } catch (IllegalArgumentException e) {
            request.release();
            ClientResponses.error(
                    ctx,
                    route.api(),
                    Rejection.of(GatewayError.INVALID_REQUEST, "malformed percent-escape in the query"),
                    requestId,
                    false);
            done.run();
            return null;
        }
        // from here on the URL is logged and stored: without the ?key= it may carry
        request.setUri(UrlRedaction.redact(request.uri()));
        Object auth = plane.gatekeeper().authenticate(snapshot, key, caller, startMs / 1000);
        if (auth == Gatekeeper.UNKNOWN_KEY && mayLookUpKey) {
            CompletableFuture<Void> lookup = plane.keyLookup().find(key);
            if (lookup != null) {
                AwaitingKey waiting = new AwaitingKey();
                lookup.whenComplete((x, e) ->
                        ctx.executor().execute(() -> afterLookup(ctx, request, uri, route, requestId, done, waiting)));
                return waiting;
            }
        }
        if (auth instanceof Rejection r) {
            request.release();
            ClientResponses.error(ctx, route.api(), r, requestId, false);
            done.run();
            return null;
        }
        AuthorizedToken token = (AuthorizedToken) auth;
        switch (route.kind()) {
            case LIST_MODELS -> {
                request.release();
                try {
                    sendJson(ctx, ModelsEndpoint.list(route.api(), snapshot, token, uri), requestId);
                } catch (ModelsEndpoint.BadListing e) {
                    ClientResponses.error(ctx, route.api(), GatewayError.INVALID_REQUEST, e.getMessage(), requestId);
                }
                done.run();
                return null;
            }
            case GET_MODEL -> {
                request.release();
                byte[] model = ModelsEndpoint.one(route.api(), snapshot, token, route.pathModel());
                if (model == null) {
                    ClientResponses.error(
                            ctx,
                            route.api(),
                            GatewayError.MODEL_NOT_FOUND,
                            ModelsEndpoint.notFound(route.pathModel()),
                            requestId);
                } else {
                    sendJson(ctx, model, requestId);
                }
                done.run();
                return null;
            }
            default -> {
                return proxy(ctx, request, uri, route, requestId, done, snapshot, token, caller, startMs);
            }
        }
    }

    /** Back on the event loop once the key was looked up: the request goes on, judged again. */
    private void afterLookup(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            QueryStringDecoder uri,
            DataPlaneRoute route,
            String requestId,
            Runnable done,
            AwaitingKey waiting) {
        if (waiting.clientGone()) {
            request.release();
            done.run();
            return;
        }
        try {
            waiting.continuedAs(authenticated(ctx, request, uri, route, requestId, done, false));
        } catch (RuntimeException e) {
            failedAfterWaiting(ctx, request, route, requestId, done, e);
        }
    }

    /**
     * A request resumed after waiting off the loop threw: as ClientRequestReceiver does for the
     * synchronous path, one clean 500, never a hung connection.
     */
    private static void failedAfterWaiting(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            DataPlaneRoute route,
            String requestId,
            Runnable done,
            RuntimeException e) {
        log.error("{} failed: {}", requestId, e.toString(), e);
        if (request.refCnt() > 0) {
            request.release();
        }
        ClientResponses.error(
                ctx,
                route.api(),
                Rejection.of(GatewayError.SERVER_ERROR, "internal error (" + requestId + ")"),
                requestId,
                true);
        done.run();
    }

    private ClientExchange proxy(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            QueryStringDecoder uri,
            DataPlaneRoute route,
            String requestId,
            Runnable done,
            RoutingSnapshot snapshot,
            AuthorizedToken token,
            InetAddress caller,
            long startMs) {
        String clientIp = caller == null ? null : caller.getHostAddress();
        ClientRequest parsed;
        try {
            parsed = ClientRequestParser.parse(request, route, rawQuery(request.uri()));
        } catch (ClientRequestParser.BadRequest e) {
            reject(
                    ctx,
                    route,
                    Rejection.of(GatewayError.INVALID_REQUEST, e.getMessage()),
                    token,
                    null,
                    request,
                    requestId,
                    clientIp,
                    startMs);
            done.run();
            return null;
        }
        Object admitted = plane.gatekeeper().admit(snapshot, token, parsed, requestId);
        if (admitted instanceof Gatekeeper.Pending pending) {
            // the key's limits are shared with other routers: its hold is taken off the event loop
            AwaitingKey waiting = new AwaitingKey();
            pending.granted()
                    .whenComplete((granted, e) -> ctx.executor()
                            .execute(() -> afterSharedHold(
                                    ctx,
                                    request,
                                    route,
                                    requestId,
                                    done,
                                    token,
                                    parsed,
                                    clientIp,
                                    startMs,
                                    pending,
                                    granted != null
                                            ? granted
                                            : SharedAdmission.Granted.refused(SharedAdmission.Verdict.UNAVAILABLE, 1),
                                    waiting)));
            return waiting;
        }
        return admitted(ctx, request, route, requestId, done, token, parsed, clientIp, startMs, admitted);
    }

    /** Back on the event loop once the shared hold answered. */
    private void afterSharedHold(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            DataPlaneRoute route,
            String requestId,
            Runnable done,
            AuthorizedToken token,
            ClientRequest parsed,
            String clientIp,
            long startMs,
            Gatekeeper.Pending pending,
            SharedAdmission.Granted granted,
            AwaitingKey waiting) {
        Object admitted = plane.gatekeeper().complete(pending.admission(), granted);
        if (waiting.clientGone()) {
            if (admitted instanceof Admission a) {
                plane.settler().abandon(a);
            }
            request.release();
            done.run();
            return;
        }
        try {
            waiting.continuedAs(
                    admitted(ctx, request, route, requestId, done, token, parsed, clientIp, startMs, admitted));
        } catch (RuntimeException e) {
            failedAfterWaiting(ctx, request, route, requestId, done, e);
        }
    }

    /** The gatekeeper's verdict: the request goes upstream, or is refused and logged. */
    private ClientExchange admitted(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            DataPlaneRoute route,
            String requestId,
            Runnable done,
            AuthorizedToken token,
            ClientRequest parsed,
            String clientIp,
            long startMs,
            Object admitted) {
        if (admitted instanceof Rejection r) {
            reject(ctx, route, r, token, parsed, request, requestId, clientIp, startMs);
            done.run();
            return null;
        }
        plane.inFlight().incrementAndGet();
        plane.settler()
                .admitted(
                        (Admission) admitted,
                        requestId,
                        request.uri(),
                        clientIp,
                        startMs,
                        ctx.channel().eventLoop());
        return new ProxyExchange(plane, ctx, (Admission) admitted, request, requestId, clientIp, done).open();
    }

    private void reject(
            ChannelHandlerContext ctx,
            DataPlaneRoute route,
            Rejection r,
            AuthorizedToken token,
            ClientRequest parsed,
            FullHttpRequest request,
            String requestId,
            String clientIp,
            long startMs) {
        String path = request.uri();
        request.release();
        // logged before the answer leaves, so whoever sees the answer can also find its row
        plane.settler()
                .rejected(
                        token,
                        parsed,
                        requestId,
                        path,
                        clientIp,
                        startMs,
                        r.error().status(),
                        r.error().code(),
                        System.currentTimeMillis() - startMs);
        ClientResponses.error(ctx, route.api(), r, requestId, false);
    }

    private static void sendJson(ChannelHandlerContext ctx, byte[] body, String requestId) {
        FullHttpResponse r = ClientResponses.json(HttpResponseStatus.OK, Unpooled.wrappedBuffer(body), requestId);
        ClientResponses.send(ctx, r, false);
    }

    private static String rawQuery(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? null : uri.substring(q + 1);
    }

    private static InetAddress remote(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
    }
}
