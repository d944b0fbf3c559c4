package ai.burncloud.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks the channel for an attempt: the highest priority tier that still has a candidate, then
 * weighted-random by weight inside it (round-robin when every weight is 0). A channel already tried
 * for this request is never picked again, and one whose circuit is open is skipped.
 */
public final class UpstreamSelector {
    private final CircuitBreakers breakers;

    public UpstreamSelector(CircuitBreakers breakers) {
        this.breakers = breakers;
    }

    /** A channel picked for one attempt, with the breaker permit the attempt must end. */
    public record Pick(Upstream upstream, CircuitBreakers.Permit permit) {}

    /** Returns the next channel to try for {@code model}, or null when none is left. */
    public Pick next(RouteTable table, Set<Long> tried, String model) {
        for (RouteTable.Tier tier : table.tiers()) {
            List<Upstream> candidates = new ArrayList<>(tier.members().size());
            long weight = 0;
            for (Upstream u : tier.members()) {
                if (!tried.contains(u.id()) && !breakers.isOpen(u.id(), model)) {
                    candidates.add(u);
                    weight += Math.max(0, u.weight());
                }
            }
            while (!candidates.isEmpty()) {
                Upstream pick = weight > 0 ? weighted(candidates, weight) : roundRobin(tier, candidates);
                CircuitBreakers.Permit permit = breakers.tryAcquire(pick.id(), model);
                if (permit != null) {
                    return new Pick(pick, permit);
                }
                // lost the half-open probe to another request: skip it for this request
                candidates.remove(pick);
                weight -= Math.max(0, pick.weight());
            }
        }
        return null;
    }

    private static Upstream weighted(List<Upstream> candidates, long total) {
        long r = ThreadLocalRandom.current().nextLong(total);
        for (Upstream u : candidates) {
            r -= Math.max(0, u.weight());
            if (r < 0) {
                return u;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    private static Upstream roundRobin(RouteTable.Tier tier, List<Upstream> candidates) {
        long turn = tier.roundRobin().getAndIncrement();
        return candidates.get((int) Math.floorMod(turn, (long) candidates.size()));
    }
}
