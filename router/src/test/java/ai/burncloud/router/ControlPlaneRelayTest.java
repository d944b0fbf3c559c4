package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ConfigLoader;
import ai.burncloud.database.Database;
import ai.burncloud.database.Repositories;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay to the control plane and the 502 "control plane failed" seen under load: a pooled
 * keep-alive connection the control plane had closed (its close still in flight) was reused, and the
 * request died with it. Here a stand-in control plane answers one request per connection and drops
 * the connection when a second arrives on it — the race, made deterministic.
 */
class ControlPlaneRelayTest {
    private EventLoopGroup group;
    private Channel controlPlane;
    private final List<String> served = new CopyOnWriteArrayList<>();
    private Database db;
    private RouterServer router;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        controlPlane = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(1 << 20))
                                .addLast(new OneAnswerPerConnection());
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        Path dir = Files.createTempDirectory("burncloud-relay");
        String url = "sqlite:" + dir.resolve("db.sqlite");
        db = Database.open(ai.burncloud.common.DatabaseUrl.parse(url));
        router = RouterServer.start(
                ConfigLoader.fromMap(Map.of("HOST", "127.0.0.1", "PORT", "0", "DATABASE_URL", url, "IO_THREADS", "1")),
                Repositories.over(db),
                ((InetSocketAddress) controlPlane.localAddress()).getPort(),
                "relay-secret");
    }

    @AfterEach
    void stop() {
        router.close();
        db.close();
        controlPlane.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aPooledConnectionTheControlPlaneDroppedIsRetriedOnAFreshOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> res = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + router.port() + "/api/redeem"))
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"c-" + i + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as("request %d: %s", i, res.body()).isEqualTo(200);
        }
        // each request was served exactly once: the retry never repeats a request that was answered
        assertThat(served).containsExactly("c-0", "c-1", "c-2", "c-3", "c-4");
    }

    @Test
    void theRelayProvesItselfWithTheSecretAndTheCallersAddress() throws Exception {
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + router.port() + "/api/status"))
                        .header("x-burncloud-relay", "forged")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(lastHeaders).contains("x-burncloud-relay=relay-secret", "x-forwarded-for=127.0.0.1");
    }

    private volatile String lastHeaders = "";

    /** Answers the first request of a connection; closes the connection, unanswered, at the second. */
    private final class OneAnswerPerConnection extends SimpleChannelInboundHandler<FullHttpRequest> {
        private int requests;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            if (++requests > 1) {
                ctx.close();
                return;
            }
            StringBuilder h = new StringBuilder();
            req.headers()
                    .forEach(e -> h.append(e.getKey().toLowerCase())
                            .append('=')
                            .append(e.getValue())
                            .append(' '));
            lastHeaders = h.toString();
            String body = req.content().toString(StandardCharsets.UTF_8);
            if (body.contains("\"code\"")) {
                served.add(body.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1"));
            }
            FullHttpResponse res = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 2);
            ctx.writeAndFlush(res);
        }
    }
}
