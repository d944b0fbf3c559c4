package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After a client leaves an OpenAI stream, the upstream is drained for its usage at most
 * CLIENT_GONE_DRAIN_MAX_MB (the OpenAI converter used to move the caller's buffer indexes, so the
 * drained bytes counted zero and the cap never fired).
 */
class ClientGoneDrainCapTest {
    private static final long REPORTED_COMPLETION = 777_777;

    /** About 3 MiB of chunks, then a usage chunk the gateway should never reach. */
    private static byte[] longStream() {
        StringBuilder sb = new StringBuilder();
        String text = "word ".repeat(200);
        for (int i = 0; i < 3000; i++) {
            sb.append("data: {\"id\":\"chatcmpl-long\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                            + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"")
                    .append(text)
                    .append("\"},\"finish_reason\":null}]}\n\n");
        }
        sb.append("data: {\"id\":\"chatcmpl-long\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"gpt-4o\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":"
                + REPORTED_COMPLETION + ",\"total_tokens\":" + (REPORTED_COMPLETION + 9) + "}}\n\ndata: [DONE]\n\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theDrainStopsAtTheCapOnAnOpenAiStream() throws Exception {
        byte[] stream = longStream();
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start(
                        Map.of("CLIENT_GONE_DRAIN_MAX_MB", "1", "CLIENT_GONE_DRAIN_SECONDS", "60"))) {
            up.always(Reply.stream(stream, "text/event-stream", 16 * 1024, 2));
            gw.openAiChannel("a", up, List.of("gpt-4o"), 0, 0);
            gw.price("gpt-4o", "1", "1");
            String key = gw.rootToken();
            gw.sync();
            String body =
                    "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            try (Socket socket = new Socket("127.0.0.1", gw.router().port())) {
                socket.getOutputStream()
                        .write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                                        + "\r\n\r\n" + body)
                                .getBytes(StandardCharsets.UTF_8));
                InputStream in = socket.getInputStream();
                byte[] buf = new byte[8192];
                assertThat(in.read(buf)).isPositive(); // the stream has begun; now leave
            }
            RequestLog row = null;
            for (int i = 0; i < 400 && row == null; i++) {
                List<RequestLog> logs = gw.logs();
                row = logs.isEmpty() ? null : logs.get(0);
                if (row == null) {
                    Thread.sleep(25);
                }
            }
            assertThat(row).as("settled").isNotNull();
            assertThat(row.settlement()).isEqualTo("client_gone");
            assertThat(row.completionTokens())
                    .as("the drain stopped at 1 MiB, long before the usage chunk")
                    .isLessThan(REPORTED_COMPLETION);
            assertThat(row.estimated()).isTrue();
        }
    }
}
