package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.burncloud.common.testing.Fixtures;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Received;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Docs that run: every {@code bash}/{@code sh}/{@code shell} block of a document, in order, in one
 * shell, against the shipped jar started as {@code burncloud router} over a fresh database — so the
 * examples chain (each block may use what the ones above it made) and stay true to the code. The shell
 * runs where the router runs, as docs/CLI.md tells a reader to, so {@code burncloud} admin commands use
 * the router's {@code burncloud.db}. The environment is what the documents tell a reader to set:
 * {@code BC} (the router's address), {@code BURNCLOUD_ROOT_PASSWORD}, and the upstream's
 * {@code OPENAI_BASE_URL}/{@code OPENAI_API_KEY} — here an OpenAI-compatible fake replaying recorded
 * answers. Blocks a document marks {@code <!-- not run: … -->} are counted and listed, not run.
 */
class DocsExamplesTest {
    /** A guard against a hung example, not a timing assertion: a loaded machine runs the CLI slowly. */
    private static final Duration LIMIT_PER_DOCUMENT = Duration.ofSeconds(240);

    /** What the test's shell must not inherit from the build's environment. */
    private static final List<String> NOT_INHERITED = List.of(
            "DATABASE_URL",
            "REDIS_URL",
            "PORT",
            "HOST",
            "JAVA_OPTS",
            "METRICS_TOKEN",
            "LOG_FILE",
            "ACCESS_LOG",
            "BURNCLOUD_*",
            "TEST_*",
            "OPENAI_*",
            "ANTHROPIC_*",
            "AWS_*");

    private static FakeUpstream upstream;

    /** Kept when the test fails: the router's log and each block's output ({@code .docs-run/N.out}) are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void startUpstream() {
        upstream = FakeUpstream.start().otherwise(DocsExamplesTest::openAiCompatible);
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs/API.md", "docs/CLI.md"})
    void everyShellExampleRunsInOrder(String document) throws IOException {
        Path root = GatewayProcess.repositoryRoot();
        List<ShellExample> examples = MarkdownShellExamples.read(root, Path.of(document));
        List<ShellExample> notRun = examples.stream().filter(e -> !e.runnable()).toList();
        System.out.printf(
                "%s: %d shell blocks, %d run, %d marked not run%n",
                document, examples.size(), examples.size() - notRun.size(), notRun.size());
        notRun.forEach(e -> System.out.printf("  not run: %s (%s)%n", e.where(), e.notRunReason()));
        assertThat(examples.size() - notRun.size())
                .as("runnable shell examples in %s", document)
                .isPositive();

        Path bin = Files.createDirectories(dir.resolve(".bin"));
        Path launcher = writeLauncher(bin.resolve("burncloud"), root.resolve("dist/burncloud.jar"));
        // "./burncloud" in the documents is the checkout's launcher: the same command, run from here
        Files.copy(launcher, dir.resolve("burncloud"));
        try (GatewayProcess gw = GatewayProcess.startIn(dir, Map.of("DATABASE_URL", "sqlite:burncloud.db"))) {
            Map<String, String> env = Map.ofEntries(
                    Map.entry("PATH", bin + ":" + System.getenv("PATH")),
                    Map.entry("BC", gw.baseUrl()),
                    Map.entry("BURNCLOUD_ROOT_PASSWORD", gw.rootPassword()),
                    Map.entry("OPENAI_BASE_URL", upstream.baseUrl() + "/v1"),
                    Map.entry("OPENAI_API_KEY", "sk-docs-upstream-key-0001"),
                    // channels of these kinds are only added by the examples, never called
                    Map.entry("ANTHROPIC_API_KEY", "sk-ant-docs-upstream-key-0001"),
                    Map.entry("AWS_ACCESS_KEY_ID", "AKIADOCSEXAMPLE00001"),
                    Map.entry("AWS_SECRET_ACCESS_KEY", "docs-example-secret-access-key-0001"));
            long started = System.nanoTime();
            ShellExampleSession.Failure failure =
                    ShellExampleSession.run(examples, dir, env, NOT_INHERITED, LIMIT_PER_DOCUMENT);
            System.out.printf(
                    "%s: ran in %d ms%n",
                    document, Duration.ofNanos(System.nanoTime() - started).toMillis());
            if (failure != null) {
                fail(
                        "%s, run in order from the top, stopped at%n%s%n(the router's log: %s)",
                        document, failure, gw.log());
            }
        }
    }

    /** An OpenAI-compatible upstream: recorded answers for chat (whole and streamed) and the model list. */
    private static Reply openAiCompatible(Received request) {
        String path = request.uri().replaceAll("\\?.*", "");
        if (request.method().equals("GET") && path.endsWith("/models")) {
            return Reply.whole(200, Fixtures.bytes("openai/models-list.openapi-spec-example.json"), "application/json");
        }
        if (request.method().equals("POST") && path.endsWith("/chat/completions")) {
            return request.bodyText().replace(" ", "").contains("\"stream\":true")
                    ? Reply.sse(Fixtures.bytes("openai/chat-stream-include-usage.weather-sf.sse"))
                    : Reply.whole(
                            200,
                            Fixtures.bytes("openai/chat-completion.openapi-spec-example.json"),
                            "application/json");
        }
        return Reply.json(
                404,
                "{\"error\":{\"message\":\"the fake upstream has no " + request.method() + " " + path
                        + "\",\"type\":\"invalid_request_error\",\"code\":\"not_found\"}}");
    }

    /** A {@code burncloud} command running the built jar, as the checkout's launcher does once it is built. */
    private static Path writeLauncher(Path file, Path jar) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(
                file,
                "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m -jar '" + jar
                        + "' \"$@\"\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
