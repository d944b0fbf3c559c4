package ai.burncloud.router;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * The last inbound handler of a client connection: takes complete requests one at a time (pipelined
 * ones wait their turn), and tells the request in flight when the client goes away or can take more.
 * Closes idle connections that have no request in flight.
 */
final class ClientRequestReceiver extends ChannelInboundHandlerAdapter {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClientRequestReceiver.class);

    private final RequestDispatcher dispatcher;
    private final Runnable requestArrived;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private boolean busy;
    private ClientExchange exchange;

    /** @param requestArrived told each time a whole request has arrived (stops the request clocks) */
    ClientRequestReceiver(RequestDispatcher dispatcher, Runnable requestArrived) {
        this.dispatcher = dispatcher;
        this.requestArrived = requestArrived;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        requestArrived.run();
        if (busy) {
            waiting.add(request);
            return;
        }
        handle(request);
    }

    private void handle(FullHttpRequest request) {
        busy = true;
        String requestId = RequestIds.next();
        ClientExchange started;
        try {
            started = dispatcher.dispatch(ctx, request, requestId, this::requestDone);
        } catch (RuntimeException e) {
            // a bug of ours must cost the client one clean 500, never a stack trace or a hung connection
            log.error("{} failed: {}", requestId, e.toString(), e);
            if (request.refCnt() > 0) {
                request.release();
            }
            ClientResponses.error(
                    ctx,
                    ai.burncloud.router.translate.ClientApi.OPENAI,
                    Rejection.of(ai.burncloud.common.GatewayError.SERVER_ERROR, "internal error (" + requestId + ")"),
                    requestId,
                    true);
            requestDone();
            return;
        }
        if (busy) {
            exchange = started;
        }
    }

    /** Called once per request when its response is complete; starts the next pipelined one. */
    private void requestDone() {
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(this::requestDone);
            return;
        }
        busy = false;
        exchange = null;
        FullHttpRequest next = waiting.poll();
        if (next != null) {
            handle(next);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null && ctx.channel().isWritable()) {
            exchange.clientWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        FullHttpRequest r;
        while ((r = waiting.poll()) != null) {
            r.release();
        }
        if (exchange != null) {
            exchange.clientClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && !busy) {
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a reset connection or a TLS error: nothing to tell a client that is not there
        ctx.close();
    }
}
