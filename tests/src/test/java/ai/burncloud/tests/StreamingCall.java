package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A streamed chat call read event by event on a thread of its own until it ends or is cut. */
final class StreamingCall {
    final String requestId;
    final long firstByteAt;
    private final AtomicInteger events = new AtomicInteger();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean sawDone;

    private StreamingCall(String requestId, long firstByteAt) {
        this.requestId = requestId;
        this.firstByteAt = firstByteAt;
    }

    /** Sends {@code body} to {@code base}'s chat completions with {@code key}; returns once the head is in. */
    static StreamingCall open(HttpClient http, String base, String key, String body) throws Exception {
        HttpResponse<InputStream> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                        .header("authorization", "Bearer " + key)
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        StreamingCall s =
                new StreamingCall(r.headers().firstValue("x-request-id").orElseThrow(), System.nanoTime());
        Thread t = new Thread(() -> s.read(r.body()), "stream-" + s.requestId);
        t.setDaemon(true);
        t.start();
        return s;
    }

    private void read(InputStream body) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals("data: [DONE]")) {
                    sawDone = true;
                } else if (line.startsWith("data:")) {
                    events.incrementAndGet();
                }
            }
        } catch (IOException cut) {
            // the router died under us
        } finally {
            ended.countDown();
        }
    }

    void awaitEvents(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (events.get() < n) {
            assertThat(System.nanoTime()).as("events of " + requestId).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Whether the stream ended whole (with its [DONE]). */
    boolean awaitEnd() throws InterruptedException {
        assertThat(ended.await(60, TimeUnit.SECONDS))
                .as("stream %s ended", requestId)
                .isTrue();
        return sawDone;
    }
}
