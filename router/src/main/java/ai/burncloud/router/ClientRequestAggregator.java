package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.ErrorBodies;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Collects a request's body (up to MAX_REQUEST_BODY_MB) so it can be resent unchanged on failover.
 * An oversized body is answered at once with an OpenAI-shaped 413; the rest of it is read and thrown
 * away (a client still sending would otherwise see a reset instead of the answer), and then the
 * connection closes. HEADER_TIMEOUT_MS bounds how long a client may keep sending.
 */
final class ClientRequestAggregator extends HttpObjectAggregator {
    private final int maxBytes;
    private boolean closeAfterBody;

    ClientRequestAggregator(int maxBytes) {
        super(maxBytes, true);
        this.maxBytes = maxBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        boolean last = msg instanceof LastHttpContent;
        super.channelRead(ctx, msg);
        if (last && closeAfterBody) {
            ctx.close();
        }
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        // the aggregator releases the message itself and drops the rest of its body
        closeAfterBody = !(oversized instanceof LastHttpContent);
        FullHttpResponse response = tooLarge();
        // close now only if nothing more is coming; otherwise once the rest of the body was discarded.
        // (no Connection: close header: the keep-alive handler would close the moment the answer is written,
        // and a client still sending would see a reset instead of it)
        ClientResponses.send(ctx, response, !closeAfterBody);
    }

    /**
     * A client that sent {@code Expect: 100-continue} with a Content-Length over the limit hears the
     * same JSON 413 (Netty's own is bare), and sends no body; the connection closes after it.
     */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object netty = super.newContinueResponse(start, maxContentLength, pipeline);
        if (netty instanceof FullHttpResponse r && r.status().code() == 413) {
            r.release();
            return tooLarge();
        }
        return netty;
    }

    private FullHttpResponse tooLarge() {
        Rejection r = Rejection.of(
                GatewayError.PAYLOAD_TOO_LARGE,
                "Request body is larger than the limit of " + (maxBytes / (1024 * 1024)) + " MiB");
        return ClientResponses.json(
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                Unpooled.wrappedBuffer(ErrorBodies.render(ClientApi.OPENAI, r.error(), r.message())),
                RequestIds.next());
    }
}
