package ai.burncloud.database;

/**
 * A model price per 1M tokens in nano-dollars. When {@code aliasFor} is set the model uses that
 * model's price and its own numbers are ignored.
 */
public record Price(String model, long input, long output, Long cachedInput, String aliasFor, long updatedAt) {
    public boolean isAlias() {
        return aliasFor != null;
    }
}
