package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link Main} in-process with a given environment and stdin, capturing both output streams.
 * Nothing is read from the real environment or from a {@code .env} in the working directory.
 */
final class Cli {
    private final Map<String, String> env;
    private final Path dotEnv;

    Cli(String databaseUrl, Path dir) {
        this(Map.of("DATABASE_URL", databaseUrl), dir.resolve("absent.env"));
    }

    private Cli(Map<String, String> env, Path dotEnv) {
        this.env = env;
        this.dotEnv = dotEnv;
    }

    /** The same database with more (or overriding) environment variables. */
    Cli with(String name, String value) {
        Map<String, String> e = new HashMap<>(env);
        e.put(name, value);
        return new Cli(e, dotEnv);
    }

    Result run(String... args) {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                env,
                dotEnv,
                app -> {});
        int code = Main.run(ctx, args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        String lastLine() {
            List<String> lines = outLines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        Result ok() {
            assertThat(code).as("exit code; stderr: %s", err).isZero();
            assertThat(err).isEmpty();
            return this;
        }

        /** Exit code as given, nothing on stdout, and exactly one error line without a stack trace. */
        Result fails(int expected) {
            assertThat(code).as("exit code; stdout: %s stderr: %s", out, err).isEqualTo(expected);
            assertThat(out).isEmpty();
            assertThat(err.lines().toList())
                    .as("stderr")
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .startsWith("burncloud: error: ")
                            .doesNotContain("Exception")
                            .doesNotContain("\tat "));
            return this;
        }
    }
}
