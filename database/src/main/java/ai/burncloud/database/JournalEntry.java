package ai.burncloud.database;

/**
 * One request in flight as a router last journaled it: enough to log and bill it if that router dies
 * before the request settles. Usage is what was known at the journal point (a prompt estimate and the
 * completion tokens counted so far) and {@code cost} its price then. Times in unix milliseconds.
 */
public record JournalEntry(
        String instanceId,
        String requestId,
        long journaledAtMs,
        long createdAtMs,
        Long userId,
        Long tokenId,
        String endpoint,
        String model,
        boolean stream,
        long promptTokens,
        long completionTokens,
        long cost,
        boolean priceMissing,
        String clientIp) {}
