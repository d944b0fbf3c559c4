package ai.burncloud.router.translate.openai;

import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.CompletionTextSink;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads what billing needs from OpenAI-dialect JSON as its tokens go by, without building a tree:
 * the usage numbers (chat, completions, embeddings and responses shapes) and the generated text
 * (fed to a {@link CompletionTextSink} for local counting when usage never comes). Works on a
 * blocking parser (one SSE chunk) and on a non-blocking one (a streamed JSON body) alike.
 */
final class OpenAiPayloadReader {
    private static final int MAX_DEPTH = 16;

    private final CompletionTextSink sink;
    private final String[] path = new String[MAX_DEPTH];
    private final boolean[] inArray = new boolean[MAX_DEPTH];
    private int depth;
    private String pendingName;

    private long prompt = TokenUsage.UNREPORTED;
    private long completion = TokenUsage.UNREPORTED;
    private long total = TokenUsage.UNREPORTED;
    private long cached = TokenUsage.UNREPORTED;
    private long reasoning = TokenUsage.UNREPORTED;
    private boolean sawUsage;

    OpenAiPayloadReader(CompletionTextSink sink) {
        this.sink = sink;
    }

    /** Consumes tokens until the parser has no more input (or the document ends). */
    void consume(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
            switch (t) {
                case FIELD_NAME -> pendingName = p.currentName();
                case START_OBJECT, START_ARRAY -> {
                    String name = depth == 0 ? "$" : nameForValue();
                    if (depth < MAX_DEPTH) {
                        path[depth] = name;
                        inArray[depth] = t == JsonToken.START_ARRAY;
                    }
                    depth++;
                    pendingName = null;
                }
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> onString(nameForValue(), p);
                case VALUE_NUMBER_INT -> onNumber(nameForValue(), p);
                default -> nameForValue();
            }
        }
    }

    /** Usage seen so far; unreported fields stay {@link TokenUsage#UNREPORTED}. */
    TokenUsage usage() {
        if (!sawUsage) {
            return TokenUsage.NONE;
        }
        long c = completion;
        if (c == TokenUsage.UNREPORTED && prompt != TokenUsage.UNREPORTED && total != TokenUsage.UNREPORTED) {
            c = Math.max(0, total - prompt); // embeddings report prompt and total only
        }
        return new TokenUsage(prompt, c, cached, TokenUsage.UNREPORTED, reasoning);
    }

    private String nameForValue() {
        String name;
        if (depth > 0 && depth <= MAX_DEPTH && inArray[depth - 1]) {
            name = "*";
        } else {
            name = pendingName;
        }
        pendingName = null;
        return name;
    }

    private void onNumber(String name, JsonParser p) throws IOException {
        int usageAt = usageIndex();
        if (usageAt < 0) {
            return;
        }
        int rel = depth - usageAt - 1; // 0: directly inside usage; 1: inside a *_details object
        long v = p.getLongValue();
        if (rel == 0) {
            switch (name) {
                case "prompt_tokens", "input_tokens" -> prompt = v;
                case "completion_tokens", "output_tokens" -> completion = v;
                case "total_tokens" -> total = v;
                default -> {}
            }
            sawUsage = true;
        } else if (rel == 1) {
            String details = path[depth - 1];
            if ("cached_tokens".equals(name)
                    && ("prompt_tokens_details".equals(details) || "input_tokens_details".equals(details))) {
                cached = v;
            } else if ("reasoning_tokens".equals(name)
                    && ("completion_tokens_details".equals(details) || "output_tokens_details".equals(details))) {
                reasoning = v;
            }
        }
    }

    /** Index in {@code path} of the usage object ($.usage or $.response.usage), or -1. */
    private int usageIndex() {
        if (depth >= 2 && "usage".equals(path[1])) {
            return 1;
        }
        if (depth >= 3 && "response".equals(path[1]) && "usage".equals(path[2])) {
            return 2;
        }
        return -1;
    }

    private void onString(String name, JsonParser p) throws IOException {
        if (name == null || depth > MAX_DEPTH) {
            return;
        }
        // path[0] is the root ("$"); depth 1 means a top-level field
        boolean text = false;
        if (depth == 1) {
            text = name.equals("delta"); // Responses API stream: response.output_text.delta and friends
        } else if ("choices".equals(path[1])) {
            // $.choices[*].text | $.choices[*].message|delta.content|refusal | ….tool_calls[*].function.arguments
            text = (depth == 3 && name.equals("text"))
                    || (depth == 4 && (name.equals("content") || name.equals("refusal")))
                    || (depth == 7 && name.equals("arguments") && "tool_calls".equals(path[4]));
        } else if ("output".equals(path[1])) {
            text = name.equals("text") || name.equals("arguments");
        }
        if (text) {
            sink.append(p.getText());
        }
    }
}
