package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.database.RequestLog;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Load alone must never shut off a healthy provider: 64 clients hang up abruptly (a reset) while
 * non-stream answers are arriving from a healthy upstream, over and over for a few seconds. Afterwards
 * a normal request is served by that upstream, no request was refused by a breaker, and none failed
 * for anything but its client's leaving.
 */
class DisconnectStormTest {
    private static final int CLIENTS = 64;
    private static final long STORM_MILLIS = 3_000;

    @Test
    void clientsHangingUpDuringDeliveryNeverOpenTheBreakerOfAHealthyUpstream() throws Exception {
        byte[] answer = answer();
        try (FakeUpstream up = FakeUpstream.start();
                RunningGateway gw = RunningGateway.start(
                        Map.of("CIRCUIT_FAILURES", "5", "CLIENT_GONE_DRAIN_SECONDS", "1", "RETRY_TIMES", "0"))) {
            // a healthy upstream whose answers arrive in pieces, so hang-ups land in the middle of delivery
            up.always(Reply.stream(answer, "application/json", 2048, 2));
            gw.addChannel("healthy", "openai", up.baseUrl() + "/v1", List.of("gpt-4o"), null);
            gw.price("gpt-4o", "1", "1");
            String key = gw.token();
            gw.sync();

            int port = Integer.parseInt(gw.baseUrl().substring(gw.baseUrl().lastIndexOf(':') + 1));
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STORM_MILLIS);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Integer>> hangUps = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                hangUps.add(pool.submit(() -> hangUpRepeatedly(port, key, until)));
            }
            int total = 0;
            for (Future<Integer> f : hangUps) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(total).as("abrupt hang-ups").isGreaterThan(CLIENTS);

            HttpResponse<String> normal = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                                    .timeout(Duration.ofSeconds(20))
                                    .header("authorization", "Bearer " + key)
                                    .header("content-type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(request()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(normal.statusCode()).isEqualTo(200);
            assertThat(normal.body()).contains("chatcmpl-storm");

            List<RequestLog> logs = gw.logs();
            assertThat(logs)
                    .as("no request was refused by an open breaker")
                    .noneMatch(l -> l.settlement().equals("rejected"));
            assertThat(logs)
                    .as("nothing failed but for its client's leaving")
                    .allMatch(l -> l.settlement().equals("completed")
                            || l.settlement().equals("client_gone")
                            || l.status() == 499);
        }
    }

    /** Sends requests and resets the connection while the answer is on its way; returns how many. */
    private static int hangUpRepeatedly(int port, String key, long until) {
        byte[] req = ("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                        + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + request().length()
                        + "\r\n\r\n" + request())
                .getBytes(StandardCharsets.UTF_8);
        int n = 0;
        byte[] buf = new byte[4096];
        while (System.nanoTime() < until) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoLinger(true, 0); // close = reset: the hang-up is abrupt
                s.getOutputStream().write(req);
                s.getOutputStream().flush();
                int mode = ThreadLocalRandom.current().nextInt(4);
                if (mode == 0) {
                    InputStream in = s.getInputStream();
                    s.setSoTimeout(2000);
                    in.read(buf); // the first bytes of the answer, then gone
                } else {
                    // gone about when the answer arrives
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000, 3_000_000));
                }
            } catch (IOException e) {
                // the gateway may see us leave first: that is the point
            }
            n++;
        }
        return n;
    }

    private static String request() {
        return "{\"model\":\"gpt-4o\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    /** A chat completion of about 18 KiB with usage, as a healthy upstream would send. */
    private static byte[] answer() {
        String text = "lorem ipsum ".repeat(1_500);
        return ("{\"id\":\"chatcmpl-storm\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text
                        + "\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":10000,\"total_tokens\":10009}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
