package ai.burncloud.database;

import java.math.BigDecimal;

/** One-API-style pricing fallback: ratio 1 = $2 per 1M prompt tokens; completions cost ratio x completionRatio. */
public record ModelRatio(String model, BigDecimal ratio, BigDecimal completionRatio) {}
