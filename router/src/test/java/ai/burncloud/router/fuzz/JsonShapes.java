package ai.burncloud.router.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generates JSON text shaped like the requests of the three dialects, but with any value in any
 * place: the field names the readers look for, values that are numbers, strings, nulls, booleans,
 * arrays or objects, nested a few levels. Public so the end-to-end fuzz can use it too.
 */
public final class JsonShapes {
    /** Field names any of the readers knows. */
    public static final List<String> NAMES = List.of(
            "model",
            "messages",
            "role",
            "content",
            "text",
            "type",
            "image_url",
            "url",
            "detail",
            "tools",
            "function",
            "name",
            "arguments",
            "parameters",
            "tool_calls",
            "tool_call_id",
            "id",
            "stream",
            "stream_options",
            "include_usage",
            "max_tokens",
            "max_completion_tokens",
            "temperature",
            "top_p",
            "stop",
            "n",
            "response_format",
            "json_schema",
            "system",
            "contents",
            "parts",
            "inlineData",
            "mimeType",
            "data",
            "fileData",
            "fileUri",
            "functionCall",
            "functionResponse",
            "args",
            "response",
            "generationConfig",
            "maxOutputTokens",
            "stopSequences",
            "candidateCount",
            "responseSchema",
            "systemInstruction",
            "toolConfig",
            "functionCallingConfig",
            "allowedFunctionNames",
            "mode",
            "source",
            "media_type",
            "tool_use",
            "tool_result",
            "input",
            "input_schema",
            "tool_choice",
            "thinking",
            "budget_tokens",
            "metadata",
            "thought",
            "thoughtSignature",
            "cache_control",
            "generateContentRequest",
            "functionDeclarations",
            "prompt",
            "instructions",
            "input_audio",
            "file");

    private JsonShapes() {}

    public static Arbitrary<String> object(int depth) {
        Arbitrary<String> value = value(depth);
        return net.jqwik.api.Combinators.combine(Arbitraries.of(NAMES), value)
                .as((n, v) -> quote(n) + ":" + v)
                .list()
                .ofMaxSize(6)
                .map(fields -> "{" + String.join(",", fields) + "}");
    }

    public static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of(
                        "null",
                        "true",
                        "false",
                        "0",
                        "-1",
                        "1",
                        "1.5",
                        "-100000",
                        "9007199254740993",
                        "1e308",
                        "\"\"",
                        "\"user\"",
                        "\"assistant\"",
                        "\"text\"",
                        "\"image_url\"",
                        "\"tool\"",
                        "\"data:image/png;base64,AAAA\"",
                        "\"x\""),
                Arbitraries.strings().ofMaxLength(12).map(JsonShapes::quote));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<String> inner = value(depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, scalar),
                net.jqwik.api.Tuple.of(1, object(depth - 1)),
                net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]")));
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
