package ai.burncloud.client;

import ai.burncloud.common.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code /api/stats/live} on its own daemon thread and hands each sample to a consumer (on
 * that thread: the consumer posts to the FX thread). When the stream breaks it reconnects after
 * 1 s, doubling up to 30 s, and tells the bus the server was lost and, once it answers, back.
 */
final class LiveStatsStream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveStatsStream.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final ApiClient api;
    private final EventBus bus;
    private final Consumer<LiveSample> samples;
    private final Thread thread;
    private final AtomicReference<InputStream> body = new AtomicReference<>();
    private volatile boolean closed;

    LiveStatsStream(ApiClient api, EventBus bus, Consumer<LiveSample> samples) {
        this.api = api;
        this.bus = bus;
        this.samples = samples;
        this.thread = new Thread(this::run, "burncloud-live-stats");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        Duration wait = FIRST_RETRY;
        boolean lost = false;
        while (!closed) {
            try {
                HttpRequest request = api.request("/api/stats/live")
                        .header("accept", "text/event-stream")
                        .GET()
                        .build();
                HttpResponse<InputStream> resp = api.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
                if (resp.statusCode() != 200) {
                    resp.body().close();
                    throw new IOException("the server answered HTTP " + resp.statusCode());
                }
                body.set(resp.body());
                if (lost) {
                    bus.publish(ServerEvent.back());
                    lost = false;
                }
                wait = FIRST_RETRY;
                read(resp.body());
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                if (!lost) {
                    bus.publish(ServerEvent.lost("cannot reach " + api.server() + " (" + e.getMessage() + ")"));
                    lost = true;
                }
                log.debug("live statistics stream broke: {}", e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
        }
    }

    /** Reads events until the stream ends: a broken stream throws, an ended one returns. */
    private void read(InputStream in) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while (!closed && (line = r.readLine()) != null) {
                if (line.startsWith("data:")) {
                    try {
                        samples.accept(
                                LiveSample.of(Json.parse(line.substring(5).strip())));
                    } catch (IllegalArgumentException badEvent) {
                        log.debug("skipped a malformed live event: {}", badEvent.getMessage());
                    }
                }
            }
        }
        if (!closed) {
            throw new IOException("the live statistics stream ended");
        }
    }

    @Override
    public void close() {
        closed = true;
        InputStream in = body.getAndSet(null);
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
        thread.interrupt();
    }
}
