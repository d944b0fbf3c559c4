package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ChannelType;
import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.Channel;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An error reported inside a 200 before anything reached the client is a failed attempt like a 5xx. */
class FaultFailoverTest {
    private static final String MESSAGES = "{\"model\":\"claude\",\"max_tokens\":64,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void anOverloadedEventAsTheFirstThingFailsOverToTheNextChannel() {
        try (FakeUpstream busy = FakeUpstream.start();
                FakeUpstream fine = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start()) {
            busy.enqueue(Reply.sse(Fixtures.bytes("anthropic/messages-stream.error-event.sse")));
            fine.enqueue(Reply.sse(Fixtures.bytes("anthropic/messages-stream.recorded-real.sse")));
            Channel first = gw.channel(
                    "busy", ChannelType.ANTHROPIC, busy.baseUrl(), "k1", List.of("claude"), 10, 0, Map.of(), null);
            Channel second = gw.channel(
                    "fine", ChannelType.ANTHROPIC, fine.baseUrl(), "k2", List.of("claude"), 0, 0, Map.of(), null);
            gw.price("claude", "3", "15");
            String key = gw.rootToken();
            gw.sync();

            HttpResponse<String> res = gw.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/messages"))
                    .header("x-api-key", key)
                    .header("anthropic-version", "2023-06-01")
                    .header("anthropic-beta", "prompt-caching-2024-07-31")
                    .POST(HttpRequest.BodyPublishers.ofString(MESSAGES))
                    .build());

            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).contains("message_start").doesNotContain("overloaded_error");
            assertThat(fine.received().get(0).headers().get("anthropic-beta")).isEqualTo("prompt-caching-2024-07-31");
            assertThat(fine.received().get(0).headers().get("x-api-key")).isEqualTo("k2");
            RequestLog log = gw.logs().get(0);
            assertThat(log.retryTrail()).isEqualTo(first.id() + ":fault," + second.id() + ":200");
            assertThat(log.channelId()).isEqualTo(second.id());
            assertThat(log.promptTokens()).isEqualTo(135);
        }
    }

    @Test
    void whenEveryChannelFaultsTheClientGetsA502InItsOwnDialect() {
        try (FakeUpstream busy = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start()) {
            busy.always(Reply.sse(Fixtures.bytes("anthropic/messages-stream.error-event.sse")));
            gw.channel("busy", ChannelType.ANTHROPIC, busy.baseUrl(), "k1", List.of("claude"), 0, 0, Map.of(), null);
            gw.price("claude", "3", "15");
            String key = gw.rootToken();
            gw.sync();
            HttpResponse<String> res = gw.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/messages"))
                    .header("authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(MESSAGES))
                    .build());
            assertThat(res.statusCode()).isEqualTo(502);
            var error = Json.parse(res.body());
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("error").path("message").asText()).contains("overloaded_error");
            assertThat(gw.logs().get(0).cost()).isZero();
        }
    }
}
