package ai.burncloud.tests;

import java.util.List;
import java.util.Random;

/**
 * Hostile inputs from a seeded {@link Random}: JSON of the requests' shapes with any value anywhere,
 * broken JSON and encodings, hostile path segments and query strings. The same seed gives the same
 * cases, so a failure names a case number that reproduces.
 */
final class FuzzInputs {
    static final List<String> NAMES = List.of(
            "model",
            "messages",
            "role",
            "content",
            "text",
            "type",
            "image_url",
            "url",
            "tools",
            "function",
            "name",
            "arguments",
            "tool_calls",
            "stream",
            "stream_options",
            "include_usage",
            "max_tokens",
            "max_completion_tokens",
            "max_output_tokens",
            "temperature",
            "n",
            "system",
            "contents",
            "parts",
            "inlineData",
            "data",
            "functionCall",
            "functionResponse",
            "generationConfig",
            "maxOutputTokens",
            "input",
            "prompt",
            "username",
            "password",
            "balance",
            "amount",
            "code",
            "quota",
            "group",
            "status",
            "models",
            "key",
            "base_url",
            "priority",
            "weight",
            "ratio",
            "input_price",
            "output_price",
            "expired_at",
            "rpm",
            "ip_ranges",
            "count",
            "registration_enabled",
            "display_name",
            "email");

    private static final String[] SCALARS = {
        "null",
        "true",
        "false",
        "0",
        "-1",
        "1",
        "2.5",
        "-100000",
        "9007199254740993",
        "1e308",
        "-1e308",
        "99999999999999999999999999",
        "\"\"",
        "\"gpt-4o\"",
        "\"user\"",
        "\"root\"",
        "\"admin\"",
        "\"a%zz\"",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"x\"",
        "\"<script>\"",
        "\"../../etc/passwd\"",
        "\"' OR 1=1 --\""
    };

    private final Random random;

    FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A body: mostly JSON objects of the right names, sometimes broken bytes. */
    byte[] body() {
        int kind = random.nextInt(20);
        String json = object(3);
        return switch (kind) {
            case 0 ->
                json.substring(0, random.nextInt(json.length() + 1)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case 1 -> ("\uFEFF" + json).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case 2 -> json.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
            case 3 -> {
                byte[] b = new byte[random.nextInt(64)];
                random.nextBytes(b);
                yield b;
            }
            case 4 -> ("[" + json + "]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case 5 -> "{\"a\":".repeat(2000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case 6 ->
                ("{\"model\":\"" + "m".repeat(300 + random.nextInt(5000)) + "\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            default -> json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    String object(int depth) {
        StringBuilder b = new StringBuilder("{");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(pick(NAMES)).append("\":").append(value(depth));
        }
        return b.append('}').toString();
    }

    String value(int depth) {
        int k = depth <= 0 ? 0 : random.nextInt(4);
        return switch (k) {
            case 0, 1 -> SCALARS[random.nextInt(SCALARS.length)];
            case 2 -> object(depth - 1);
            default -> {
                StringBuilder b = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    b.append(value(depth - 1));
                }
                yield b.append(']').toString();
            }
        };
    }

    /** A path parameter: real-looking, absurd, or broken (raw, to be put in a request line as is). */
    String pathParam(List<String> real) {
        String[] odd = {"0", "-1", "abc", "%zz", "%", "99999999999999999999", "1%00", "..", "%2e%2e", "x".repeat(300)};
        return chance(50) && !real.isEmpty() ? pick(real) : odd[random.nextInt(odd.length)];
    }

    /** A raw query string (no leading '?'), sometimes empty. */
    String query() {
        String[] names = {
            "page", "size", "model", "user_id", "token_id", "channel_id", "status", "from", "to", "q", "key", "alt"
        };
        String[] values = {
            "1", "0", "-5", "abc", "%", "%zz", "a%00b", "%e2%82", "gpt-4o", "99999999999999999999", "sse", ""
        };
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append('&');
            }
            b.append(names[random.nextInt(names.length)]).append('=').append(values[random.nextInt(values.length)]);
        }
        return b.toString();
    }
}
