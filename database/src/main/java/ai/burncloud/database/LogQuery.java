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
        int page,
        int size) {

    public static LogQuery all(int page, int size) {
        return new LogQuery(null, null, null, null, null, null, null, null, page, size);
    }
}
