package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import ai.burncloud.router.testing.GatewayFixture;
import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The regression guard of the hot path's cost (issue 15), without a clock: the bytes the data plane's
 * event-loop threads allocate per request, through the real pipeline (auth, routing, quota, usage,
 * settlement, request-log row) against a local fake upstream, averaged over many requests after a
 * warm-up. Allocation is what the garbage collector pays for, and unlike time it does not change
 * with the load of the machine: the tests' JVM runs C1 only ({@code TieredStopAtLevel=1}, no escape
 * analysis), so the count is what the code asks for, the same on every run within a few per cent.
 *
 * <p>The budgets are today's values plus a margin (docs/TESTING.md): a change that adds an object or
 * two per request passes, one that copies a body or decodes what it should pass through fails.
 */
class AllocationBudgetTest {
    /** Non-stream: 11,598 B/request measured (12,950 before issue 15's cuts); budget +25 %. */
    static final long NON_STREAM_BUDGET = 14_500;

    /** Stream (34 SSE events): 28,987 B/request measured (30,320 before); budget +25 %. */
    static final long STREAM_BUDGET = 36_250;

    private static final int WARMUP = 1500;
    private static final int MEASURED = 3000;

    private FakeUpstream upstream;
    private GatewayFixture gw;
    private String key;
    private ResourceLeakDetector.Level leakLevel;

    @BeforeEach
    void setUp() {
        upstream = FakeUpstream.start();
        gw = GatewayFixture.start(Map.of("IO_THREADS", "1"));
        gw.openAiChannel("json", upstream, List.of("gpt-4o"), 0, 0);
        gw.price("gpt-4o", "2.5", "10");
        key = gw.rootToken();
        gw.sync();
        // paranoid leak detection records a stack trace per buffer access: it would be most of what is
        // measured. The leak tests run with it; this one measures the production path.
        leakLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }

    @AfterEach
    void tearDown() {
        ResourceLeakDetector.setLevel(leakLevel);
        gw.close();
        upstream.close();
    }

    @Test
    void nonStreamRequestsStayWithinTheirAllocationBudget() throws Exception {
        upstream.always(Reply.whole(
                200, Fixtures.bytes("openai/chat-completion.openapi-spec-example.json"), "application/json"));
        long perRequest = bytesPerRequest(
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"developer\",\"content\":\"You are a helpful"
                        + " assistant.\"},{\"role\":\"user\",\"content\":\"Hello!\"}]}");
        System.out.printf(
                "allocation per non-stream request on the event loop: %,d bytes (budget %,d)%n",
                perRequest, NON_STREAM_BUDGET);
        assertThat(perRequest).isLessThanOrEqualTo(NON_STREAM_BUDGET);
        assertThat(gw.logs().get(0).cost()).as("still billed").isPositive();
    }

    @Test
    void streamRequestsStayWithinTheirAllocationBudget() throws Exception {
        upstream.always(Reply.sse(Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse")));
        long perRequest = bytesPerRequest("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"What's the weather like in San Francisco?\"}],\"stream\":true}");
        System.out.printf(
                "allocation per stream request on the event loop: %,d bytes (budget %,d)%n", perRequest, STREAM_BUDGET);
        assertThat(perRequest).isLessThanOrEqualTo(STREAM_BUDGET);
        assertThat(gw.logs().get(0).cost()).as("still billed").isPositive();
    }

    /** Runs the warm-up, then the measured requests, over one keep-alive connection. */
    private long bytesPerRequest(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST /v1/chat/completions HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + key
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (Socket s = new Socket("127.0.0.1", gw.router().port())) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < WARMUP; i++) {
                exchange(out, in, request, body);
            }
            gw.awaitIdle();
            long before = eventLoopAllocatedBytes();
            // ALLOC_JFR=/path/prefix: also records where the measured requests allocate (docs/TESTING.md)
            jdk.jfr.Recording rec = null;
            if (System.getenv("ALLOC_JFR") != null) {
                rec = new jdk.jfr.Recording();
                rec.enable("jdk.ObjectAllocationSample")
                        .with("throttle", "100000/s")
                        .withStackTrace();
                rec.start();
            }
            for (int i = 0; i < MEASURED; i++) {
                exchange(out, in, request, body);
            }
            if (rec != null) {
                rec.stop();
                rec.dump(java.nio.file.Path.of(System.getenv("ALLOC_JFR") + "-" + json.length() + ".jfr"));
            }
            gw.awaitIdle();
            return (eventLoopAllocatedBytes() - before) / MEASURED;
        }
    }

    private static void exchange(OutputStream out, InputStream in, byte[] head, byte[] body) throws IOException {
        out.write(head);
        out.write(body);
        out.flush();
        readChunkedResponse(in);
    }

    /** Reads one chunked 200 response (the gateway always answers chunked) up to its last chunk. */
    private static void readChunkedResponse(InputStream in) throws IOException {
        String status = line(in);
        assertThat(status).startsWith("HTTP/1.1 200");
        String header;
        while (!(header = line(in)).isEmpty()) {
            // headers: the gateway's are fixed; only the chunked framing matters here
        }
        while (true) {
            int size = Integer.parseInt(line(in).split(";", 2)[0].strip(), 16);
            in.readNBytes(size);
            line(in);
            if (size == 0) {
                return;
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        byte[] buf = new byte[256];
        int n = 0;
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return new String(buf, 0, n > 0 && buf[n - 1] == '\r' ? n - 1 : n, StandardCharsets.ISO_8859_1);
            }
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, n * 2);
            }
            buf[n++] = (byte) c;
        }
        throw new IOException("the gateway closed the connection");
    }

    /**
     * Bytes allocated so far by this gateway's event-loop threads, summed (by thread id: other
     * gateways of the same test JVM, still closing, must not count).
     */
    private long eventLoopAllocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : gw.router().ioThreadIds()) {
            total += threads.getThreadAllocatedBytes(id);
        }
        return total;
    }
}
