package ai.burncloud.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The shipped {@code dist/burncloud.jar} running {@code router} in a child JVM, exactly as an operator
 * starts it, on a free loopback port over a fresh SQLite file. Its output goes to {@code gateway.log}
 * in its own folder, which a failing test names. {@link #kill()} is {@code kill -9}; {@link #startIn}
 * starts another one over the same folder and database, as a restart would.
 */
final class GatewayProcess implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;
    private final String rootPassword;

    private GatewayProcess(Process process, Path dir, int port, String rootPassword) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.rootPassword = rootPassword;
    }

    /** The repository's root (where {@code dist/} and {@code fixtures/} live). */
    static Path repositoryRoot() {
        String fixtures = System.getProperty("burncloud.fixtures");
        if (fixtures == null) {
            throw new IllegalStateException("the burncloud.fixtures system property is not set (run through Maven)");
        }
        return Path.of(fixtures).getParent();
    }

    static GatewayProcess start(Map<String, String> extraEnv) {
        try {
            return startIn(Files.createTempDirectory("burncloud-jar"), extraEnv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts in {@code dir}, over its {@code gateway.db} (kept from an earlier start: a restart). */
    static GatewayProcess startIn(Path dir, Map<String, String> extraEnv) {
        return startIn(dir, extraEnv, Duration.ofSeconds(60));
    }

    /** As above, waiting up to {@code healthyWithin} for /health (several JVMs starting at once). */
    static GatewayProcess startIn(Path dir, Map<String, String> extraEnv, Duration healthyWithin) {
        return startIn(dir, shippedJar(), List.of("-Xmx256m"), extraEnv, 0, healthyWithin);
    }

    /**
     * Starts in {@code dir} with these JVM options, on {@code port} (0: a free one; a restart passes
     * the port of the gateway it replaces, as a supervisor restarting a service would).
     */
    static GatewayProcess startIn(Path dir, Map<String, String> extraEnv, List<String> jvmOptions, int port) {
        return startIn(dir, shippedJar(), jvmOptions, extraEnv, port, Duration.ofSeconds(60));
    }

    /** The jar the build shipped to {@code dist/}. */
    static Path shippedJar() {
        Path jar = repositoryRoot().resolve("dist/burncloud.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build it first (./mvnw -B verify builds it before the tests)");
        }
        return jar;
    }

    /** Starts {@code java [jvmOptions] -jar jar router} in {@code dir} (no options: as a newcomer would). */
    static GatewayProcess startIn(Path dir, Path jar, List<String> jvmOptions, Map<String, String> extraEnv) {
        return startIn(dir, jar, jvmOptions, extraEnv, 0, Duration.ofSeconds(60));
    }

    private static GatewayProcess startIn(
            Path dir,
            Path jar,
            List<String> jvmOptions,
            Map<String, String> extraEnv,
            int port,
            Duration healthyWithin) {
        try {
            if (port == 0) {
                port = freePort();
            }
            String password = "root-" + UUID.randomUUID();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString(), "router"));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("gateway.log").toFile()));
            Map<String, String> env = pb.environment();
            env.keySet()
                    .removeIf(k -> k.startsWith("TEST_")
                            || k.equals("DATABASE_URL")
                            || k.equals("REDIS_URL")
                            || k.endsWith("JAVA_OPTIONS"));
            Map<String, String> values = new HashMap<>();
            values.put("HOST", "127.0.0.1");
            values.put("PORT", Integer.toString(port));
            values.put("DATABASE_URL", databaseUrl(dir));
            values.put("BURNCLOUD_ROOT_PASSWORD", password);
            values.put("SNAPSHOT_REFRESH_MS", "50");
            values.put("LOG_FLUSH_INTERVAL_MS", "50");
            values.putAll(extraEnv);
            env.putAll(values);
            Process process = pb.start();
            // a test that fails before closing it must not leave a gateway running after the JVM exits
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            GatewayProcess gw = new GatewayProcess(process, dir, port, password);
            gw.awaitHealthy(healthyWithin);
            return gw;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JVM options the {@code burncloud} launcher script runs the jar with by default, read from the
     * script itself so a test measures what an operator runs.
     */
    static List<String> launcherJvmOptions() {
        try {
            for (String line : Files.readAllLines(repositoryRoot().resolve("burncloud"))) {
                if (line.startsWith("default_opts=\"")) {
                    List<String> options = new ArrayList<>(List.of("-XX:+ExitOnOutOfMemoryError"));
                    options.addAll(
                            List.of(line.substring(14, line.lastIndexOf('"')).split(" ")));
                    return options;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no default_opts=\"…\" line in the burncloud launcher");
    }

    /** The database of a gateway started in {@code dir}. */
    static String databaseUrl(Path dir) {
        return "sqlite:" + dir.resolve("gateway.db");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** The JVM's process id (the child is the JVM itself, no launcher shell in between). */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String rootPassword() {
        return rootPassword;
    }

    /** The process this object started (with no JVM option, the parent of the relaunched router). */
    ProcessHandle handle() {
        return process.toHandle();
    }

    Path log() {
        return dir.resolve("gateway.log");
    }

    private void awaitHealthy(Duration limit) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + "; see " + log());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("the gateway did not answer /health within " + limit + "; see " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kill -9: no shutdown hook runs, nothing is flushed. Returns once the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gateway survived kill -9");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends SIGTERM, as systemd and container runtimes stop a service, and returns the exit status. */
    int terminate() {
        process.destroy();
        try {
            // 60 s: a relaunched router's first stop also writes its class-data archive
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the gateway did not stop within 60 s of SIGTERM; see " + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            terminate();
        }
    }
}
