package ai.burncloud.database;

/** Filters for the request log; null fields do not filter. Times in unix milliseconds, inclusive. */
public record LogQuery(
        Long fromMs,
        Long toMs,
        String model,
        Long tokenId,
        Long channelId,
        Long userId,
        Integer status,
        Boolean stream,
        String settlement,
        int page,
        int size) {

    /** Without a settlement filter. */
    public LogQuery(
            Long fromMs,
            Long toMs,
            String model,
            Long tokenId,
            Long channelId,
            Long userId,
            Integer status,
            Boolean stream,
            int page,
            int size) {
        this(fromMs, toMs, model, tokenId, channelId, userId, status, stream, null, page, size);
    }

    public static LogQuery all(int page, int size) {
        return new LogQuery(null, null, null, null, null, null, null, null, null, page, size);
    }

    /** Every row that ended with {@code settlement} (e.g. "interrupted"). */
    public static LogQuery settled(String settlement, int page, int size) {
        return new LogQuery(null, null, null, null, null, null, null, null, settlement, page, size);
    }
}
