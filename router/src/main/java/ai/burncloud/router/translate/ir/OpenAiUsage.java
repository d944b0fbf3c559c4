package ai.burncloud.router.translate.ir;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI's {@code usage} object, read and written. Its prompt count already includes cached tokens. */
public final class OpenAiUsage {
    private OpenAiUsage() {}

    /** Reads a {@code usage} object; {@link TokenUsage#NONE} when absent or null. */
    public static TokenUsage read(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return TokenUsage.NONE;
        }
        long cached = Jsons.number(Jsons.field(usage, "prompt_tokens_details"), "cached_tokens", TokenUsage.UNREPORTED);
        if (cached == TokenUsage.UNREPORTED) {
            // DeepSeek reports its cache hits at the top level
            cached = Jsons.number(usage, "prompt_cache_hit_tokens", TokenUsage.UNREPORTED);
        }
        return new TokenUsage(
                Jsons.number(usage, "prompt_tokens", TokenUsage.UNREPORTED),
                Jsons.number(usage, "completion_tokens", TokenUsage.UNREPORTED),
                cached,
                TokenUsage.UNREPORTED,
                Jsons.number(
                        Jsons.field(usage, "completion_tokens_details"), "reasoning_tokens", TokenUsage.UNREPORTED));
    }

    /** Writes {@code usage} (unreported counts as 0; details only when reported). */
    public static ObjectNode write(TokenUsage usage) {
        ObjectNode u = Json.object();
        long prompt = TokenUsage.orZero(usage.prompt());
        long completion = TokenUsage.orZero(usage.completion());
        u.put("prompt_tokens", prompt);
        u.put("completion_tokens", completion);
        u.put("total_tokens", prompt + completion);
        if (usage.cachedRead() != TokenUsage.UNREPORTED) {
            u.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedRead());
        }
        if (usage.reasoning() != TokenUsage.UNREPORTED) {
            u.putObject("completion_tokens_details").put("reasoning_tokens", usage.reasoning());
        }
        return u;
    }
}
