package ai.burncloud.router.translate.ir;

import ai.burncloud.common.TokenUsage;
import com.fasterxml.jackson.databind.JsonNode;

/** Converts a whole upstream JSON body into the client's, for {@link BufferedConverter}. */
@FunctionalInterface
public interface BodyConversion {
    /**
     * @throws UpstreamBodyException when the body reports an error or cannot be understood
     */
    Result convert(JsonNode upstreamBody) throws UpstreamBodyException;

    /**
     * @param body the client's response body
     * @param completionText the generated text, for local counting when usage is missing
     */
    record Result(JsonNode body, TokenUsage usage, String completionText) {}

    /** Reads a whole answer with {@code reader} and writes it with {@code writer}. */
    static BodyConversion of(CompletionReader reader, CompletionWriter writer) {
        return body -> {
            Completion c = reader.read(body);
            StringBuilder text = new StringBuilder(c.text());
            for (Completion.ToolCall call : c.toolCalls()) {
                text.append(call.name()).append(call.argumentsJson());
            }
            return new Result(writer.write(c), c.usage(), text.toString());
        };
    }

    /** An upstream dialect's whole-answer JSON into a {@link Completion}. */
    @FunctionalInterface
    interface CompletionReader {
        Completion read(JsonNode body) throws UpstreamBodyException;
    }

    /** A {@link Completion} into a client dialect's whole-answer JSON. */
    @FunctionalInterface
    interface CompletionWriter {
        JsonNode write(Completion completion);
    }
}
