package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import ai.burncloud.common.Settlement;
import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.ClientError;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.ErrorBodies;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.LoggerFactory;

/**
 * What the client hears when no attempt produced an answer, in its own dialect, and how that ends the
 * request: an upstream's own error relayed (its status kept), 502 {@code upstream_auth_error} for a
 * rejected channel key (never the key or the upstream's words about it), 504 when nothing answered in
 * time, 502 when nothing could be reached, a translator's refusal as its own 4xx, or 503 when every
 * circuit refused.
 */
final class FailureAnswer {
    /** How the request is settled after the answer. */
    record Ending(Settlement settlement, int status, String errorCode) {}

    private final ClientStream client;
    private final ClientApi api;
    private final ByteBufAllocator alloc;
    private final String requestId;
    private final String model;
    private final String operation;

    FailureAnswer(ClientStream client, ClientRequest request, ByteBufAllocator alloc, String requestId) {
        this.client = client;
        this.api = request.api();
        this.alloc = alloc;
        this.requestId = requestId;
        this.model = request.model();
        this.operation = request.operation().pathOrSuffix();
    }

    /**
     * A failure of the gateway itself: one clean 500 before any byte left, else the response is cut
     * short so the client cannot mistake it for a complete one. Never throws.
     */
    void internalError() {
        try {
            if (!client.gone() && !client.headSent()) {
                gatewayError(GatewayError.SERVER_ERROR, "internal error (" + requestId + ")", null);
            } else {
                client.abort();
            }
        } catch (RuntimeException again) {
            LoggerFactory.getLogger(FailureAnswer.class)
                    .error("{} could not answer after an internal error: {}", requestId, again.toString());
        }
    }

    /** Answers with {@code f} (releasing its body). */
    Ending send(AttemptFailure f) {
        return switch (f.kind()) {
            case HTTP -> f.authError() ? authError(f) : relay(f);
            case TIMEOUT ->
                gatewayError(
                        GatewayError.UPSTREAM_TIMEOUT,
                        "No upstream answered in time for " + model,
                        Settlement.UPSTREAM_FAILED);
            case UNSUPPORTED ->
                gatewayError(
                        GatewayError.INVALID_REQUEST,
                        "No channel serving " + model + " can handle " + operation,
                        Settlement.REJECTED);
            case REFUSED -> refused(f);
            case CONNECT, FAULT ->
                gatewayError(
                        GatewayError.UPSTREAM_ERROR,
                        "Could not reach any upstream for " + model
                                + (f.message() == null ? "" : " (" + f.message() + ")"),
                        Settlement.UPSTREAM_FAILED);
        };
    }

    /** Every channel was skipped because its circuit is open: the gateway refused, and says so. */
    Ending circuitsOpen() {
        FullHttpResponse r = response(
                GatewayError.SERVICE_UNAVAILABLE,
                "No channel for " + model + " is available right now (circuits open); try again shortly");
        r.headers().set(ClientResponses.REJECTED_BY, "gateway");
        client.sendWhole(r);
        return new Ending(Settlement.REJECTED, 503, GatewayError.SERVICE_UNAVAILABLE.code());
    }

    /** A translator's refusal: its own status and message, and Anthropic's error code where one applies. */
    private Ending refused(AttemptFailure f) {
        client.sendWhole(ClientResponses.json(
                HttpResponseStatus.valueOf(f.error().status()),
                Unpooled.wrappedBuffer(ErrorBodies.render(api, f.error(), f.message(), f.errorCode())),
                requestId));
        return new Ending(Settlement.REJECTED, f.error().status(), f.error().code());
    }

    /** A gateway error, sent whole. */
    Ending gatewayError(GatewayError e, String message, Settlement settlement) {
        client.sendWhole(response(e, message));
        return new Ending(settlement, e.status(), e.code());
    }

    private Ending authError(AttemptFailure f) {
        f.body().release();
        return gatewayError(
                GatewayError.UPSTREAM_AUTH_ERROR,
                "The upstream rejected the credentials of the channel serving " + model + " (HTTP " + f.status()
                        + "); an administrator must update the channel's key",
                Settlement.UPSTREAM_FAILED);
    }

    private Ending relay(AttemptFailure f) {
        ClientError ce;
        ByteBuf body = f.body();
        try {
            ce = f.translator().translateError(f.status(), body, alloc);
        } finally {
            body.release();
        }
        client.sendWhole(ClientResponses.json(HttpResponseStatus.valueOf(ce.status()), ce.body(), requestId));
        return new Ending(Settlement.UPSTREAM_FAILED, ce.status(), "upstream_" + f.status());
    }

    private FullHttpResponse response(GatewayError e, String message) {
        return ClientResponses.json(
                HttpResponseStatus.valueOf(e.status()),
                Unpooled.wrappedBuffer(ErrorBodies.render(api, e, message)),
                requestId);
    }
}
