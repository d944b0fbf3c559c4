package ai.burncloud.router;

import ai.burncloud.common.GatewayError;
import ai.burncloud.router.translate.ClientApi;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Forwards control-plane paths to the control plane's HTTP server on a loopback port, so one public
 * port serves both planes. Responses stream back as they come (the live statistics are an endless
 * event stream) with the same back-pressure as the data plane. The caller's address (resolved
 * against TRUSTED_PROXIES) travels in {@code X-Forwarded-For}, TLS in {@code X-Forwarded-Proto}; the
 * control plane listens on loopback only, so it can take them as given. The call is an
 * {@link UpstreamAttempt}, like every other upstream call.
 */
final class LoopbackControlPlane implements ControlPlaneForwarder {
    private static final List<CharSequence> HOP_BY_HOP = List.of(
            HttpHeaderNames.UPGRADE,
            "http2-settings",
            HttpHeaderNames.KEEP_ALIVE,
            HttpHeaderNames.TE,
            HttpHeaderNames.TRAILER,
            HttpHeaderNames.PROXY_CONNECTION);

    private final UpstreamConnector connector;
    private final UpstreamEndpoint endpoint;
    private final ai.burncloud.common.BurnCloudConfig config;

    LoopbackControlPlane(UpstreamConnector connector, int port, ai.burncloud.common.BurnCloudConfig config) {
        this.connector = connector;
        this.config = config;
        this.endpoint = new UpstreamEndpoint("127.0.0.1", port, false);
    }

    @Override
    public ClientExchange forward(ChannelHandlerContext ctx, FullHttpRequest request, String requestId, Runnable done) {
        Relay relay = new Relay(ctx, request, requestId, done);
        relay.start();
        return relay;
    }

    private final class Relay implements ClientExchange, UpstreamAttempt.Events {
        private final ChannelHandlerContext ctx;
        private final FullHttpRequest request;
        private final Runnable done;
        private final ClientStream client;
        private UpstreamAttempt upstream;
        private HttpResponse head;
        private boolean finished;
        private final ReadPacer pacer = new ReadPacer();

        Relay(ChannelHandlerContext ctx, FullHttpRequest request, String requestId, Runnable done) {
            this.ctx = ctx;
            this.request = request;
            this.done = done;
            this.client = new ClientStream(ctx, requestId, this::clientGone);
        }

        void start() {
            HttpHeaders h = request.headers();
            java.net.InetAddress peer =
                    ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
            ClientAddress caller = ClientAddress.resolve(peer, h, config);
            // one address, already resolved against TRUSTED_PROXIES: the control plane takes it as given
            h.set("x-forwarded-for", caller.text());
            h.set("x-forwarded-proto", caller.https() ? "https" : "http");
            dropHopByHop(h);
            h.set(HttpHeaderNames.CONNECTION, "keep-alive");
            // no idle deadline: the live statistics are an endless, mostly quiet event stream
            upstream = new UpstreamAttempt(connector, ctx.channel().eventLoop(), endpoint, request, 0, this);
            upstream.start(false);
        }

        @Override
        public void onHead(HttpResponse h) {
            head = h;
        }

        @Override
        public void onContent(ByteBuf data, boolean last) {
            if (!client.headSent()) {
                client.startWith(head);
            }
            if (data.isReadable()) {
                client.write(data.retainedDuplicate());
            }
            if (last) {
                client.end();
                upstream.end();
                finish();
            }
        }

        @Override
        public void onReadComplete() {
            pacer.afterRead(client, upstream);
        }

        @Override
        public void onFailure(UpstreamAttempt.Failure failure, String message) {
            if (finished) {
                return;
            }
            if (!client.headSent()) {
                boolean unreachable = failure == UpstreamAttempt.Failure.CONNECT;
                client.sendWhole(ClientResponses.json(
                        unreachable ? HttpResponseStatus.SERVICE_UNAVAILABLE : HttpResponseStatus.BAD_GATEWAY,
                        io.netty.buffer.Unpooled.wrappedBuffer(ai.burncloud.router.translate.ErrorBodies.render(
                                ClientApi.OPENAI,
                                GatewayError.SERVICE_UNAVAILABLE,
                                unreachable ? "control plane unavailable" : "control plane failed")),
                        null));
            } else {
                client.end();
            }
            finish();
        }

        @Override
        public void clientClosed() {
            client.markGone();
        }

        @Override
        public void clientWritable() {
            pacer.resume(upstream);
        }

        private void clientGone() {
            // an endless stream (live stats) must not outlive its client
            if (upstream != null) {
                upstream.end();
            }
            finish();
        }

        private void finish() {
            if (!finished) {
                finished = true;
                done.run();
            }
        }
    }

    /**
     * Hop-by-hop headers are the client's connection's business, never the relayed request's: an
     * {@code Upgrade: h2c} offer (java.net.http and curl --http2 send one) passed on would switch the
     * loopback connection to HTTP/2 and leave the client waiting for an answer that never comes.
     */
    private static void dropHopByHop(HttpHeaders h) {
        for (String listed : h.getAll(HttpHeaderNames.CONNECTION)) {
            for (String name : listed.split(",")) {
                if (!name.isBlank()) {
                    h.remove(name.strip());
                }
            }
        }
        for (CharSequence name : HOP_BY_HOP) {
            h.remove(name);
        }
    }
}
