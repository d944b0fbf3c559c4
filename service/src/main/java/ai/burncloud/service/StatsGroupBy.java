package ai.burncloud.service;

import java.util.Locale;

/** A dimension a time series can be split by. */
public enum StatsGroupBy {
    MODEL,
    CHANNEL,
    USER,
    TOKEN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws ServiceException INVALID for anything but model, channel, user or token */
    public static StatsGroupBy parse(String text) {
        for (StatsGroupBy g : values()) {
            if (g.id().equals(text)) {
                return g;
            }
        }
        throw ServiceException.invalid("group_by must be one of model, channel, user, token");
    }
}
