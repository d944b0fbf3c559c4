package ai.burncloud.service;

import ai.burncloud.database.RequestLog;

/** What statistics are kept per: model ("" if none), channel, user and token (0 if none). */
public record StatsKey(String model, long channelId, long userId, long tokenId) {
    static StatsKey of(RequestLog row) {
        return new StatsKey(
                row.model() == null ? "" : row.model(),
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
