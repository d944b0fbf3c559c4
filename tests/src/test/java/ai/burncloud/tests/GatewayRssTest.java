package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's "RSS bounded" invariant on the real jar, run with the launcher's own JVM options, under
 * the issue's reproductions: a flood of long, unique model names (each one used to become ~148
 * permanent Prometheus series; RSS reached 6.6 GB and the listener stopped accepting), 30 MB
 * bodies, and a crowd of connections that never finish a request. The kernel's count of the
 * process's resident memory must stay under a bound derived from the launcher's heap settings, and
 * must not grow with the number of distinct names once warmed up. Seeded like the fuzz
 * ({@code fuzz.seed}); {@code fuzz.cases} scales the flood for a long run.
 */
class GatewayRssTest {
    private static final String CHAT_ANSWER = "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";
    /** What the JVM needs besides heap and code cache: metaspace, thread stacks, GC and malloc. */
    private static final long NON_HEAP_MARGIN_MIB = 192;
    /**
     * Settled RSS growth allowed while the names multiply: how the JVM sizes its young generation and
     * what the JIT and malloc keep vary by 10-20 MiB between two otherwise equal moments.
     */
    private static final long GROWTH_ALLOWANCE_MIB = 32;
    /** Live heap growth allowed for 2,000 more names: under a kilobyte each (measured: under 0.1 MiB). */
    private static final long LIVE_HEAP_ALLOWANCE_BYTES = 2L * 1024 * 1024;

