package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import ai.burncloud.router.translate.ClientApi;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Collects a request's body (up to MAX_REQUEST_BODY_MB) so it can be resent unchanged on failover.
 * An oversized body is answered with an OpenAI-shaped 413 and the connection is closed (the rest of
 * the body would otherwise have to be read and thrown away).
 */
final class ClientRequestAggregator extends HttpObjectAggregator {
    private final int maxBytes;

    ClientRequestAggregator(int maxBytes) {
        super(maxBytes, true);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        // the aggregator releases the message itself
        ClientResponses.error(
                ctx,
                ClientApi.OPENAI,
                Rejection.of(
                        GatewayError.PAYLOAD_TOO_LARGE,
                        "Request body is larger than the limit of " + (maxBytes / (1024 * 1024)) + " MiB"),
                null,
                true);
    }
}
