package ai.burncloud.common;

/**
 * Token counts of one request as an upstream reported them. Each field is {@link #UNREPORTED} until
 * the upstream said something about it, so "not reported" is never mistaken for zero.
 *
 * @param prompt input tokens, including cached ones
 * @param completion output tokens, including reasoning ones
 * @param cachedRead input tokens served from the provider's prompt cache
 * @param cacheCreation input tokens written to the provider's prompt cache (Anthropic)
 * @param reasoning output tokens spent on reasoning (OpenAI o-series, Gemini thoughts)
 */
public record TokenUsage(long prompt, long completion, long cachedRead, long cacheCreation, long reasoning) {
    public static final long UNREPORTED = -1;
    public static final TokenUsage NONE = new TokenUsage(UNREPORTED, UNREPORTED, UNREPORTED, UNREPORTED, UNREPORTED);

    public static TokenUsage of(long prompt, long completion) {
        return new TokenUsage(prompt, completion, UNREPORTED, UNREPORTED, UNREPORTED);
    }

    /** Whether the upstream reported the two numbers billing needs. */
    public boolean complete() {
        return prompt != UNREPORTED && completion != UNREPORTED;
    }

    public boolean isEmpty() {
        return prompt == UNREPORTED
                && completion == UNREPORTED
                && cachedRead == UNREPORTED
                && cacheCreation == UNREPORTED
                && reasoning == UNREPORTED;
    }

    /** Fields reported by {@code later} replace ours; fields it did not report keep our values. */
    public TokenUsage updatedWith(TokenUsage later) {
        return new TokenUsage(
                pick(later.prompt, prompt),
                pick(later.completion, completion),
                pick(later.cachedRead, cachedRead),
                pick(later.cacheCreation, cacheCreation),
                pick(later.reasoning, reasoning));
    }

    public TokenUsage withPrompt(long value) {
        return new TokenUsage(value, completion, cachedRead, cacheCreation, reasoning);
    }

    public TokenUsage withCompletion(long value) {
        return new TokenUsage(prompt, value, cachedRead, cacheCreation, reasoning);
    }

    /** A field's value, or 0 when it was not reported. */
    public static long orZero(long value) {
        return value == UNREPORTED ? 0 : value;
    }

    private static long pick(long preferred, long fallback) {
        return preferred == UNREPORTED ? fallback : preferred;
    }
}
