package ai.burncloud.router;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;

/**
 * The last handler of an upstream connection: hands response parts to the request currently using
 * the connection, and closes the connection when it idles in the pool. Releases every message it
 * receives after the listener saw it.
 */
final class UpstreamResponseReceiver extends ChannelInboundHandlerAdapter {
    private UpstreamListener listener;

    void attach(UpstreamListener l) {
        this.listener = l;
    }

    void detach() {
        this.listener = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            UpstreamListener l = listener;
            if (l == null) {
                ctx.close(); // bytes nobody asked for: the connection is no longer trustworthy
                return;
            }
            if (msg instanceof HttpResponse head) {
                if (head.decoderResult().isFailure()) {
                    l.onConnectionFailure(new IOException(
                            "malformed upstream response", head.decoderResult().cause()));
                    return;
                }
                l.onResponseHead(head);
            }
            if (msg instanceof HttpContent content && listener != null) {
                listener.onResponseContent(content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        UpstreamListener l = listener;
        if (l != null) {
            l.onReadComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        UpstreamListener l = listener;
        listener = null;
        if (l != null) {
            l.onConnectionFailure(new IOException("upstream closed the connection"));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        UpstreamListener l = listener;
        listener = null;
        ctx.close();
        if (l != null) {
            l.onConnectionFailure(cause);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && listener == null) {
            ctx.close(); // idle in the pool for too long
        }
        ctx.fireUserEventTriggered(evt);
    }
}
