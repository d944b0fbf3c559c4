package ai.burncloud.service;

import ai.burncloud.database.RequestLog;

/**
 * What statistics are kept per: model ("" if none), channel, user and token (0 if none).
 *
 * <p>The model is a key only when the request was routed to a channel, so an administrator
 * configured it; any other name the client sent (unknown, or refused before routing) counts as
 * {@value #OTHER}, as on /metrics. Every key holds a cell per second for an hour and a row per
 * minute for 90 days: a flood of unique made-up names would otherwise grow both without bound.
 */
public record StatsKey(String model, long channelId, long userId, long tokenId) {
    static final String OTHER = "other";

    static StatsKey of(RequestLog row) {
        return new StatsKey(
                row.model() == null ? "" : row.channelId() == null ? OTHER : row.model(),
                row.channelId() == null ? 0 : row.channelId(),
                row.userId() == null ? 0 : row.userId(),
                row.tokenId() == null ? 0 : row.tokenId());
    }

    /** The value of one {@link StatsGroupBy} dimension, as text. */
    String dimension(StatsGroupBy by) {
        return switch (by) {
            case MODEL -> model;
            case CHANNEL -> String.valueOf(channelId);
            case USER -> String.valueOf(userId);
            case TOKEN -> String.valueOf(tokenId);
        };
    }
}
