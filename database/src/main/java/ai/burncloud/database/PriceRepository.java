package ai.burncloud.database;

import java.util.List;
import java.util.Optional;

/** Model prices per 1M tokens, and aliases between models. */
public interface PriceRepository {
    /** Creates or replaces a model's own price (clearing any alias it had). */
    Price setPrice(String model, long input, long output, Long cachedInput);

    /** Makes {@code model} use {@code target}'s price. */
    Price setAlias(String model, String target);

    Optional<Price> find(String model);

    List<Price> all();

    boolean delete(String model);
}
