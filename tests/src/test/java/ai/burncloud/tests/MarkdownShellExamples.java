package ai.burncloud.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the shell examples of a Markdown document: the fenced code blocks whose info string starts
 * with {@code bash}, {@code sh} or {@code shell} (CommonMark fences: three or more backticks or
 * tildes, indented by at most three spaces, closed by a fence of the same character at least as
 * long). Blocks in other languages, and plain fences (used for transcripts with output), are not
 * examples to run. A block directly preceded by {@code <!-- not run: REASON -->} (blank lines
 * between are allowed) is returned with that reason.
 */
final class MarkdownShellExamples {
    private static final Set<String> SHELLS = Set.of("bash", "sh", "shell");
    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^`\\s]*).*$");
    private static final Pattern NOT_RUN = Pattern.compile("^\\s*<!--\\s*not run:\\s*(.*?)\\s*-->\\s*$");

    private MarkdownShellExamples() {}

    /** Reads {@code root.resolve(relative)}; the examples name {@code relative} as their file. */
    static List<ShellExample> read(Path root, Path relative) {
        try {
            return parse(relative, Files.readAllLines(root.resolve(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ShellExample> parse(Path file, List<String> lines) {
        List<ShellExample> examples = new ArrayList<>();
        String pendingNotRun = null;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                Matcher notRun = NOT_RUN.matcher(line);
                if (notRun.matches()) {
                    if (notRun.group(1).isEmpty()) {
                        throw new IllegalArgumentException(file + ":" + (i + 1) + ": a not-run marker must say why");
                    }
                    pendingNotRun = notRun.group(1);
                } else if (!line.isBlank()) {
                    pendingNotRun = null;
                }
                i++;
                continue;
            }
            int indent = fence.group(1).length();
            String marker = fence.group(2);
            String language = fence.group(3).toLowerCase(Locale.ROOT);
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            while (j < lines.size() && !closes(lines.get(j), marker)) {
                body.append(unindent(lines.get(j), indent)).append('\n');
                j++;
            }
            if (SHELLS.contains(language)) {
                examples.add(new ShellExample(file, i + 1, body.toString(), pendingNotRun));
            } else if (pendingNotRun != null) {
                throw new IllegalArgumentException(
                        file + ":" + (i + 1) + ": a not-run marker stands before a block that is not a shell example");
            }
            pendingNotRun = null;
            i = j + 1;
        }
        return examples;
    }

    private static boolean closes(String line, String opening) {
        String t = line.stripLeading();
        if (line.length() - t.length() > 3) {
            return false;
        }
        t = t.stripTrailing();
        char c = opening.charAt(0);
        return t.length() >= opening.length() && t.chars().allMatch(ch -> ch == c);
    }

    private static String unindent(String line, int indent) {
        int n = 0;
        while (n < indent && n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return line.substring(n);
    }
}
