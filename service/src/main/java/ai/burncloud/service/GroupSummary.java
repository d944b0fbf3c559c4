package ai.burncloud.service;

import java.math.BigDecimal;

/** A user group: its ratio (1 when none is set), description and how many users and channels use it. */
public record GroupSummary(
        String name, BigDecimal ratio, String description, boolean ratioSet, long users, long channels) {}
