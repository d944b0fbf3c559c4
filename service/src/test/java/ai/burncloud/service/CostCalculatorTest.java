package ai.burncloud.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Money;
import ai.burncloud.common.TokenUsage;
import ai.burncloud.database.ModelRatio;
import ai.burncloud.database.Price;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {
    private static Price price(String model, String input, String output, String cached) {
        return new Price(
                model,
                Money.parseDollars(input),
                Money.parseDollars(output),
                cached == null ? null : Money.parseDollars(cached),
                null,
                0);
    }

    private static Price alias(String model, String target) {
        return new Price(model, 0, 0, null, target, 0);
    }

    @Test
    void readmeExampleCostsExactlyFifteenThousandths() {
        PriceBook book = new PriceBook(List.of(price("gpt-4", "30.0", "60.0", null)), List.of());
        long cost = CostCalculator.cost(book.resolve("gpt-4").orElseThrow(), 100, 200);
        assertThat(Money.toDollars(cost)).isEqualByComparingTo("0.015");
        assertThat(cost).isEqualTo(15_000_000L);
    }

    @Test
    void aliasesResolveToTheirTargetsPrice() {
        PriceBook book = new PriceBook(
                List.of(price("gpt-4", "30", "60", null), alias("gpt-4-turbo", "gpt-4"), alias("g4t", "gpt-4-turbo")),
                List.of());
        ResolvedPrice p = book.resolve("g4t").orElseThrow();
        assertThat(p.source()).isEqualTo("gpt-4");
        assertThat(p.viaAlias()).isTrue();
        assertThat(Money.toDollars(p.input())).isEqualByComparingTo("30");
        assertThat(book.wouldCycle("gpt-4", "g4t")).isTrue();
        assertThat(book.wouldCycle("new", "gpt-4")).isFalse();
    }

    @Test
    void cachedPromptTokensUseTheCachedPrice() {
        ResolvedPrice p = new PriceBook(List.of(price("m", "2.5", "10", "1.25")), List.of())
                .resolve("m")
                .orElseThrow();
        TokenUsage usage = new TokenUsage(1000, 100, 400, TokenUsage.UNREPORTED, TokenUsage.UNREPORTED);
        // 600 x 2.5 + 400 x 1.25 + 100 x 10 = 1500 + 500 + 1000 = 3000 dollar-tokens per million
        assertThat(CostCalculator.cost(p, usage, BigDecimal.ONE)).isEqualTo(3_000_000L);
    }

    @Test
    void groupRatioScalesAndRoundsOnce() {
        ResolvedPrice p = new PriceBook(List.of(price("m", "0.15", "0.6", null)), List.of())
                .resolve("m")
                .orElseThrow();
        // 7 x 0.15 + 3 x 0.6 = 2.85 dollar-tokens per million = 2850 nanos; x 1.5 = 4275
        assertThat(CostCalculator.cost(p, TokenUsage.of(7, 3), new BigDecimal("1.5")))
                .isEqualTo(4275L);
        // x 1/3 (0.333...) rounds half up once: 2850 x 0.333 = 949.05 -> 949
        assertThat(CostCalculator.cost(p, TokenUsage.of(7, 3), new BigDecimal("0.333")))
                .isEqualTo(949L);
    }

    @Test
    void modelRatioFallbackFollowsOneApiUnits() {
        PriceBook book =
                new PriceBook(List.of(), List.of(new ModelRatio("r", new BigDecimal("15"), new BigDecimal("2"))));
        ResolvedPrice p = book.resolve("r").orElseThrow();
        assertThat(p.fromRatio()).isTrue();
        assertThat(Money.toDollars(p.input())).isEqualByComparingTo("30");
        assertThat(Money.toDollars(p.output())).isEqualByComparingTo("60");
        assertThat(book.resolvePrice("r")).isEmpty();
        assertThat(book.resolve("unknown")).isEmpty();
    }

    @Test
    void theLongFastPathAndTheBigNumberPathAgreeAndOverflowIsExact() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 10_000; i++) {
            long in = random.nextInt(100_000) * 1_000_000L;
            long out = random.nextInt(100_000) * 1_000_000L;
            ResolvedPrice p = new ResolvedPrice("m", "m", in, out, null, false);
            TokenUsage u = TokenUsage.of(random.nextInt(2_000_000), random.nextInt(200_000));
            java.math.BigDecimal exact = java.math.BigDecimal.valueOf(u.prompt())
                    .multiply(java.math.BigDecimal.valueOf(in))
                    .add(java.math.BigDecimal.valueOf(u.completion()).multiply(java.math.BigDecimal.valueOf(out)))
                    .divide(java.math.BigDecimal.valueOf(1_000_000), 0, java.math.RoundingMode.HALF_UP);
            assertThat(CostCalculator.cost(p, u, BigDecimal.ONE)).isEqualTo(exact.longValueExact());
        }
        // 10^12 tokens at $1000/M overflows a long mid-way; the result ($10^9) still fits and is exact
        ResolvedPrice dear = new ResolvedPrice("m", "m", 1_000_000_000_000L, 0, null, false);
        assertThat(CostCalculator.cost(dear, TokenUsage.of(1_000_000_000_000L, 0), BigDecimal.ONE))
                .isEqualTo(1_000_000_000_000_000_000L);
    }
}
