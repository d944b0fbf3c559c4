package ai.burncloud.service;

import ai.burncloud.database.ModelRatio;
import ai.burncloud.database.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of every price and model ratio, resolving aliases. Built from the database and
 * swapped whole when prices change, so lookups on the hot path take no lock and touch no database.
 */
public final class PriceBook {
    /** One-API's unit: model ratio 1 costs $2 per 1M tokens. */
    public static final long RATIO_UNIT_NANOS_PER_MTOK = 2_000_000_000L;

    private static final int MAX_ALIAS_DEPTH = 16;

    private final Map<String, Price> prices;
    private final Map<String, ModelRatio> ratios;

    public PriceBook(List<Price> prices, List<ModelRatio> ratios) {
        Map<String, Price> p = new HashMap<>();
        prices.forEach(price -> p.put(price.model(), price));
        Map<String, ModelRatio> r = new HashMap<>();
        ratios.forEach(ratio -> r.put(ratio.model(), ratio));
        this.prices = Map.copyOf(p);
        this.ratios = Map.copyOf(r);
    }

    public static PriceBook empty() {
        return new PriceBook(List.of(), List.of());
    }

    /**
     * The price of {@code model}: its own, an alias's target's, or one derived from its model ratio.
     * Empty when none applies (or an alias chain is broken or circular).
     */
    public Optional<ResolvedPrice> resolve(String model) {
        Optional<ResolvedPrice> priced = resolvePrice(model);
        if (priced.isPresent()) {
            return priced;
        }
        ModelRatio ratio = ratios.get(model);
        if (ratio == null) {
            return Optional.empty();
        }
        long input = scale(RATIO_UNIT_NANOS_PER_MTOK, ratio.ratio());
        long output = scale(input, ratio.completionRatio());
        return Optional.of(new ResolvedPrice(model, model, input, output, null, true));
    }

    /** Follows aliases only (no ratio fallback): what {@code price get} shows. */
    public Optional<ResolvedPrice> resolvePrice(String model) {
        String current = model;
        for (int depth = 0; depth < MAX_ALIAS_DEPTH; depth++) {
            Price price = prices.get(current);
            if (price == null) {
                return Optional.empty();
            }
            if (!price.isAlias()) {
                return Optional.of(
                        new ResolvedPrice(model, current, price.input(), price.output(), price.cachedInput(), false));
            }
            current = price.aliasFor();
        }
        return Optional.empty();
    }

    /** Whether making {@code model} an alias of {@code target} would create a cycle. */
    public boolean wouldCycle(String model, String target) {
        String current = target;
        for (int depth = 0; depth < MAX_ALIAS_DEPTH && current != null; depth++) {
            if (current.equals(model)) {
                return true;
            }
            Price price = prices.get(current);
            current = price == null ? null : price.aliasFor();
        }
        return current != null;
    }

    private static long scale(long nanos, BigDecimal ratio) {
        return BigDecimal.valueOf(nanos)
                .multiply(ratio)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
