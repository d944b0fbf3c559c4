package ai.burncloud.router.translate.gemini;

import ai.burncloud.common.Json;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.router.translate.ir.Jsons;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gemini's {@code usageMetadata}, read and written. {@code promptTokenCount} already includes
 * {@code cachedContentTokenCount}; {@code candidatesTokenCount} excludes {@code thoughtsTokenCount},
 * which our completion count includes. In a stream every chunk carries provisional numbers: only the
 * last chunk's are authoritative, so readers replace, never merge.
 */
public final class GeminiUsage {
    private GeminiUsage() {}

    public static TokenUsage read(JsonNode meta) {
        if (meta == null || !meta.isObject()) {
            return TokenUsage.NONE;
        }
        long prompt = Jsons.number(meta, "promptTokenCount", TokenUsage.UNREPORTED);
        long toolPrompt = Jsons.number(meta, "toolUsePromptTokenCount", TokenUsage.UNREPORTED);
        if (prompt != TokenUsage.UNREPORTED && toolPrompt != TokenUsage.UNREPORTED) {
            prompt += toolPrompt; // tool-use prompts are billed as input
        }
        long candidates = Jsons.number(meta, "candidatesTokenCount", TokenUsage.UNREPORTED);
        long thoughts = Jsons.number(meta, "thoughtsTokenCount", TokenUsage.UNREPORTED);
        // early chunks omit candidatesTokenCount: the output count stays unknown rather than zero
        long completion =
                candidates == TokenUsage.UNREPORTED ? TokenUsage.UNREPORTED : candidates + TokenUsage.orZero(thoughts);
        return new TokenUsage(
                prompt,
                completion,
                Jsons.number(meta, "cachedContentTokenCount", TokenUsage.UNREPORTED),
                TokenUsage.UNREPORTED,
                thoughts);
    }

    public static ObjectNode write(TokenUsage usage) {
        ObjectNode meta = Json.object();
        long prompt = TokenUsage.orZero(usage.prompt());
        long completion = TokenUsage.orZero(usage.completion());
        long thoughts = TokenUsage.orZero(usage.reasoning());
        meta.put("promptTokenCount", prompt);
        meta.put("candidatesTokenCount", Math.max(0, completion - thoughts));
        meta.put("totalTokenCount", prompt + completion);
        if (usage.cachedRead() != TokenUsage.UNREPORTED) {
            meta.put("cachedContentTokenCount", usage.cachedRead());
        }
        if (usage.reasoning() != TokenUsage.UNREPORTED) {
            meta.put("thoughtsTokenCount", usage.reasoning());
        }
        return meta;
    }
}