    /** Connections that send half a request and wait (each costs a channel and its buffers). */
    private static final int CONNECTIONS = 1000;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void hostileLoadLeavesTheResidentSetBoundedAndFlatInTheNumberOfNames() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261206L);
        int warmUpNames = Math.max(1000, Integer.getInteger("fuzz.cases", 1000));
        int floodNames = 2 * warmUpNames;
        List<String> jvm = GatewayProcess.launcherJvmOptions();
        long bound = megabytes(jvm, "-Xmx") + megabytes(jvm, "-XX:ReservedCodeCacheSize=") + NON_HEAP_MARGIN_MIB;

        try (FakeUpstream up = FakeUpstream.start();
                GatewayProcess gw = GatewayProcess.startIn(dir, Map.of(), jvm, 0);
                ProcessMemory memory = new ProcessMemory(gw.pid())) {
            up.otherwise(r -> Reply.json(200, CHAT_ANSWER));
            GatewayAdmin admin = GatewayAdmin.signIn(gw.baseUrl(), "root", gw.rootPassword());
            admin.addChannel(
                    "fake", "openai", up.baseUrl() + "/v1", "sk-upstream", List.of("gpt-4o"), 0, Map.of(), null);
            admin.price("gpt-4o", "1", "1");
            String key = admin.createKey("rss");
            awaitServed(gw, key);
            long started = memory.nowMiB();
            memory.startSampling();
            long t0 = System.nanoTime();

            // warm-up: every kind of hostile load once, so every code path and pool has been used
            Names names = new Names(seed);
            Statuses statuses = new Statuses();
            flood(gw, key, names, warmUpNames, statuses);
            bigBodies(gw, key, names, statuses, true);
            long crowdPeak = crowd(gw, memory, CONNECTIONS);
            assertAlive(gw);
            ProcessMemory.Settled warmedUp = memory.settled();
            int seriesWarmedUp = series(gw);
            System.out.printf(
                    "rss bound: launcher %s, bound %d MiB; RSS at start %d MiB; after %d names, two 30 MB bodies"
                            + " and %d connections (peak %d MiB): %s, %d series%n",
                    jvm, bound, started, warmUpNames, CONNECTIONS, crowdPeak, warmedUp, seriesWarmedUp);

            // the flood: twice as many new names again
            flood(gw, key, names, floodNames, statuses);
            bigBodies(gw, key, names, statuses, false);
            assertAlive(gw);
            ProcessMemory.Settled flooded = memory.settled();
            long peak = memory.peakMiB();
            System.out.printf(
                    "rss bound: after %d more names: %s, peak %d MiB; answers %s; %.1f s of load%n",
                    floodNames, flooded, peak, statuses, (System.nanoTime() - t0) / 1e9);

            assertThat(statuses.serverErrors())
                    .as("5xx answers to hostile input")
                    .isZero();
            assertThat(peak).as("peak RSS (MiB) under load").isLessThanOrEqualTo(bound);
            assertThat(flooded.rssMiB()).as("settled RSS (MiB)").isLessThanOrEqualTo(bound);
            assertThat(flooded.rssMiB() - warmedUp.rssMiB())
                    .as("settled RSS growth (MiB) from %d to %d names", warmUpNames, warmUpNames + floodNames)
                    .isLessThanOrEqualTo(GROWTH_ALLOWANCE_MIB);
            // the live heap is the precise view of the same thing: a kilobyte per name shows here
            assertThat(flooded.liveHeapBytes() - warmedUp.liveHeapBytes())
                    .as("live heap growth (bytes) from %d to %d names", warmUpNames, warmUpNames + floodNames)
                    .isLessThanOrEqualTo(LIVE_HEAP_ALLOWANCE_BYTES);
            // rendering /metrics is where unbounded labels ran the heap out (issue 9: a 500, then an OOM)
            assertThat(series(gw))
                    .as("Prometheus series after %d more names", floodNames)
                    .isLessThanOrEqualTo(seriesWarmedUp + 50);
            assertThat(chat(gw, key, "gpt-4o".getBytes(StandardCharsets.UTF_8)).statusCode())
                    .as("a normal request after it all")
                    .isEqualTo(200);
        }
    }

    /** Unique printable names of 256 bytes, the longest the doors take; every 50th is 100 KB (a 400). */
    private static final class Names {
        private final Random random;
        private int next;

        Names(long seed) {
            this.random = new Random(seed);
        }

        String next() {
            int n = next++;
            int length = n % 50 == 49 ? 100_000 : 256;
            StringBuilder b =
                    new StringBuilder(length).append("flood-").append(n).append('-');
            while (b.length() < length) {
                b.append((char) ('a' + random.nextInt(26)));
            }
            return b.toString();
        }
    }

    /** The answers seen, by status. */
    private static final class Statuses {
        private final Map<Integer, Integer> counts = new ConcurrentHashMap<>();

        void add(int status) {
            counts.merge(status, 1, Integer::sum);
        }

        long serverErrors() {
            return counts.entrySet().stream()
                    .filter(e -> e.getKey() >= 500)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        @Override
        public String toString() {
            return new java.util.TreeMap<>(counts).toString();
        }
    }

    /** {@code count} chat requests, 16 at a time, each asking for a model nobody configured. */
    private void flood(GatewayProcess gw, String key, Names names, int count, Statuses statuses) throws Exception {
        Semaphore window = new Semaphore(16);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] body = ("{\"model\":\"" + names.next() + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            window.acquire();
            all.add(http.sendAsync(request(gw, key, body), HttpResponse.BodyHandlers.discarding())
                    .thenAccept(r -> statuses.add(r.statusCode()))
                    .whenComplete((x, e) -> window.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }

    /** Two 30 MB single-character prompts at once (issue 9's tokenizer freeze); once, one over the limit. */
    private void bigBodies(GatewayProcess gw, String key, Names names, Statuses statuses, boolean overLimit) {
        byte[] run = new byte[30 * 1024 * 1024];
        Arrays.fill(run, (byte) 'a');
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            all.add(http.sendAsync(request(gw, key, prompt(names.next(), run)), HttpResponse.BodyHandlers.discarding())
                    .thenAccept(r -> statuses.add(r.statusCode())));
        }
        if (overLimit) {
            byte[] tooBig = new byte[33 * 1024 * 1024];
            Arrays.fill(tooBig, (byte) 'a');
            all.add(http.sendAsync(request(gw, key, prompt("gpt-4o", tooBig)), HttpResponse.BodyHandlers.discarding())
                    .handle((r, e) -> {
                        // answered 413 while the body is still coming; a client may see the reset instead
                        if (r != null) {
                            statuses.add(r.statusCode());
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }

    private static byte[] prompt(String model, byte[] content) {
        byte[] head = ("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(head, head.length + content.length + tail.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return body;
    }

    /** {@code n} connections that send half a request and wait; the peak RSS while they are held. */
    private static long crowd(GatewayProcess gw, ProcessMemory memory, int n) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Socket s = new Socket("127.0.0.1", gw.port());
                OutputStream out = s.getOutputStream();
                out.write("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                sockets.add(s);
            }
            sleep(300);
            return memory.peakMiB();
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** Fails with the end of the gateway's log when it has exited (e.g. out of memory). */
    private static void assertAlive(GatewayProcess gw) throws IOException {
        if (!gw.isAlive()) {
            List<String> log = java.nio.file.Files.readAllLines(gw.log());
            throw new AssertionError("the gateway exited; the end of its log:\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 15), log.size())));
        }
    }

    /** Non-comment lines of /metrics: one per series. */
    private int series(GatewayProcess gw) throws Exception {
        HttpResponse<String> r;
        try {
            r = http.send(
                    HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/metrics"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            assertAlive(gw); // rendering /metrics is where the unbounded labels ran out of memory
            throw e;
        }
        assertThat(r.statusCode()).isEqualTo(200);
        return (int) r.body().lines().filter(l -> !l.startsWith("#")).count();
    }

    private void awaitServed(GatewayProcess gw, String key) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = chat(gw, key, "gpt-4o".getBytes(StandardCharsets.UTF_8)).statusCode();
            if (status == 200) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("the new channel served no request within 10 s (last answer " + status + ")");
    }

    private HttpResponse<Void> chat(GatewayProcess gw, String key, byte[] model) throws Exception {
        byte[] body = prompt(new String(model, StandardCharsets.UTF_8), "hi".getBytes(StandardCharsets.UTF_8));
        return http.send(request(gw, key, body), HttpResponse.BodyHandlers.discarding());
    }

    private static HttpRequest request(GatewayProcess gw, String key, byte[] body) {
        return HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("authorization", "Bearer " + key)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** A size option's value in MiB ({@code -Xmx256m}, {@code -XX:ReservedCodeCacheSize=48m}). */
    private static long megabytes(List<String> options, String prefix) {
        String v = options.stream()
                .filter(o -> o.startsWith(prefix))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("the launcher sets no " + prefix))
                .substring(prefix.length())
                .toLowerCase(java.util.Locale.ROOT);
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
            case 'g' -> n * 1024;
            case 'm' -> n;
            case 'k' -> n / 1024;
            default -> throw new IllegalStateException("unexpected size " + v);
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
