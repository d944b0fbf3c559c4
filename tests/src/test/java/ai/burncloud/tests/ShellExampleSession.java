package ai.burncloud.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a document's shell examples in order in one {@code bash}, as a reader pastes them into one
 * terminal: variables and the working directory carry from block to block. It is stricter than a
 * terminal in three ways, so that a broken example cannot pass: {@code set -euo pipefail} (a failing
 * command or an undefined variable stops the run), and {@code curl} fails on an HTTP status of 400 or
 * more ({@code --fail-with-body}, the answer still printed). A streamed request ({@code curl -N}) is
 * watched for three seconds and then ended, as a reader would press Ctrl-C; that ending is not a
 * failure.
 */
final class ShellExampleSession {
    /** Seconds a streamed request is watched before it is ended. */
    static final int WATCH_SECONDS = 3;

    private static final String PRELUDE = """
            set -euo pipefail
            shopt -s inherit_errexit
            curl() {
              local arg watch=''
              for arg in "$@"; do
                case "$arg" in --no-buffer|-[!-]*N*) watch=1 ;; esac
              done
              if [ -z "$watch" ]; then
                command curl --show-error --fail-with-body --max-time 30 "$@"
                return
              fi
              local rc=0
              command curl --show-error --fail-with-body --max-time %d "$@" || rc=$?
              if [ "$rc" -eq 28 ]; then rc=0; fi
              return "$rc"
            }
            trap 'printf "%%s %%s\\n" "$?" "$LINENO" > "$BURNCLOUD_DOCS_RUN/failed"' ERR
            """.formatted(WATCH_SECONDS);

    private static final Pattern SCRIPT_LINE = Pattern.compile("examples\\.sh: line (\\d+)");

    /** What went wrong in one block: where, which command, and everything the block printed. */
    record Failure(ShellExample example, int documentLine, String command, String status, String output) {
        @Override
        public String toString() {
            return example.file() + ":" + documentLine + " (the block at " + example.where() + ") failed"
                    + (status.isEmpty() ? "" : " with exit status " + status)
                    + (command.isEmpty() ? "" : ":\n" + command)
                    + "\n--- its output ---\n" + output + "--- end of output ---";
        }
    }

    private ShellExampleSession() {}

    /**
     * Runs the runnable {@code examples} in {@code dir} with {@code env} added to this JVM's environment
     * less {@code removed} (names, or prefixes ending in {@code *}); returns the first failure, or null
     * when every block succeeded.
     */
    static Failure run(
            List<ShellExample> examples, Path dir, Map<String, String> env, List<String> removed, Duration limit) {
        try {
            Path state = Files.createDirectories(dir.resolve(".docs-run"));
            List<ShellExample> runnable =
                    examples.stream().filter(ShellExample::runnable).toList();
            List<Integer> starts = new ArrayList<>();
            Path script = state.resolve("examples.sh");
            Files.writeString(script, script(runnable, starts));

            ProcessBuilder pb = new ProcessBuilder("bash", script.toString())
                    .directory(dir.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true)
                    .redirectOutput(state.resolve("prelude.out").toFile());
            pb.environment().keySet().removeIf(k -> removed.stream().anyMatch(r -> matches(k, r)));
            pb.environment().putAll(env);
            pb.environment().put("BURNCLOUD_DOCS_RUN", state.toString());
            Process bash = pb.start();
            boolean ended = bash.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                bash.descendants().forEach(ProcessHandle::destroyForcibly);
                bash.destroyForcibly().waitFor();
            }
            String current = read(state.resolve("current"));
            if (ended && bash.exitValue() == 0 && current.equals("done")) {
                return null;
            }
            if (current.isEmpty() || current.equals("done")) {
                throw new AssertionError("the shell examples did not run (exit " + bash.exitValue() + "): "
                        + read(state.resolve("prelude.out")));
            }
            int k = Integer.parseInt(current);
            return diagnose(runnable.get(k), starts.get(k), state, k, ended ? null : limit, bash.exitValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The prelude, then each block after two lines that record which block runs and send its output to
     * a file of its own; {@code starts} receives the script's line number of each block's first line.
     */
    private static String script(List<ShellExample> runnable, List<Integer> starts) {
        StringBuilder script = new StringBuilder(PRELUDE);
        for (int k = 0; k < runnable.size(); k++) {
            script.append("printf '%s' ").append(k).append(" > \"$BURNCLOUD_DOCS_RUN/current\"\n");
            script.append("exec > \"$BURNCLOUD_DOCS_RUN/").append(k).append(".out\" 2>&1\n");
            starts.add(lineCount(script) + 1);
            script.append(runnable.get(k).text());
        }
        return script.append("printf done > \"$BURNCLOUD_DOCS_RUN/current\"\n").toString();
    }

    /** What block {@code k} (starting at script line {@code start}) did wrong; {@code hung} is null if it ended. */
    private static Failure diagnose(ShellExample example, int start, Path state, int k, Duration hung, int exit)
            throws IOException {
        String raw = read(state.resolve(k + ".out"));
        String output = mapLines(raw, example, start);
        if (hung != null) {
            return new Failure(example, example.fenceLine(), "", "", output + "(still running after " + hung + ")\n");
        }
        List<String> failed =
                Files.exists(state.resolve("failed")) ? Files.readAllLines(state.resolve("failed")) : List.of();
        if (!failed.isEmpty()) {
            // the ERR trap: exit status and bash's line of the failing command (for a multi-line one, its last)
            String[] statusAndLine = failed.get(0).split(" ");
            int last = Integer.parseInt(statusAndLine[1]) - start;
            int first = commandStart(example, last);
            return new Failure(
                    example, example.documentLine(first), lines(example, first, last), statusAndLine[0], output);
        }
        // bash stopped without the ERR trap (an unbound variable, a syntax error): its own message says where
        Matcher m = SCRIPT_LINE.matcher(raw);
        if (!m.find()) {
            return new Failure(example, example.fenceLine(), "", Integer.toString(exit), output);
        }
        int index = Integer.parseInt(m.group(1)) - start;
        return new Failure(
                example, example.documentLine(index), lines(example, index, index), Integer.toString(exit), output);
    }

    /** The block's lines {@code first..last}, as the document shows them. */
    private static String lines(ShellExample example, int first, int last) {
        List<String> lines = example.text().lines().toList();
        if (first < 0 || first >= lines.size()) {
            return "";
        }
        return String.join("\n", lines.subList(first, Math.min(last, lines.size() - 1) + 1));
    }

    /** bash names a command's last line; a reader looks for its first (over {@code \\} continuations). */
    private static int commandStart(ShellExample example, int index) {
        List<String> lines = example.text().lines().toList();
        int i = Math.min(index, lines.size() - 1);
        while (i > 0 && lines.get(i - 1).stripTrailing().endsWith("\\")) {
            i--;
        }
        return i;
    }

    private static boolean matches(String name, String pattern) {
        return pattern.endsWith("*")
                ? name.startsWith(pattern.substring(0, pattern.length() - 1))
                : name.equals(pattern);
    }

    /** Rewrites bash's "examples.sh: line N" into the document's file and line. */
    private static String mapLines(String output, ShellExample example, int start) {
        Matcher m = SCRIPT_LINE.matcher(output);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int line = example.documentLine(Integer.parseInt(m.group(1)) - start);
            m.appendReplacement(out, Matcher.quoteReplacement(example.file() + ": line " + line));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int lineCount(CharSequence text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
