package ai.burncloud.router;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.provider.Providers;
import ai.burncloud.router.translate.ClientApi;
import ai.burncloud.router.translate.ClientRequest;
import ai.burncloud.router.translate.Operation;
import ai.burncloud.router.translate.RequestFields;
import ai.burncloud.router.translate.ResponseConverter;
import ai.burncloud.router.translate.TranslationException;
import ai.burncloud.router.translate.Translator;
import ai.burncloud.router.translate.Translators;
import ai.burncloud.router.translate.UpstreamBody;
import ai.burncloud.router.translate.UpstreamTarget;
import ai.burncloud.service.ChannelTestResult;
import ai.burncloud.service.TokenCounter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Speed tests: one small streamed chat request sent straight to a chosen channel through the same
 * translator, provider and connection code real traffic uses, timed from send to first generated
 * text and to the end. Nothing is billed or logged as a request.
 */
final class ChannelProbe {
    private static final String PROMPT = "Reply with the word hello, five times.";

    private final Supplier<RoutingSnapshot> snapshot;
    private final Translators translators;
    private final Providers providers;
    private final UpstreamConnector connector;
    private final EventLoopGroup loops;
    private final Duration timeout;
    private final TokenCounter tokenCounter;

    ChannelProbe(
            Supplier<RoutingSnapshot> snapshot,
            Translators translators,
            Providers providers,
            UpstreamConnector connector,
            EventLoopGroup loops,
            Duration timeout,
            TokenCounter tokenCounter) {
        this.snapshot = snapshot;
        this.translators = translators;
        this.providers = providers;
        this.connector = connector;
        this.loops = loops;
        this.timeout = timeout;
        this.tokenCounter = tokenCounter;
    }

    CompletableFuture<ChannelTestResult> test(long channelId, String model) {
        CompletableFuture<ChannelTestResult> result = new CompletableFuture<>();
        EventLoop loop = loops.next();
        loop.execute(() -> new Probe(loop, result).start(channelId, model));
        return result;
    }

    private final class Probe implements UpstreamListener {
        private final EventLoop loop;
        private final CompletableFuture<ChannelTestResult> result;
        private final long start = System.nanoTime();
        private final CompletionCounter completion = new CompletionCounter(tokenCounter);
        private final List<ByteBuf> outs = new ArrayList<>();
        private long firstTextNanos;
        private Channel channel;
        private ResponseConverter converter;
        private HttpResponse head;
        private ByteBuf errorBody;
        private ScheduledFuture<?> deadline;
        private ByteBuf clientBody;

        Probe(EventLoop loop, CompletableFuture<ChannelTestResult> result) {
            this.loop = loop;
            this.result = result;
        }

        void start(long channelId, String model) {
            Upstream u = snapshot.get().upstreams().get(channelId);
            if (u == null) {
                fail("no such channel");
                return;
            }
            Translator translator =
                    translators.forPair(ClientApi.OPENAI, u.dialect()).orElse(null);
            if (translator == null) {
                fail("channel type " + u.type().id() + " has no chat translator");
                return;
            }
            byte[] body = Json.writeBytes(Map.of(
                    "model",
                    model,
                    "stream",
                    true,
                    "max_tokens",
                    32,
                    "messages",
                    List.of(Map.of("role", "user", "content", PROMPT))));
            clientBody = Unpooled.wrappedBuffer(body);
            UpstreamTarget target = u.target(model);
            ClientRequest request;
            UpstreamBody sent;
            try {
                request = new ClientRequest(
                        Operation.CHAT_COMPLETIONS,
                        clientBody,
                        model,
                        true,
                        "application/json",
                        null,
                        RequestFields.parse(body, 0, body.length));
                sent = translator.toUpstream(request, target, io.netty.buffer.ByteBufAllocator.DEFAULT);
            } catch (TranslationException | RequestFields.MalformedJson e) {
                fail(e.getMessage());
                return;
            }
            if (sent.isLocal()) {
                sent.localResponse().release();
                fail("channel answered locally");
                return;
            }
            String url = providers.forType(u.type()).url(target, sent.operation());
            URI uri = URI.create(url);
            UpstreamEndpoint endpoint = UpstreamEndpoint.of(uri);
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path, sent.body());
            http.headers()
                    .set(HttpHeaderNames.HOST, endpoint.hostHeader())
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, http.content().readableBytes())
                    .set(HttpHeaderNames.ACCEPT, "text/event-stream");
            providers.forType(u.type()).authorize(target, "POST", url, http.headers(), http.content());
            converter = translator.responseConverter(request, target, sent, text -> {
                if (firstTextNanos == 0 && text.length() > 0) {
                    firstTextNanos = System.nanoTime();
                }
                completion.append(text);
            });
            deadline = loop.schedule(
                    () -> fail("timed out after " + timeout.toMillis() + " ms"),
                    timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            Future<Channel> f = connector.acquire(loop, endpoint, true);
            f.addListener(x -> {
                if (!f.isSuccess()) {
                    http.release();
                    fail("connect failed: " + f.cause().getMessage());
                    return;
                }
                if (result.isDone()) {
                    http.release();
                    f.getNow().close();
                    return;
                }
                channel = f.getNow();
                UpstreamConnector.receiver(channel).attach(this);
                channel.writeAndFlush(http);
                channel.read();
            });
        }

