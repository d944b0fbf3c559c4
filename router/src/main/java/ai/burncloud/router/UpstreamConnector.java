package ai.burncloud.router;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Opens and pools upstream connections. Each event loop has its own pool (a thread-local map), and a
 * request always uses a connection of its client's event loop, so pooling needs no lock and bytes
 * never hop threads. Connections read only when asked ({@code AUTO_READ} off): the request driving
 * them reads again once the client has taken what was read, which is the back-pressure.
 */
final class UpstreamConnector {
    static final String RECEIVER = "upstreamReceiver";
    private static final int MAX_IDLE_PER_ENDPOINT = 256;
    private static final int POOL_IDLE_SECONDS = 60;

    private final Class<? extends Channel> channelClass;
    private final SslContext sslContext;
    private final int connectTimeoutMillis;
    private final FastThreadLocal<Map<UpstreamEndpoint, ArrayDeque<Channel>>> pools = new FastThreadLocal<>() {
        @Override
        protected Map<UpstreamEndpoint, ArrayDeque<Channel>> initialValue() {
            return new HashMap<>();
        }
    };

    UpstreamConnector(Class<? extends Channel> channelClass, Duration connectTimeout) {
        this.channelClass = channelClass;
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        try {
            this.sslContext = SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot initialise TLS for upstream connections", e);
        }
    }

    /**
     * A connection to {@code endpoint} on {@code loop}: a pooled one if alive (unless {@code freshOnly}),
     * else a new one, completed once connected (and, for TLS, once the handshake is done).
     */
    Future<Channel> acquire(EventLoop loop, UpstreamEndpoint endpoint, boolean freshOnly) {
        ArrayDeque<Channel> idle = freshOnly ? null : pools.get().get(endpoint);
        while (idle != null && !idle.isEmpty()) {
            Channel ch = idle.pollLast();
            if (ch.isActive()) {
                return loop.newSucceededFuture(ch);
            }
        }
        Promise<Channel> promise = loop.newPromise();
        new Bootstrap()
                .group(loop)
                .channel(channelClass)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (endpoint.tls()) {
                            p.addLast("tls", sslContext.newHandler(ch.alloc(), endpoint.host(), endpoint.port()));
                        }
                        p.addLast("codec", new HttpClientCodec(4096, 65536, 65536));
                        p.addLast("poolIdle", new IdleStateHandler(POOL_IDLE_SECONDS, 0, 0, TimeUnit.SECONDS));
                        p.addLast(RECEIVER, new UpstreamResponseReceiver());
                    }
                })
                .connect(endpoint.host(), endpoint.port())
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        promise.setFailure(f.cause());
                        return;
                    }
                    Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
                    SslHandler tls = ch.pipeline().get(SslHandler.class);
                    if (tls == null) {
                        promise.setSuccess(ch);
                        return;
                    }
                    tls.handshakeFuture().addListener(h -> {
                        if (h.isSuccess()) {
                            promise.setSuccess(ch);
                        } else {
                            ch.close();
                            promise.setFailure(h.cause());
                        }
                    });
                });
        return promise;
    }

    /** Returns a connection whose last response was read completely; must run on its event loop. */
    void release(Channel ch, UpstreamEndpoint endpoint) {
        if (!ch.isActive()) {
            return;
        }
        ArrayDeque<Channel> idle = pools.get().computeIfAbsent(endpoint, e -> new ArrayDeque<>());
        if (idle.size() >= MAX_IDLE_PER_ENDPOINT) {
            ch.close();
            return;
        }
        idle.addLast(ch);
    }

    static UpstreamResponseReceiver receiver(Channel ch) {
        return (UpstreamResponseReceiver) ch.pipeline().get(RECEIVER);
    }
}
