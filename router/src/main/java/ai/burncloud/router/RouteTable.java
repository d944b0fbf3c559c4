package ai.burncloud.router;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The channels that serve one model for one group: enabled ones grouped in priority tiers, highest
 * first. {@code configured} is true when abilities exist at all, even if none is enabled — that is
 * the difference between "no such model" (404) and "its channels are all off" (503).
 */
public record RouteTable(List<Tier> tiers, boolean configured) {

    /** Channels of equal priority, chosen among by weight (round-robin when all weights are 0). */
    public record Tier(int priority, List<Upstream> members, long totalWeight, AtomicLong roundRobin) {}

    public boolean hasEnabled() {
        return !tiers.isEmpty();
    }
}
