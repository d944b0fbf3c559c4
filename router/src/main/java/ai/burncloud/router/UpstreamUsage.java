package ai.burncloud.router;

import ai.burncloud.common.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage as an upstream reported it is a claim, not a fact: a negative count would bill as a credit,
 * an absurd one would drain a balance. Such a field is logged as an upstream anomaly and treated as
 * not reported, so the settlement counts it locally (and marks the row estimated).
 */
final class UpstreamUsage {
    private static final Logger log = LoggerFactory.getLogger(UpstreamUsage.class);

    /** More tokens than any request the gateway accepts could carry or any model could produce. */
    static final long MAX_SANE_TOKENS = 100_000_000L;

    private UpstreamUsage() {}

    /** {@code reported} with every negative or absurd field turned into "not reported". */
    static TokenUsage sane(TokenUsage reported, String requestId, Long channelId) {
        if (reported == null) {
            return TokenUsage.NONE;
        }
        TokenUsage sane = new TokenUsage(
                field(reported.prompt()),
                field(reported.completion()),
                field(reported.cachedRead()),
                field(reported.cacheCreation()),
                field(reported.reasoning()));
        if (!sane.equals(reported)) {
            log.warn(
                    "{} upstream anomaly: channel {} reported usage {}; counting the implausible fields locally",
                    requestId,
                    channelId,
                    reported);
        }
        return sane;
    }

    private static long field(long v) {
        return v < 0 || v > MAX_SANE_TOKENS ? TokenUsage.UNREPORTED : v;
    }
}
