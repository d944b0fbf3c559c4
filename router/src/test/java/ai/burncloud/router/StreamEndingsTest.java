package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a stream can end is settled once, with the documented billing rule. */
class StreamEndingsTest {
    private static final byte[] WEATHER = Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse");
    private static final String STREAM = "{\"model\":\"gpt-4o\",\"stream\":true,\"max_tokens\":100,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"What's the weather like in San Francisco?\"}]}";

    private FakeUpstream first;
    private FakeUpstream second;
    private GatewayFixture gw;
    private String key;

    @BeforeEach
    void setUp() {
        first = FakeUpstream.start();
        second = FakeUpstream.start();
        gw = GatewayFixture.start(Map.of("UPSTREAM_READ_TIMEOUT_MS", "700"));
        gw.openAiChannel("first", first, List.of("gpt-4o"), 10, 0);
        gw.openAiChannel("second", second, List.of("gpt-4o"), 0, 0);
        gw.price("gpt-4o", "2.5", "10");
        key = gw.rootToken();
        gw.sync();
    }

    @AfterEach
    void tearDown() {
        gw.close();
        first.close();
        second.close();
    }

    @Test
    void aStreamCutAfterTheFirstByteEndsWithAnErrorEventAndIsNeverRetried() {
        first.enqueue(Reply.cut(WEATHER, "text/event-stream", 1500));
        second.always(Reply.sse(WEATHER));

        HttpResponse<String> res = gw.post("/v1/chat/completions", key, STREAM);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(second.received()).isEmpty();
        String body = res.body();
        String lastEvent = body.strip().substring(body.strip().lastIndexOf("data: "));
        assertThat(Json.parse(lastEvent.substring(6)).path("error").path("code").asText())
                .isEqualTo("upstream_error");
        assertThat(body).doesNotContain("[DONE]");
        RequestLog log = gw.logs().get(0);
        assertThat(log.settlement()).isEqualTo("upstream_error_midstream");
        // no usage arrived: the delivered text and the prompt were counted locally, and the row says so
        assertThat(log.estimated()).isTrue();
        assertThat(log.promptTokens()).isPositive();
        assertThat(log.completionTokens()).isPositive();
        assertThat(log.cost()).isPositive();
    }

    @Test
    void aStreamThatGoesSilentTimesOut() {
        // the first piece arrives at once, the next only after 5 s: longer than the 700 ms read timeout
        first.always(Reply.stream(WEATHER, "text/event-stream", 450, 5_000));

        HttpResponse<String> res = gw.post("/v1/chat/completions", key, STREAM);

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("upstream_timeout");
        RequestLog log = gw.logs().get(0);
        assertThat(log.settlement()).isEqualTo("timeout");
        assertThat(second.received()).isEmpty();
    }

    @Test
    void aClientThatLeavesMidStreamIsBilledTheRealUsageReadAfterItLeft() throws Exception {
        // the upstream takes its time; the client reads the first event and hangs up
        first.enqueue(Reply.stream(WEATHER, "text/event-stream", 400, 100));
        try (Socket socket = new Socket("127.0.0.1", gw.router().port())) {
            String request = "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + key + "\r\nContent-Length: "
                    + STREAM.getBytes(StandardCharsets.UTF_8).length
                    + "\r\n\r\n" + STREAM;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("data:")) {
                // skip the head
            }
            assertThat(line).startsWith("data:");
        }
        RequestLog log = awaitLog();
        assertThat(log.settlement()).isEqualTo("client_gone");
        assertThat(log.status()).isEqualTo(499);
        assertThat(log.promptTokens()).isEqualTo(14);
        assertThat(log.completionTokens()).isEqualTo(30);
        assertThat(log.estimated()).isFalse();
        assertThat(log.cost()).isEqualTo(14 * 2500L + 30 * 10_000L);
    }

    private RequestLog awaitLog() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<RequestLog> logs = gw.logs();
            if (!logs.isEmpty()) {
                return logs.get(0);
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no request was settled");
    }
}
