package ai.burncloud.cli;

import ai.burncloud.common.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * {@code --json} output: snake_case field names that never change, money as decimal dollars (a JSON
 * number such as {@code 0.015}, never in exponent form), and {@code -1} for "unlimited" and "never".
 */
final class JsonOutput {
    private static final ObjectWriter WRITER = Json.mapper()
            .writer(new DefaultPrettyPrinter()
                    .withSeparators(
                            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE))
            .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private JsonOutput() {}

    static void print(PrintWriter out, JsonNode node) {
        out.print(text(node));
    }

    /** The document as printed, ending in a newline. */
    static String text(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
