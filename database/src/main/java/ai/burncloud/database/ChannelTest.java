package ai.burncloud.database;

import java.math.BigDecimal;

/** The outcome of the last speed test of a channel. */
public record ChannelTest(
        long testedAt, boolean ok, Long latencyMs, Long ttftMs, BigDecimal tokensPerSecond, String error) {}
