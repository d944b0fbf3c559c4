package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.ConfigLoader;
import ai.burncloud.common.Json;
import ai.burncloud.router.provider.Providers;
import ai.burncloud.router.translate.Translators;
import ai.burncloud.service.QuotaLedger;
import ai.burncloud.service.TokenCounter;
import ai.burncloud.service.UsageRecorder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client pipeline on an EmbeddedChannel: raw bytes in, raw bytes out, no sockets. */
class ClientPipelineTest {
    private final BurnCloudConfig config = ConfigLoader.fromMap(
            Map.of("MAX_REQUEST_BODY_MB", "1", "HEADER_TIMEOUT_MS", "5000", "DATABASE_URL", "sqlite:unused.db"));
    private final EmbeddedChannel channel = new EmbeddedChannel(new RouterChannelInitializer(
            plane(config),
            new io.netty.channel.group.DefaultChannelGroup(io.netty.util.concurrent.GlobalEventExecutor.INSTANCE)));

    private static DataPlane plane(BurnCloudConfig config) {
        QuotaLedger ledger = new QuotaLedger();
        TokenCounter tokens = TokenCounter.standard();
        CircuitBreakers breakers =
                new CircuitBreakers(5, Duration.ofSeconds(30), Duration.ofSeconds(30), System::nanoTime);
        UsageRecorder recorder = new UsageRecorder(batch -> {}, ledger);
        return new DataPlane(
                config,
                RoutingSnapshot::empty,
                new Gatekeeper(new RateLimiter(System::nanoTime), ledger, tokens),
                new UpstreamSelector(breakers),
                breakers,
                Translators.standard(),
                Providers.standard(),
                new UpstreamConnector(NioSocketChannel.class, Duration.ofSeconds(1)),
                new Settler(
                        ledger,
                        recorder,
                        new PromptCounting(tokens, java.time.Duration.ofSeconds(2)),
                        new InFlightRequests("test", tokens)),
                tokens,
                (id, why) -> {},
                new AtomicInteger(),
                null,
                "sqlite",
                new UpstreamRequests(Providers.standard(), new UpstreamUrls()),
                new KeyLookup(hash -> false, hash -> false, () -> {}, System::nanoTime, KeyLookup.Limits.STANDARD));
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void send(String raw) {
        channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.UTF_8));
    }

    /** Everything written to the client so far, as text. */
    private String received() {
        StringBuilder sb = new StringBuilder();
        ByteBuf b;
        while ((b = channel.readOutbound()) != null) {
            sb.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        return sb.toString();
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void healthAnswers() {
        send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        String res = received();
        assertThat(res).startsWith("HTTP/1.1 200 OK").contains("x-request-id: req_");
        assertThat(Json.parse(body(res)).path("status").asText()).isEqualTo("ok");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        send(
                "GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        String res = received();
        int first = res.indexOf("HTTP/1.1 200");
        int second = res.indexOf("HTTP/1.1 404");
        int third = res.indexOf("HTTP/1.1 200", second);
        assertThat(first).isZero();
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerInOpenAiShape() {
        send("GET /api/anything HTTP/1.1\r\nHost: x\r\n\r\n");
        String notFound = received();
        assertThat(notFound).startsWith("HTTP/1.1 404");
        assertThat(Json.parse(body(notFound)).path("error").path("code").asText())
                .isEqualTo("not_found");
        send("DELETE /v1/chat/completions HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(received()).startsWith("HTTP/1.1 405");
    }

    @Test
    void aMissingKeyIs401BeforeTheBodyIsEvenLookedAt() {
        send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n{oops");
        String res = received();
        assertThat(res).startsWith("HTTP/1.1 401");
        assertThat(Json.parse(body(res)).path("error").path("code").asText()).isEqualTo("invalid_token");
    }

    @Test
    void aDeclaredOversizedBodyIs413AtOnceAndTheConnectionClosesOnceTheBodyIsSwallowed() {
        send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 1500000\r\n\r\n{");
        String res = received();
        // answered before the body is in, so a client still sending can read why
        assertThat(res).startsWith("HTTP/1.1 413");
        assertThat(Json.parse(body(res)).path("error").path("code").asText()).isEqualTo("payload_too_large");
        assertThat(res).containsIgnoringCase("x-request-id: req_");
        assertThat(channel.isOpen()).isTrue();
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[1_500_000 - 1]));
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void anOversizedBodyAnnouncedWithExpectContinueIsTheSameJson413AndNoBodyIsWaitedFor() {
        send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1500000\r\n\r\n");
        channel.runPendingTasks();
        String res = received();
        assertThat(res).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
        assertThat(res).containsIgnoringCase("content-type: application/json");
        assertThat(res).containsIgnoringCase("x-request-id: req_");
        assertThat(Json.parse(body(res)).path("error").path("code").asText()).isEqualTo("payload_too_large");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aSmallBodyAnnouncedWithExpectContinueIsInvitedIn() {
        send("POST /health HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        assertThat(received()).startsWith("HTTP/1.1 100 Continue");
    }

    @Test
    void aRequestThatNeverCompletesGets408() {
        send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"model\":");
        assertThat(received()).isEmpty();
        channel.advanceTimeBy(5, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        String res = received();
        assertThat(res).startsWith("HTTP/1.1 408");
        assertThat(Json.parse(body(res)).path("error").path("code").asText()).isEqualTo("request_timeout");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aMalformedRequestLineIs400AndCloses() {
        send("THIS IS NOT HTTP\r\n\r\n");
        String res = received();
        assertThat(res).startsWith("HTTP/1.1 400");
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    // ---- strict HTTP (issue 9): every answer below was a 500, a 200 or a silent hold before

    @Test
    void malformedPercentEscapesAre400BeforeAuthenticationOnEveryPath() {
        for (String path : new String[] {"/health%", "/v1/%zz", "/v1beta/models/g%zz:generateContent"}) {
            send("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
            String res = received();
            assertThat(res).as(path).startsWith("HTTP/1.1 400");
            assertThat(Json.parse(body(res)).path("error").path("code").asText())
                    .isEqualTo("invalid_request");
        }
        send("POST /v1beta/models/g:generateContent?key=%zz HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(received()).startsWith("HTTP/1.1 400");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void anHttp11RequestNeedsExactlyOneHost() {
        send("GET /health HTTP/1.1\r\n\r\n");
        assertThat(received()).startsWith("HTTP/1.1 400");
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void twoHostHeadersAre400() {
        send("GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
        assertThat(received()).startsWith("HTTP/1.1 400");
    }

    @Test
    void http10MayOmitHost() {
        send("GET /health HTTP/1.0\r\n\r\n");
        assertThat(received()).contains(" 200 OK");
    }

    @Test
    void unsupportedHttpVersionsGetTheSameAnswerOnEveryPath() {
        send("GET /health HTTP/2.0\r\nHost: x\r\n\r\n");
        String health = received();
        assertThat(health).contains(" 505 ");
        assertThat(Json.parse(body(health)).path("error").path("code").asText())
                .isEqualTo("http_version_not_supported");
    }

    @Test
    void unsupportedHttpVersionsOnControlPlanePathsToo() {
        send("GET /api/status HTTP/2.0\r\nHost: x\r\n\r\n");
        assertThat(received()).contains(" 505 ");
    }

    @Test
    void obsoleteLineFoldingIs400AndCloses() {
        send("GET /health HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\n\r\n");
        String res = received();
        assertThat(res).startsWith("HTTP/1.1 400");
        assertThat(Json.parse(body(res)).path("error").path("code").asText()).isEqualTo("invalid_request");
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void foldingIsRefusedEvenWhenTheBytesArriveOneByOne() {
        for (byte b : "GET /health HTTP/1.1\r\nHost: x\r\n\tfolded\r\n\r\n".getBytes(StandardCharsets.UTF_8)) {
            if (channel.isOpen()) {
                channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            }
        }
        assertThat(received()).startsWith("HTTP/1.1 400");
    }

    @Test
    void aBodyWithLeadingSpacesAfterANewlineIsNotMistakenForFolding() {
        send(
                "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\n\r\n{\n  \"a\"}GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        String res = received();
        assertThat(res).startsWith("HTTP/1.1 401").contains("HTTP/1.1 200");
    }

    @Test
    void aPipelinedRequestThatFoldsIsRefusedToo() {
        send("GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\n\r\n");
        String res = received();
        assertThat(res).startsWith("HTTP/1.1 200").contains("HTTP/1.1 400");
    }

    @Test
    void headRequestsGetNoBody() {
        send("HEAD /health HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        String res = received();
        assertThat(res.indexOf("HTTP/1.1 200", 1)).isGreaterThan(0);
        assertThat(res.substring(0, res.indexOf("HTTP/1.1 200", 1))).doesNotContain("status");
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheFirstByteTimeout() {
        assertThat(channel.isOpen()).isTrue();
        channel.advanceTimeBy(config.clientFirstByteTimeout().toMillis() + 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(received()).isEmpty();
    }

    @Test
    void aConnectionThatSentAByteIsNotClosedByTheFirstByteTimeout() {
        send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        received();
        channel.advanceTimeBy(config.clientFirstByteTimeout().toMillis() + 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void connectionsPastMaxConnectionsAreClosedAtOnceAndCountedBackWhenOthersLeave() {
        BurnCloudConfig one = ConfigLoader.fromMap(Map.of("MAX_CONNECTIONS", "1", "DATABASE_URL", "sqlite:unused.db"));
        RouterChannelInitializer listener = new RouterChannelInitializer(
                plane(one),
                new io.netty.channel.group.DefaultChannelGroup(io.netty.util.concurrent.GlobalEventExecutor.INSTANCE));
        EmbeddedChannel first = new EmbeddedChannel(listener);
        EmbeddedChannel second = new EmbeddedChannel(listener);
        assertThat(first.isOpen()).isTrue();
        assertThat(second.isOpen()).isFalse();
        first.close();
        EmbeddedChannel third = new EmbeddedChannel(listener);
        assertThat(third.isOpen()).isTrue();
        third.finishAndReleaseAll();
        second.finishAndReleaseAll();
    }
}
