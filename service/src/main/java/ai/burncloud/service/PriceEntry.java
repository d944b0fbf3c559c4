package ai.burncloud.service;

import ai.burncloud.database.Price;
import java.util.Optional;

/**
 * A price row as stored together with the price it resolves to: the same numbers for an ordinary
 * row, the target's numbers for an alias, empty for an alias whose chain is broken.
 */
public record PriceEntry(Price row, Optional<ResolvedPrice> resolved) {
    public String model() {
        return row.model();
    }

    public boolean isAlias() {
        return row.isAlias();
    }
}
