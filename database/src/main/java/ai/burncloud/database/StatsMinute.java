package ai.burncloud.database;

/**
 * One per-minute rollup of settled requests for one (model, channel, user, token). {@code bucket} is
 * the minute's start in unix seconds; ids are 0 and the model "" when a request had none. The
 * histograms are opaque text (HdrHistogram, encoded by the service layer) or null when empty.
 */
public record StatsMinute(
        long bucket,
        String model,
        long channelId,
        long userId,
        long tokenId,
        long requests,
        long errors,
        long promptTokens,
        long completionTokens,
        long cost,
        long latencySumMs,
        String latencyHist,
        String ttftHist) {}
