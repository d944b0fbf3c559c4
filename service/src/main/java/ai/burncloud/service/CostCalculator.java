package ai.burncloud.service;

import ai.burncloud.common.TokenUsage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Cost of a request in nano-dollars, exactly: integer token counts times integer prices per 1M
 * tokens, summed as big integers, times the group ratio, rounded once (half up) to a whole nano-dollar.
 *
 * <p>Prompt tokens served from the provider's cache are charged at the cached-input price when the
 * model has one, otherwise as ordinary input. Prompt counts include cached tokens (translators
 * normalise providers that report them apart).
 */
public final class CostCalculator {
    private static final BigDecimal PER_MILLION = BigDecimal.valueOf(1_000_000);

    private CostCalculator() {}

    public static long cost(ResolvedPrice price, TokenUsage usage, BigDecimal groupRatio) {
        long prompt = TokenUsage.orZero(usage.prompt());
        long completion = TokenUsage.orZero(usage.completion());
        long cached = Math.min(prompt, TokenUsage.orZero(usage.cachedRead()));
        BigInteger total;
        if (price.cachedInput() != null && cached > 0) {
            total = times(prompt - cached, price.input()).add(times(cached, price.cachedInput()));
        } else {
            total = times(prompt, price.input());
        }
        total = total.add(times(completion, price.output()));
        return new BigDecimal(total)
                .multiply(groupRatio)
                .divide(PER_MILLION, 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Cost of {@code promptTokens} and {@code completionTokens} at group ratio 1. */
    public static long cost(ResolvedPrice price, long promptTokens, long completionTokens) {
        return cost(price, TokenUsage.of(promptTokens, completionTokens), BigDecimal.ONE);
    }

    private static BigInteger times(long tokens, long nanosPerMillion) {
        return BigInteger.valueOf(tokens).multiply(BigInteger.valueOf(nanosPerMillion));
    }
}
