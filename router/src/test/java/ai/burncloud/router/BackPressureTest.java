package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client that does not read slows the upstream read down instead of filling the gateway's memory. */
class BackPressureTest {
    @Test
    void aStalledClientDoesNotMakeTheGatewayBufferTheStream() throws Exception {
        // 24 MiB of SSE events, sent by the upstream as fast as it can
        StringBuilder sb = new StringBuilder();
        String event = "data: {\"choices\":[{\"delta\":{\"content\":\""
                + "the quick brown fox jumps over the lazy dog ".repeat(20) + "\"}}]}\n\n";
        while (sb.length() < 24 * 1024 * 1024) {
            sb.append(event);
        }
        sb.append("data: [DONE]\n\n");
        byte[] stream = sb.toString().getBytes(StandardCharsets.UTF_8);
        try (FakeUpstream up = FakeUpstream.start();
                GatewayFixture gw = GatewayFixture.start()) {
            up.always(Reply.stream(stream, "text/event-stream", 64 * 1024, 0));
            gw.openAiChannel("a", up, List.of("gpt-4o"), 0, 0);
            gw.price("gpt-4o", "1", "1");
            String key = gw.rootToken();
            gw.sync();
            ByteBufAllocatorMetricProvider metrics = (ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT;
            long before = metrics.metric().usedDirectMemory() + metrics.metric().usedHeapMemory();

            String body =
                    "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[]}";
            try (Socket socket = new Socket("127.0.0.1", gw.router().port())) {
                socket.setReceiveBufferSize(64 * 1024);
                socket.getOutputStream()
                        .write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                                        + "\r\n\r\n" + body)
                                .getBytes(StandardCharsets.UTF_8));
                Thread.sleep(1500); // the client reads nothing
                long during =
                        metrics.metric().usedDirectMemory() + metrics.metric().usedHeapMemory();
                assertThat(during - before)
                        .as("gateway buffer growth while the client stalls")
                        .isLessThan(8L << 20);

                InputStream in = socket.getInputStream();
                byte[] buf = new byte[1 << 16];
                long total = 0;
                int n;
                String tail = "";
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    tail = (tail + new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    tail = tail.substring(Math.max(0, tail.length() - 64));
                    if (tail.contains("data: [DONE]")) {
                        break;
                    }
                }
                assertThat(total).isGreaterThan(stream.length);
            }
        }
    }
}
