package ai.burncloud.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** One record for people: "label:  value" lines with the values aligned. */
final class Details {
    private final List<String[]> lines = new ArrayList<>();

    Details add(String label, Object value) {
        String text = value == null ? "-" : value.toString();
        lines.add(new String[] {label, text.isEmpty() ? "-" : text});
        return this;
    }

    void print(PrintWriter out) {
        int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0) + 1;
        for (String[] l : lines) {
            out.println((l[0] + ":") + " ".repeat(width - l[0].length() + 1) + l[1]);
        }
    }
}
