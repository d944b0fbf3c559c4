package ai.burncloud.cli;

import ai.burncloud.service.ConfigDiff;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A diff for people: {@code +} added, {@code ~} changed with each field's old and new value,
 * {@code -} deleted, then what the file leaves out and a count. Keys show only as "key changed".
 */
final class ConfigDiffView {
    private ConfigDiffView() {}

    static void print(PrintWriter out, ConfigDiff diff) {
        if (diff.isEmpty()) {
            out.println("No changes: the database already matches the file.");
        }
        for (ConfigDiff.Entry e : diff.added()) {
            out.println("+ " + e.section() + " " + e.name());
        }
        for (ConfigDiff.Entry e : diff.changed()) {
            out.println("~ " + e.section() + " " + e.name() + ": " + fields(e.fields()));
        }
        for (ConfigDiff.Entry e : diff.deleted()) {
            out.println("- " + e.section() + " " + e.name());
        }
        if (!diff.notInFile().isEmpty()) {
            out.println("Not in the file, kept (--prune would delete them): "
                    + diff.notInFile().stream()
                            .map(e -> e.section() + " " + e.name())
                            .collect(Collectors.joining(", ")));
        }
        if (!diff.isEmpty()) {
            out.println(diff.added().size() + " to add, " + diff.changed().size() + " to change, "
                    + diff.deleted().size() + " to delete.");
        }
    }

    private static String fields(List<ConfigDiff.Field> fields) {
        return fields.stream()
                .map(f -> f.name().equals("key") ? "key changed" : f.name() + " " + f.before() + " -> " + f.after())
                .collect(Collectors.joining("; "));
    }
}
