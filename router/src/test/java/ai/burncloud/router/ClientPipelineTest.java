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
                new Settler(ledger, recorder, tokens, new InFlightRequests("test", tokens)),
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
}
