package ai.burncloud.service;

/**
 * The price that applies to a model, per 1M tokens in nano-dollars, after following aliases.
 *
 * @param model the model asked about
 * @param source the model whose price this is (differs from {@code model} for an alias)
 * @param cachedInput price of cached prompt tokens, or null to charge them as ordinary input
 * @param fromRatio whether the price was derived from a One-API-style model ratio
 */
public record ResolvedPrice(String model, String source, long input, long output, Long cachedInput, boolean fromRatio) {
    public boolean viaAlias() {
        return !model.equals(source);
    }
}
