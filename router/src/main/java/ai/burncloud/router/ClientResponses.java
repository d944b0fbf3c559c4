package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.ErrorBodies;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** Whole (non-streamed) responses the router writes itself: errors, health, model lists. */
final class ClientResponses {
    static final String REQUEST_ID = "x-request-id";
    /**
     * Headers of responses the gateway builds itself: their names and values are ours or come from
     * already-validated HTTP heads, so Netty need not validate them again on every response.
     */
    static final io.netty.handler.codec.http.HttpHeadersFactory OWN_HEADERS =
            io.netty.handler.codec.http.DefaultHttpHeadersFactory.headersFactory()
                    .withValidation(false);

    /** Set on 503s the gateway decided itself, so they are not mistaken for an upstream's. */
    static final String REJECTED_BY = "x-burncloud-rejected-by";

    private ClientResponses() {}

    static void error(ChannelHandlerContext ctx, ClientApi api, Rejection r, String requestId, boolean close) {
        FullHttpResponse response = json(
                HttpResponseStatus.valueOf(r.error().status()),
                Unpooled.wrappedBuffer(ErrorBodies.render(api, r.error(), r.message())),
                requestId);
        if (r.retryAfterSeconds() > 0) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, r.retryAfterSeconds());
        }
        if (r.gatewaySide()) {
            response.headers().set(REJECTED_BY, "gateway");
        }
        send(ctx, response, close);
    }

    static void error(ChannelHandlerContext ctx, ClientApi api, GatewayError e, String message, String requestId) {
        error(ctx, api, Rejection.of(e, message), requestId, false);
    }

    static FullHttpResponse json(HttpResponseStatus status, ByteBuf body, String requestId) {
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                status,
                body,
                OWN_HEADERS,
                io.netty.handler.codec.http.DefaultHttpHeadersFactory.trailersFactory()
                        .withValidation(false));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        if (requestId != null) {
            response.headers().set(REQUEST_ID, requestId);
        }
        return response;
    }

    static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean close) {
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response);
        }
    }
}
