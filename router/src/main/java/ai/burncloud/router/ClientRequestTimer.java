package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import ai.burncloud.router.translate.ClientApi;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sits before the HTTP codec and starts a clock at the first byte of each request; if the request is
 * not complete (headers and body) within HEADER_TIMEOUT_MS, the client gets a 408 and the connection
 * closes. Slow senders cannot hold connections open; idle keep-alive connections are the idle
 * timeout's business, not this one's.
 */
final class ClientRequestTimer extends ChannelInboundHandlerAdapter {
    private final long timeoutMillis;
    private ChannelHandlerContext ctx;
    private boolean receiving;
    private ScheduledFuture<?> deadline;

    ClientRequestTimer(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!receiving && msg instanceof ByteBuf b && b.isReadable()) {
            receiving = true;
            deadline = ctx.executor().schedule(this::expired, timeoutMillis, TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    /** The whole request arrived: stop the clock until the next one starts. */
    void requestReceived() {
        receiving = false;
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        requestReceived();
        ctx.fireChannelInactive();
    }

    private void expired() {
        deadline = null;
        if (!receiving || !ctx.channel().isActive()) {
            return;
        }
        ClientResponses.error(
                ctx.pipeline().lastContext(),
                ClientApi.OPENAI,
                Rejection.of(GatewayError.REQUEST_TIMEOUT, "request not received completely in time"),
                null,
                true);
    }
}
