package ai.burncloud.service;

/**
 * What is happening now: tokens and requests in the last full second, requests in the last 60
 * seconds, requests in flight (null when not known for this caller).
 */
public record LiveStats(
        long time, long tokensPerSecond, long requestsPerSecond, long requestsPerMinute, Integer inFlight) {}
