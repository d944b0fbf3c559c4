package ai.burncloud.router;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a new connection that sends nothing within CLIENT_FIRST_BYTE_TIMEOUT_S (there is nobody to
 * answer: no request was started), so idle sockets cannot pile up; removes itself at the first byte.
 * Idle keep-alive connections between requests are the idle handler's business (CLIENT_IDLE_TIMEOUT_S).
 */
final class SilentConnectionCloser extends ChannelInboundHandlerAdapter {
    private final long timeoutMillis;
    private ScheduledFuture<?> deadline;

    SilentConnectionCloser(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(ctx);
        ctx.fireChannelActive();
    }

    private void arm(ChannelHandlerContext ctx) {
        if (deadline == null) {
            deadline = ctx.executor().schedule(() -> ctx.close(), timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        disarm();
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(msg);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