        @Override
        public void onResponseHead(HttpResponse h) {
            head = h;
            if (h.status().code() >= 300) {
                errorBody = Unpooled.buffer();
            }
        }

        @Override
        public void onResponseContent(HttpContent content) {
            if (result.isDone()) {
                return;
            }
            if (errorBody != null) {
                if (errorBody.readableBytes() < 2000) {
                    errorBody.writeBytes(
                            content.content(),
                            content.content().readerIndex(),
                            Math.min(2000, content.content().readableBytes()));
                }
                if (content instanceof LastHttpContent) {
                    fail("HTTP " + head.status().code() + ": "
                            + errorBody.toString(StandardCharsets.UTF_8).strip());
                }
                return;
            }
            try {
                converter.onChunk(content.content(), channel.alloc(), outs);
                if (content instanceof LastHttpContent) {
                    converter.onEnd(channel.alloc(), outs);
                    finishOk();
                }
            } catch (RuntimeException e) {
                fail("unreadable answer: " + e.getMessage());
            } finally {
                outs.forEach(ByteBuf::release);
                outs.clear();
            }
        }

        @Override
        public void onReadComplete() {
            if (channel != null && !result.isDone()) {
                channel.read();
            }
        }

        @Override
        public void onConnectionFailure(Throwable cause) {
            fail("connection failed: " + cause.getMessage());
        }

        private void finishOk() {
            if (converter.fault() != null) {
                fail(converter.fault().type() + ": " + converter.fault().message());
                return;
            }
            long end = System.nanoTime();
            TokenUsage usage = converter.usage();
            long tokens = usage.completion() != TokenUsage.UNREPORTED ? usage.completion() : completion.tokens();
            Long ttft = firstTextNanos == 0 ? null : (firstTextNanos - start) / 1_000_000;
            BigDecimal tps = null;
            if (firstTextNanos != 0 && end > firstTextNanos && tokens > 0) {
                tps = BigDecimal.valueOf(tokens * 1_000_000_000L)
                        .divide(BigDecimal.valueOf(end - firstTextNanos), 1, RoundingMode.HALF_UP);
            }
            complete(new ChannelTestResult(true, (end - start) / 1_000_000, ttft, tps, null));
        }

        private void fail(String why) {
            complete(ChannelTestResult.failed((System.nanoTime() - start) / 1_000_000, why));
        }

        private void complete(ChannelTestResult r) {
            if (result.isDone()) {
                return;
            }
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (channel != null) {
                UpstreamConnector.receiver(channel).detach();
                channel.close();
            }
            if (converter != null) {
                converter.close();
            }
            if (errorBody != null) {
                errorBody.release();
            }
            if (clientBody != null) {
                clientBody.release();
            }
            result.complete(r);
        }
    }
}
