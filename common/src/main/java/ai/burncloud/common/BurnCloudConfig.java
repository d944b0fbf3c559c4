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
        int ioThreads,
        java.util.List<IpRange> trustedProxies,
        int metricsMaxSeries,
        Duration clientFirstByteTimeout,
        int maxConnections,
        Duration localCountBudget,
        Optional<String> secretKey,
        Optional<java.nio.file.Path> secretKeyFile,
        int auditRetentionDays,
        boolean admissionFailOpen) {

    /** Whether {@code peer} is a reverse proxy whose X-Forwarded-For / -Proto headers are believed. */
    public boolean trustsProxy(java.net.InetAddress peer) {
        for (IpRange r : trustedProxies) {
            if (r.contains(peer)) {
                return true;
            }
        }
        return false;
    }
}
