package ai.burncloud.service;

/** The width of a time-series bucket. One-second buckets exist only for the last hour. */
public enum StatsBucket {
    SECOND("1s", 1),
    MINUTE("1m", 60),
    HOUR("1h", 3600);

    private final String id;
    private final long seconds;

    StatsBucket(String id, long seconds) {
        this.id = id;
        this.seconds = seconds;
    }

    public String id() {
        return id;
    }

    public long seconds() {
        return seconds;
    }

    /** @throws ServiceException INVALID for anything but 1s, 1m or 1h */
    public static StatsBucket parse(String text) {
        for (StatsBucket b : values()) {
            if (b.id.equals(text)) {
                return b;
            }
        }
        throw ServiceException.invalid("bucket must be 1s, 1m or 1h");
    }
}
