package ai.burncloud.router.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for an upstream provider on a loopback port: it replays recorded responses (the fixtures)
 * and can misbehave on purpose — reset the connection, stall, answer 429/5xx, or cut a stream in the
 * middle. Every request it receives is recorded for assertions.
 */
public final class FakeUpstream implements AutoCloseable {
    /** A request as the upstream saw it. */
    public record Received(String method, String uri, HttpHeaders headers, byte[] body, int connection) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to do with one request. */
    public static final class Reply {
        enum Kind {
            WHOLE,
            STREAM,
            RESET,
            STALL,
            CUT
        }

        final Kind kind;
        final int status;
        final byte[] body;
        final String contentType;
        final int chunkSize;
        final long delayMillis;
        final int cutAfter;
        final Map<String, String> headers;

        private Reply(
                Kind kind,
                int status,
                byte[] body,
                String contentType,
                int chunkSize,
                long delayMillis,
                int cutAfter,
                Map<String, String> headers) {
            this.kind = kind;
            this.status = status;
            this.body = body;
            this.contentType = contentType;
            this.chunkSize = chunkSize;
            this.delayMillis = delayMillis;
            this.cutAfter = cutAfter;
            this.headers = headers;
        }

        public static Reply json(int status, String body) {
            return new Reply(
                    Kind.WHOLE, status, body.getBytes(StandardCharsets.UTF_8), "application/json", 0, 0, 0, Map.of());
        }

        public static Reply whole(int status, byte[] body, String contentType) {
            return new Reply(Kind.WHOLE, status, body, contentType, 0, 0, 0, Map.of());
        }

        /** A 200 event stream sent in pieces of {@code chunkSize} bytes, {@code delayMillis} apart. */
        public static Reply stream(byte[] body, String contentType, int chunkSize, long delayMillis) {
            return new Reply(Kind.STREAM, 200, body, contentType, Math.max(1, chunkSize), delayMillis, 0, Map.of());
        }

        public static Reply sse(byte[] body) {
            return stream(body, "text/event-stream", 256, 0);
        }

        /** Closes the connection as soon as the request arrives, without answering. */
        public static Reply reset() {
            return new Reply(Kind.RESET, 0, new byte[0], null, 0, 0, 0, Map.of());
        }

        /** Never answers. */
        public static Reply stall() {
            return new Reply(Kind.STALL, 0, new byte[0], null, 0, 0, 0, Map.of());
        }

        /** Starts a 200 stream of {@code body}, then closes the connection after {@code bytes} bytes. */
        public static Reply cut(byte[] body, String contentType, int bytes) {
            return new Reply(Kind.CUT, 200, body, contentType, 64, 0, bytes, Map.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(kind, status, body, contentType, chunkSize, delayMillis, cutAfter, h);
        }
    }

    private final EventLoopGroup group;
    private final Channel server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Reply> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Function<Received, Reply> fallback =
            r -> Reply.json(500, "{\"error\":{\"message\":\"no reply queued\"}}");

    private FakeUpstream(EventLoopGroup group, Channel server) {
        this.group = group;
        this.server = server;
    }

    public static FakeUpstream start() {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        FakeUpstream[] self = new FakeUpstream[1];
        Channel server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // its own heap allocator, so the gateway's buffer metrics in the same JVM count only the gateway
                .childOption(ChannelOption.ALLOCATOR, new io.netty.buffer.UnpooledByteBufAllocator(false))
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        int id = self[0].connections.incrementAndGet();
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(64 * 1024 * 1024))
                                .addLast(new Handler(self[0], id));
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .syncUninterruptibly()
                .channel();
        self[0] = new FakeUpstream(group, server);
        return self[0];
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** http://127.0.0.1:PORT — append a version path for OpenAI-style channels. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public FakeUpstream enqueue(Reply... replies) {
        queued.addAll(List.of(replies));
        return this;
    }

    /** What to answer when nothing is queued. */
    public FakeUpstream otherwise(Function<Received, Reply> f) {
        this.fallback = f;
        return this;
    }

    public FakeUpstream always(Reply r) {
        return otherwise(x -> r);
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public int connectionsOpened() {
        return connections.get();
    }

    public void clear() {
        received.clear();
        queued.clear();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final FakeUpstream owner;
        private final int connection;

        Handler(FakeUpstream owner, int connection) {
            this.owner = owner;
            this.connection = connection;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            Received r = new Received(
                    req.method().name(),
                    req.uri(),
                    new DefaultHttpHeaders().add(req.headers()),
                    ByteBufUtil.getBytes(req.content()),
                    connection);
            owner.received.add(r);
            Reply reply = owner.queued.poll();
            if (reply == null) {
                reply = owner.fallback.apply(r);
            }
            play(ctx, reply);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // the gateway hung up on purpose (a failed attempt, a departed client): nothing to report
        }

        private static void play(ChannelHandlerContext ctx, Reply reply) {
            switch (reply.kind) {
                case RESET -> {
                    ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                    ctx.close();
                }
                case STALL -> {}
                case WHOLE -> {
                    FullHttpResponse res = new DefaultFullHttpResponse(
                            HttpVersion.HTTP_1_1,
                            HttpResponseStatus.valueOf(reply.status),
                            Unpooled.wrappedBuffer(reply.body));
                    res.headers()
                            .set(HttpHeaderNames.CONTENT_TYPE, reply.contentType)
                            .setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body.length);
                    reply.headers.forEach((k, v) -> res.headers().set(k, v));
                    ctx.writeAndFlush(res);
                }
                case STREAM, CUT -> {
                    HttpResponse head =
                            new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status));
                    head.headers()
                            .set(HttpHeaderNames.CONTENT_TYPE, reply.contentType)
                            .set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
                    reply.headers.forEach((k, v) -> head.headers().set(k, v));
                    ctx.writeAndFlush(head);
                    int limit = reply.kind == Reply.Kind.CUT
                            ? Math.min(reply.cutAfter, reply.body.length)
                            : reply.body.length;
                    sendPieces(ctx, reply, 0, limit);
                }
            }
        }

        private static void sendPieces(ChannelHandlerContext ctx, Reply reply, int from, int limit) {
            if (!ctx.channel().isActive()) {
                return;
            }
            if (from >= limit) {
                if (reply.kind == Reply.Kind.CUT) {
                    ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                    ctx.close();
                } else {
                    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                }
                return;
            }
            int n = Math.min(reply.chunkSize, limit - from);
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(reply.body, from, n)));
            if (reply.delayMillis > 0) {
                ctx.executor()
                        .schedule(
                                () -> sendPieces(ctx, reply, from + n, limit),
                                reply.delayMillis,
                                TimeUnit.MILLISECONDS);
            } else {
                sendPieces(ctx, reply, from + n, limit);
            }
        }
    }
}
