package ai.burncloud.router.translate.openai;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The usage chunk a client asked for ({@code stream_options.include_usage}) when the upstream sent
 * none — many OpenAI-compatible hosts ignore the option: BurnCloud's own count, in the shape OpenAI
 * sends it ({@code choices: []} and a usage object, just before {@code [DONE]}). The stream's id and
 * {@code created} are taken from its first chunk so the client sees one consistent stream.
 */
final class OpenAiUsageChunk {
    private static final byte[] ID = "\"id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CREATED = "\"created\":".getBytes(StandardCharsets.US_ASCII);

    private final String model;
    private final String object;
    private String id;
    private long created;

    /** @param object {@code chat.completion.chunk} or {@code text_completion} */
    OpenAiUsageChunk(String model, String object) {
        this.model = model;
        this.object = object;
    }

    /** Remembers the stream's id and creation time from the first chunk that has them. */
    void observe(byte[] b, int from, int to) {
        if (id != null) {
            return;
        }
        int at = OpenAiUsageBytes.indexOf(b, from, to, ID);
        if (at < 0) {
            return;
        }
        int start = at + ID.length;
        int end = start;
        while (end < to && b[end] != '"' && b[end] != '\\') {
            end++;
        }
        id = new String(b, start, end - start, StandardCharsets.UTF_8);
        int c = OpenAiUsageBytes.indexOf(b, from, to, CREATED);
        if (c >= 0) {
            long v = 0;
            for (int i = c + CREATED.length; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
                v = v * 10 + (b[i] - '0');
            }
            created = v;
        }
    }

    /** The chunk, as an SSE event. */
    ByteBuf write(TokenUsage usage) {
        long prompt = TokenUsage.orZero(usage.prompt());
        long completion = TokenUsage.orZero(usage.completion());
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("prompt_tokens", prompt);
        u.put("completion_tokens", completion);
        u.put("total_tokens", prompt + completion);
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("id", id != null ? id : "chatcmpl-burncloud");
        chunk.put("object", object);
        chunk.put("created", created != 0 ? created : System.currentTimeMillis() / 1000);
        chunk.put("model", model);
        chunk.put("choices", List.of());
        chunk.put("usage", u);
        return Unpooled.wrappedBuffer(("data: " + Json.write(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
    }
}
