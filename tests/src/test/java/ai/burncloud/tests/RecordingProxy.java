package ai.burncloud.tests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Recording mode of the live suite ({@code -Drecord=true}): a loopback reverse proxy between the
 * gateway and one real provider that passes every byte through unchanged, streams included, and saves
 * each response body as a fixture under {@code fixtures/PROVIDER/live/} with the key and the
 * provider's ids scrubbed, plus a line naming its source in {@code SOURCES.md} there.
 */
final class RecordingProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS =
            Set.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade", "keep-alive");
    private static final Pattern IDS =
            Pattern.compile("\"(id|responseId|request_id|requestId|system_fingerprint)\"\\s*:\\s*\"[^\"]*\"");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final URI target;
    private final LiveProvider provider;
    private final Path folder;
    private final AtomicInteger count = new AtomicInteger();

    private RecordingProxy(URI target, LiveProvider provider, Path folder) throws IOException {
        this.target = target;
        this.provider = provider;
        this.folder = folder;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::relay);
        server.start();
    }

    /** Starts a proxy to {@code targetBaseUrl}, saving into {@code fixtures/<provider>/live}. */
    static RecordingProxy start(String targetBaseUrl, LiveProvider provider, Path fixtures) {
        try {
            Path folder = fixtures.resolve(provider.name()).resolve("live");
            Files.createDirectories(folder);
            return new RecordingProxy(URI.create(targetBaseUrl), provider, folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to give the channel: the proxy's address with the target's path. */
    String channelBaseUrl() {
        String path = target.getRawPath() == null ? "" : target.getRawPath();
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void relay(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] requestBody = ex.getRequestBody().readAllBytes();
            HttpRequest.Builder b = HttpRequest.newBuilder(
                            target.resolve(ex.getRequestURI().getRawPath()
                                    + (ex.getRequestURI().getRawQuery() == null
                                            ? ""
                                            : "?" + ex.getRequestURI().getRawQuery())))
                    .timeout(Duration.ofSeconds(120))
                    .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(requestBody));
            ex.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(v -> b.header(name, v));
                }
            });
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            r.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    ex.getResponseHeaders().put(name, values);
                }
            });
            ex.sendResponseHeaders(r.statusCode(), 0);
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            try (InputStream in = r.body();
                    OutputStream out = ex.getResponseBody()) {
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    out.flush();
                    copy.write(buf, 0, n);
                }
            }
            save(ex.getRequestURI().getPath(), r, copy.toByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void save(String path, HttpResponse<?> r, byte[] body) throws IOException {
        String type = r.headers().firstValue("content-type").orElse("");
        String ext = type.contains("event-stream") ? "sse" : type.contains("json") ? "json" : "bin";
        String name = String.format(
                "%02d-%s-%d.%s",
                count.incrementAndGet(),
                path.replaceAll("[^A-Za-z0-9.]+", "_").replaceAll("^_+", ""),
                r.statusCode(),
                ext);
        byte[] saved = ext.equals("bin")
                ? body
                : scrub(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        Files.write(folder.resolve(name), saved);
        Files.writeString(
                folder.resolve("SOURCES.md"),
                "| " + name + " | recorded live by the live suite, " + LocalDate.now() + ", " + provider.name() + " "
                        + provider.chatModel() + ", HTTP " + r.statusCode() + ", ids scrubbed |\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private String scrub(String text) {
        return IDS.matcher(text.replace(provider.key(), "scrubbed-key")).replaceAll("\"$1\":\"scrubbed\"");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
