package ai.burncloud.database;

import java.math.BigDecimal;

/** A multiplier applied to every cost of the users in a group. */
public record GroupRatio(String group, BigDecimal ratio, String description) {}
