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
        if (groupRatio.compareTo(BigDecimal.ONE) == 0) {
            // the common case, in plain long arithmetic (the result is the same; overflow falls through)
            try {
                long sum;
                if (price.cachedInput() != null && cached > 0) {
                    sum = Math.addExact(
                            Math.multiplyExact(prompt - cached, price.input()),
                            Math.multiplyExact(cached, price.cachedInput()));
                } else {
                    sum = Math.multiplyExact(prompt, price.input());
                }
                sum = Math.addExact(sum, Math.multiplyExact(completion, price.output()));
                return Math.addExact(sum, 500_000L) / 1_000_000L;
            } catch (ArithmeticException overflow) {
                // beyond 9.2e18 nano-dollar-tokens: the exact big-number path below
            }
        }
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
