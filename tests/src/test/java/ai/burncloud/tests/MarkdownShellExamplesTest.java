package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs test's two halves on small documents: which blocks are examples, and what a failure says. */
class MarkdownShellExamplesTest {
    private static final Path DOC = Path.of("docs/X.md");

    @TempDir
    Path dir;

    @Test
    void onlyShellFencesAreExamplesWithTheirLineNumbers() {
        List<ShellExample> examples = MarkdownShellExamples.parse(
                DOC,
                List.of(
                        "# Title", // 1
                        "```bash", // 2
                        "echo one", // 3
                        "```", // 4
                        "```", // 5: a transcript, not run
                        "$ burncloud price list", // 6
                        "```", // 7
                        "```json", // 8
                        "{}", // 9
                        "```", // 10
                        "  ~~~~sh title=x", // 11: indented tildes, longer fence
                        "  echo two", // 12
                        "  ```", // 13: inside, not a closing fence
                        "  ~~~~", // 14
                        "```Shell", // 15
                        "echo three", // 16
                        "```")); // 17

        assertThat(examples).extracting(ShellExample::fenceLine).containsExactly(2, 11, 15);
        assertThat(examples)
                .extracting(ShellExample::text)
                .containsExactly("echo one\n", "echo two\n```\n", "echo three\n");
        assertThat(examples).allMatch(ShellExample::runnable);
        assertThat(examples.get(1).documentLine(1)).isEqualTo(13);
    }

    @Test
    void aNotRunMarkerAppliesToTheNextBlockOnlyAndMustSayWhy() {
        List<ShellExample> examples = MarkdownShellExamples.parse(
                DOC,
                List.of(
                        "<!-- not run: needs a real OpenAI key -->",
                        "",
                        "```bash",
                        "curl https://api.openai.com",
                        "```",
                        "```bash",
                        "echo runs",
                        "```"));

        assertThat(examples).extracting(ShellExample::notRunReason).containsExactly("needs a real OpenAI key", null);
        assertThatThrownBy(() -> MarkdownShellExamples.parse(DOC, List.of("<!-- not run: -->", "```bash", "x", "```")))
                .hasMessageContaining("docs/X.md:1");
        assertThatThrownBy(() ->
                        MarkdownShellExamples.parse(DOC, List.of("<!-- not run: why -->", "```json", "{}", "```")))
                .hasMessageContaining("not a shell example");
    }

    @Test
    void aFailureNamesTheDocumentLineTheCommandAndItsOutput() {
        List<ShellExample> examples = MarkdownShellExamples.parse(
                DOC,
                List.of(
                        "```bash", // 1
                        "GREETING=hello", // 2
                        "```", // 3
                        "<!-- not run: would fail -->", // 4
                        "```bash", // 5
                        "false", // 6
                        "```", // 7
                        "```sh", // 8
                        "echo \"$GREETING from block two\"", // 9
                        "ls \\", // 10
                        "  no-such-file", // 11
                        "echo never", // 12
                        "```")); // 13

        ShellExampleSession.Failure failure =
                ShellExampleSession.run(examples, dir, Map.of(), List.of(), Duration.ofSeconds(30));

        assertThat(failure).isNotNull();
        assertThat(failure.example().fenceLine()).isEqualTo(8);
        assertThat(failure.documentLine()).isEqualTo(10);
        assertThat(failure.command()).contains("ls").contains("no-such-file");
        assertThat(failure.output())
                .contains("hello from block two")
                .contains("no-such-file")
                .doesNotContain("never");
        assertThat(failure.toString()).startsWith("docs/X.md:10 (the block at docs/X.md:8) failed with exit status 2");
    }

    @Test
    void anUndefinedVariableIsAFailureAtItsLine() {
        List<ShellExample> examples =
                MarkdownShellExamples.parse(DOC, List.of("```bash", "echo ok", "echo \"$ALICE_TOKEN\"", "```"));

        ShellExampleSession.Failure failure =
                ShellExampleSession.run(examples, dir, Map.of(), List.of("ALICE_TOKEN"), Duration.ofSeconds(30));

        assertThat(failure).isNotNull();
        assertThat(failure.documentLine()).isEqualTo(3);
        assertThat(failure.command()).isEqualTo("echo \"$ALICE_TOKEN\"");
        assertThat(failure.output()).contains("docs/X.md: line 3: ALICE_TOKEN: unbound variable");
    }

    @Test
    void variablesAndTheWorkingDirectoryCarryFromBlockToBlock() {
        List<ShellExample> examples = MarkdownShellExamples.parse(
                DOC,
                List.of(
                        "```bash",
                        "mkdir sub && cd sub",
                        "N=1",
                        "```",
                        "```bash",
                        "test \"$(basename \"$PWD\")$N\" = sub1",
                        "```"));

        assertThat(ShellExampleSession.run(examples, dir, Map.of(), List.of(), Duration.ofSeconds(30)))
                .isNull();
    }

    @Test
    void curlFailsOnAnErrorStatusAndShowsTheAnswer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = "{\"error\":{\"message\":\"registration is disabled\"}}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(403, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            List<ShellExample> examples = MarkdownShellExamples.parse(
                    DOC,
                    List.of(
                            "```bash",
                            "curl -s http://127.0.0.1:" + server.getAddress().getPort() + "/x | cat",
                            "```"));

            ShellExampleSession.Failure failure =
                    ShellExampleSession.run(examples, dir, Map.of(), List.of(), Duration.ofSeconds(30));

            assertThat(failure).isNotNull();
            assertThat(failure.status()).isEqualTo("22");
            assertThat(failure.output()).contains("registration is disabled").contains("403");
        } finally {
            server.stop(0);
        }
    }
}
