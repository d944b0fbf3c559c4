package ai.burncloud.router.translate.bedrock;

import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ir.Jsons;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bedrock Converse's {@code usage}. Like Anthropic's, its {@code inputTokens} leaves out prompt-cache
 * reads and writes ({@code totalTokens} = input + output + cache read + cache write), so they are added
 * back to our prompt count.
 */
final class BedrockUsage {
    private BedrockUsage() {}

    static TokenUsage read(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return TokenUsage.NONE;
        }
        long input = Jsons.number(usage, "inputTokens", TokenUsage.UNREPORTED);
        long cacheRead = Jsons.number(usage, "cacheReadInputTokens", TokenUsage.UNREPORTED);
        long cacheWrite = Jsons.number(usage, "cacheWriteInputTokens", TokenUsage.UNREPORTED);
        long prompt = input == TokenUsage.UNREPORTED
                ? TokenUsage.UNREPORTED
                : input + TokenUsage.orZero(cacheRead) + TokenUsage.orZero(cacheWrite);
        return new TokenUsage(
                prompt,
                Jsons.number(usage, "outputTokens", TokenUsage.UNREPORTED),
                cacheRead,
                cacheWrite,
                TokenUsage.UNREPORTED);
    }
}
