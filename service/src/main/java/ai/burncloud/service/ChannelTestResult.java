package ai.burncloud.service;

import java.math.BigDecimal;

/**
 * The outcome of one speed test: a small real chat request through a channel.
 *
 * @param latencyMs time until the whole answer arrived
 * @param ttftMs time until the first generated text arrived (null if none)
 * @param tokensPerSecond completion tokens per second after the first token (null if unknown)
 * @param error why it failed (null when ok)
 */
public record ChannelTestResult(boolean ok, long latencyMs, Long ttftMs, BigDecimal tokensPerSecond, String error) {
    public static ChannelTestResult failed(long latencyMs, String error) {
        return new ChannelTestResult(false, latencyMs, null, null, error);
    }
}
