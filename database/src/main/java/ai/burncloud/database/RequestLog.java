package ai.burncloud.database;

/**
 * One lean row per request: who, what, through which channel, how many tokens, what it cost and how
 * it ended. No prompt or response bodies. Times in unix milliseconds. The endpoint never carries a
 * credential: query parameters that look like one (the Gemini door's {@code ?key=}) are dropped here,
 * whoever builds the row.
 */
public record RequestLog(
        long id,
        String requestId,
        long createdAtMs,
        Long userId,
        Long tokenId,
        Long channelId,
        String endpoint,
        String model,
        String upstreamModel,
        long promptTokens,
        long completionTokens,
        long cachedTokens,
        long cacheCreationTokens,
        long reasoningTokens,
        long cost,
        long latencyMs,
        Long ttfbMs,
        int status,
        boolean stream,
        String settlement,
        String retryTrail,
        boolean estimated,
        boolean priceMissing,
        String errorCode,
        String clientIp) {

    public RequestLog {
        endpoint = ai.burncloud.common.UrlRedaction.redact(endpoint);
    }
}
