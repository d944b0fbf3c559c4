package ai.burncloud.router;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * Serves every path that is not the data plane's (the REST API, the console, metrics). Takes
 * ownership of the request and must answer it; calls {@code done} when the response is complete.
 */
interface ControlPlaneForwarder {
    /** @return the exchange in flight (told about client departures and writability), or null */
    ClientExchange forward(ChannelHandlerContext ctx, FullHttpRequest request, String requestId, Runnable done);
}
