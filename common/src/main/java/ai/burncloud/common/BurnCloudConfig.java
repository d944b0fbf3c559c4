package ai.burncloud.common;

import java.time.Duration;
import java.util.Optional;

/** Typed, immutable configuration, built once at start by {@link ConfigLoader}. */
public record BurnCloudConfig(
        String host,
        int port,
        DatabaseUrl databaseUrl,
        String logLevel,
        int maxRequestBodyBytes,
        int retryTimes,
        boolean billingAllowUnpriced,
        Optional<String> rootPassword,
        Optional<String> metricsToken,
        Duration upstreamConnectTimeout,
        Duration upstreamReadTimeout,
        Duration clientIdleTimeout,
        Duration headerTimeout,
        Duration clientGoneDrainTime,
        long clientGoneDrainMaxBytes,
        Duration logFlushInterval,
        int circuitFailures,
        Duration circuitCooldown,
        Duration shutdownGrace,
        Duration snapshotRefresh,
        int ioThreads) {

    /** Defaults everywhere except the database; handy for tests. */
    public static BurnCloudConfig defaults(DatabaseUrl db) {
        return ConfigLoader.fromMap(java.util.Map.of()).withDatabase(db);
    }

    public BurnCloudConfig withDatabase(DatabaseUrl db) {
        return copy(host, port, db);
    }

    public BurnCloudConfig withListen(String newHost, int newPort) {
        return copy(newHost, newPort, databaseUrl);
    }

    /**
     * A copy with where it listens and where it stores replaced: the one place that names every
     * component again, so a new setting is added here once, not once per {@code with…} method.
     */
    private BurnCloudConfig copy(String newHost, int newPort, DatabaseUrl db) {
        return new BurnCloudConfig(
                newHost,
                newPort,
                db,
                logLevel,
                maxRequestBodyBytes,
                retryTimes,
                billingAllowUnpriced,
                rootPassword,
                metricsToken,
                upstreamConnectTimeout,
                upstreamReadTimeout,
                clientIdleTimeout,
                headerTimeout,
                clientGoneDrainTime,
                clientGoneDrainMaxBytes,
                logFlushInterval,
                circuitFailures,
                circuitCooldown,
                shutdownGrace,
                snapshotRefresh,
                ioThreads);
    }
}
