package ai.burncloud.router;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
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
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.concurrent.ScheduledFuture;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * text and to the end. Nothing is billed or logged as a request. The call goes through
 * {@link UpstreamRequests} and {@link UpstreamAttempt}, as every proxied request does.
 */
final class ChannelProbe {
    private static final String PROMPT = "Reply with the word hello, five times.";

    private final Supplier<RoutingSnapshot> snapshot;
    private final Translators translators;
    private final UpstreamRequests requests;
    private final UpstreamConnector connector;
    private final EventLoopGroup loops;
    private final Duration timeout;
    private final TokenCounter tokenCounter;

    ChannelProbe(
            Supplier<RoutingSnapshot> snapshot,
            Translators translators,
            UpstreamRequests requests,
            UpstreamConnector connector,
            EventLoopGroup loops,
            Duration timeout,
            TokenCounter tokenCounter) {
        this.snapshot = snapshot;
        this.translators = translators;
        this.requests = requests;
        this.connector = connector;
        this.loops = loops;
        this.timeout = timeout;
        this.tokenCounter = tokenCounter;
    }

    CompletableFuture<ChannelTestResult> test(long channelId, String model) {
        CompletableFuture<ChannelTestResult> result = new CompletableFuture<>();
        EventLoop loop = loops.next();
        loop.execute(() -> {
            Probe probe = new Probe(loop, result);
            try {
                probe.start(channelId, model);
            } catch (RuntimeException e) {
                probe.fail("internal error: " + e);
            }
        });
        return result;
    }

    private final class Probe implements UpstreamAttempt.Events {
        private final EventLoop loop;
        private final CompletableFuture<ChannelTestResult> result;
        private final long start = System.nanoTime();
        private final CompletionCounter completion = new CompletionCounter(tokenCounter);
        private final List<ByteBuf> outs = new ArrayList<>();
        private long firstTextNanos;
        private UpstreamAttempt attempt;
        private ResponseConverter converter;
        private HttpResponse head;
        private ByteBuf errorBody;
        private ScheduledFuture<?> deadline;
        private ByteBuf clientBody;
        private UpstreamBody sent;

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
            UpstreamRequests.Built built;
            try {
                built = requests.build(u, target, sent, null);
            } catch (IllegalArgumentException e) {
                fail("invalid URL: " + e.getMessage());
                return;
            }
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
            // a fresh connection: the test times a whole call, connection included
            attempt = new UpstreamAttempt(connector, loop, built.endpoint(), built.request(), timeout.toNanos(), this);
            attempt.start(true);
        }

        @Override
        public void onHead(HttpResponse h) {
            head = h;
            if (h.status().code() >= 300) {
                errorBody = Unpooled.buffer();
            }
        }

        @Override
        public void onContent(ByteBuf data, boolean last) {
            if (result.isDone()) {
                return;
            }
            if (errorBody != null) {
                if (errorBody.readableBytes() < 2000) {
                    errorBody.writeBytes(data, data.readerIndex(), Math.min(2000, data.readableBytes()));
                }
                if (last) {
                    fail("HTTP " + head.status().code() + ": "
                            + errorBody.toString(StandardCharsets.UTF_8).strip());
                }
                return;
            }
            try {
                converter.onChunk(data, io.netty.buffer.ByteBufAllocator.DEFAULT, outs);
                if (last) {
                    converter.onEnd(io.netty.buffer.ByteBufAllocator.DEFAULT, outs);
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
            if (!result.isDone()) {
                attempt.read();
            }
        }

        @Override
        public void onFailure(UpstreamAttempt.Failure failure, String message) {
            fail(
                    switch (failure) {
                        case CONNECT -> "connect failed: " + message;
                        case TIMEOUT -> "timed out: " + message;
                        case CONNECTION -> "connection failed: " + message;
                    });
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

        void fail(String why) {
            complete(ChannelTestResult.failed((System.nanoTime() - start) / 1_000_000, why));
        }

        private void complete(ChannelTestResult r) {
            if (result.isDone()) {
                return;
            }
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (attempt != null) {
                attempt.end();
            }
            if (converter != null) {
                converter.close();
            }
            if (errorBody != null) {
                errorBody.release();
            }
            if (sent != null && sent.body() != null && sent.body().refCnt() > 0) {
                sent.body().release();
            }
            if (clientBody != null) {
                clientBody.release();
            }
            result.complete(r);
        }
    }
}
