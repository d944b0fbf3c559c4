package ai.burncloud.router;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** The client connection's pipeline, top to bottom: each step one named handler. */
final class RouterChannelInitializer extends ChannelInitializer<Channel> {
    private final DataPlane plane;
    private final io.netty.channel.group.ChannelGroup clients;

    RouterChannelInitializer(DataPlane plane, io.netty.channel.group.ChannelGroup clients) {
        this.plane = plane;
        this.clients = clients;
    }

    @Override
    protected void initChannel(Channel ch) {
        clients.add(ch); // so shutdown can let their last bytes out before closing them
        var config = plane.config();
        ClientRequestTimer timer = new ClientRequestTimer(config.headerTimeout().toMillis());
        ChannelPipeline p = ch.pipeline();
        // reader idleness only: an all-idle handler would put a listener and a clock read on every write
        p.addLast("idle", new IdleStateHandler(config.clientIdleTimeout().toSeconds(), 0, 0, TimeUnit.SECONDS));
        p.addLast("requestTimer", timer);
        p.addLast("http", new HttpServerCodec(8192, 65536, 65536));
        p.addLast("keepAlive", new HttpServerKeepAliveHandler());
        p.addLast("aggregator", new ClientRequestAggregator(config.maxRequestBodyBytes()));
        p.addLast("receiver", new ClientRequestReceiver(new RequestDispatcher(plane), timer));
    }
}
