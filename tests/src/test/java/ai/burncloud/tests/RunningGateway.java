package ai.burncloud.tests;

import ai.burncloud.cli.BurnCloudApp;
import ai.burncloud.common.ConfigLoader;
import ai.burncloud.database.LogQuery;
import ai.burncloud.database.RequestLog;
import ai.burncloud.service.ChannelAdmin;
import ai.burncloud.service.ChannelRequest;
import ai.burncloud.service.PriceAdmin;
import ai.burncloud.service.TokenAdmin;
import ai.burncloud.service.TokenRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole gateway as `burncloud router` runs it (database, data plane, control plane on one port),
 * in-process on a free port over a fresh SQLite file, configured through the same admin services the
 * CLI uses.
 */
final class RunningGateway implements AutoCloseable {
    private final Path dir;
    private final BurnCloudApp app;

    private RunningGateway(Path dir, BurnCloudApp app) {
        this.dir = dir;
        this.app = app;
    }

    static RunningGateway start() {
        return start(Map.of());
    }

    static RunningGateway start(Map<String, String> env) {
        try {
            Path dir = Files.createTempDirectory("burncloud-e2e");
            Map<String, String> values = new HashMap<>();
            values.put("HOST", "127.0.0.1");
            values.put("PORT", "0");
            values.put("DATABASE_URL", "sqlite:" + dir.resolve("e2e.db"));
            values.put("SNAPSHOT_REFRESH_MS", "50");
            values.put("LOG_FLUSH_INTERVAL_MS", "50");
            values.put("UPSTREAM_READ_TIMEOUT_MS", "5000");
            values.putAll(env);
            return new RunningGateway(dir, BurnCloudApp.start(ConfigLoader.fromMap(values)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The DATABASE_URL it runs on (for the CLI, as another process would open it). */
    String databaseUrl() {
        return "sqlite:" + dir.resolve("e2e.db");
    }

    /** A directory for the test's own files, removed with the gateway. */
    Path dir() {
        return dir;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    /** What OpenAI SDK users put in base_url. */
    String openAiBaseUrl() {
        return baseUrl() + "/v1";
    }

    long addChannel(String name, String type, String baseUrl, List<String> models, String config) {
        return new ChannelAdmin(app.repositories())
                .add(new ChannelRequest(
                        name, type, baseUrl, "sk-upstream-" + name, models, null, null, null, null, config))
                .id();
    }

    long addChannel(String name, String type, String baseUrl, String key, List<String> models, String config) {
        return new ChannelAdmin(app.repositories())
                .add(new ChannelRequest(name, type, baseUrl, key, models, null, null, null, null, config))
                .id();
    }

    void price(String model, String input, String output) {
        new PriceAdmin(app.repositories()).set(model, input, output, null);
    }

    /** A new unlimited token of root's; its full key. */
    String token() {
        return new TokenAdmin(app.repositories())
                .create(TokenRequest.named("e2e"))
                .key();
    }

    String token(String quotaDollars) {
        return new TokenAdmin(app.repositories())
                .create(new TokenRequest("e2e", null, quotaDollars, null, null, null, null))
                .key();
    }

    /** Makes the running router see the configuration written so far. */
    void sync() {
        app.router().stateSync().refreshNow();
    }

    /** Settled requests, newest first (waits for in-flight ones to settle and flushes). */
    List<RequestLog> logs() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (app.router().inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        app.router().stateSync().flushNow();
        return app.repositories().logs().query(LogQuery.all(1, 1000)).items();
    }

    BurnCloudApp app() {
        return app;
    }

    @Override
    public void close() {
        app.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files
        }
    }
}
