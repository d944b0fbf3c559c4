package ai.burncloud.router;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client connection's pipeline, top to bottom: each step one named handler. One initializer
 * serves one listener and holds its connection count: past MAX_CONNECTIONS a new connection is
 * closed at once, before it costs more than a socket.
 */
final class RouterChannelInitializer extends ChannelInitializer<Channel> {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RouterChannelInitializer.class);
    private static final long WARNING_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final DataPlane plane;
    private final io.netty.channel.group.ChannelGroup clients;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong lastWarningNanos = new AtomicLong(System.nanoTime() - WARNING_EVERY_NANOS);

    RouterChannelInitializer(DataPlane plane, io.netty.channel.group.ChannelGroup clients) {
        this.plane = plane;
        this.clients = clients;
    }

    @Override
    protected void initChannel(Channel ch) {
        var config = plane.config();
        if (open.incrementAndGet() > config.maxConnections()) {
            open.decrementAndGet();
            warnFull(config.maxConnections());
            ch.close();
            return;
        }
        ch.closeFuture().addListener(f -> open.decrementAndGet());
        clients.add(ch); // so shutdown can let their last bytes out before closing them
        ClientRequestTimer timer = new ClientRequestTimer(config.headerTimeout().toMillis());
        ChannelPipeline p = ch.pipeline();
        p.addLast(
                "silent",
                new SilentConnectionCloser(config.clientFirstByteTimeout().toMillis()));
        // reader idleness only: an all-idle handler would put a listener and a clock read on every write
        p.addLast("idle", new IdleStateHandler(config.clientIdleTimeout().toSeconds(), 0, 0, TimeUnit.SECONDS));
        p.addLast("requestTimer", timer);
        p.addLast("http", new StrictHttpServerCodec(8192, 65536, 65536));
        p.addLast("keepAlive", new HttpServerKeepAliveHandler());
        p.addLast("aggregator", new ClientRequestAggregator(config.maxRequestBodyBytes()));
        p.addLast("receiver", new ClientRequestReceiver(new RequestDispatcher(plane), timer::requestReceived));
    }

    private void warnFull(int max) {
        long last = lastWarningNanos.get();
        long now = System.nanoTime();
        if (now - last >= WARNING_EVERY_NANOS && lastWarningNanos.compareAndSet(last, now)) {
            log.warn("MAX_CONNECTIONS={} reached: new client connections are being closed", max);
        }
    }
}
