package ai.burncloud.router.translate.anthropic;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ir.Jsons;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Anthropic's usage numbers as they accumulate over a stream ({@code message_start}, then
 * cumulative {@code message_delta}s), normalised to {@link TokenUsage}: Anthropic's
 * {@code input_tokens} excludes cache reads and cache writes, ours includes them.
 */
final class AnthropicUsage {
    private long input = TokenUsage.UNREPORTED;
    private long output = TokenUsage.UNREPORTED;
    private long cacheRead = TokenUsage.UNREPORTED;
    private long cacheCreation = TokenUsage.UNREPORTED;

    /** Takes every count {@code usage} reports; counts it leaves out (or sends as null) keep their value. */
    void update(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return;
        }
        input = Jsons.number(usage, "input_tokens", input);
        output = Jsons.number(usage, "output_tokens", output);
        cacheRead = Jsons.number(usage, "cache_read_input_tokens", cacheRead);
        cacheCreation = Jsons.number(usage, "cache_creation_input_tokens", cacheCreation);
    }

    /**
     * Takes {@code message_start}'s usage: its {@code output_tokens} is a placeholder (1 or so, before
     * anything was generated), so output stays unreported until a {@code message_delta} says.
     */
    void updateFromStart(JsonNode usage) {
        long keep = output;
        update(usage);
        output = keep;
    }

    TokenUsage toTokenUsage() {
        long prompt = input == TokenUsage.UNREPORTED
                ? TokenUsage.UNREPORTED
                : input + TokenUsage.orZero(cacheRead) + TokenUsage.orZero(cacheCreation);
        return new TokenUsage(prompt, output, cacheRead, cacheCreation, TokenUsage.UNREPORTED);
    }

    static TokenUsage read(JsonNode usage) {
        AnthropicUsage u = new AnthropicUsage();
        u.update(usage);
        return u.toTokenUsage();
    }

    /** Anthropic's usage object for a client: cached tokens are split back out of the prompt count. */
    static ObjectNode write(TokenUsage usage) {
        ObjectNode u = Json.object();
        long cacheRead = TokenUsage.orZero(usage.cachedRead());
        long cacheCreation = TokenUsage.orZero(usage.cacheCreation());
        u.put("input_tokens", Math.max(0, TokenUsage.orZero(usage.prompt()) - cacheRead - cacheCreation));
        u.put("output_tokens", TokenUsage.orZero(usage.completion()));
        putOrNull(u, "cache_creation_input_tokens", usage.cacheCreation());
        putOrNull(u, "cache_read_input_tokens", usage.cachedRead());
        u.putNull("server_tool_use");
        return u;
    }

    private static void putOrNull(ObjectNode u, String field, long value) {
        if (value == TokenUsage.UNREPORTED) {
            u.putNull(field);
        } else {
            u.put(field, value);
        }
    }
}
