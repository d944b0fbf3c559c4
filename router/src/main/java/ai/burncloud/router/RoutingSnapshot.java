package ai.burncloud.router;

import ai.burncloud.service.PriceBook;
import java.util.Map;
import java.util.Set;

/**
 * Everything the data plane reads to serve a request, frozen at one configuration version —
 * including the live options (retries, unpriced-model policy) an administrator may change. Built
 * off the hot path by {@link SnapshotLoader} and swapped whole; never mutated after construction
 * (the round-robin counters inside route tables are the only moving parts).
 */
public record RoutingSnapshot(
        long version,
        Map<String, AuthorizedToken> tokensByHash,
        Map<Long, Upstream> upstreams,
        Map<String, Map<String, RouteTable>> routes,
        Map<String, Set<String>> modelsByGroup,
        PriceBook prices,
        int retryTimes,
        boolean allowUnpriced) {

    public static RoutingSnapshot empty() {
        return new RoutingSnapshot(-1, Map.of(), Map.of(), Map.of(), Map.of(), PriceBook.empty(), 0, false);
    }

    /** The route table of a model within a group, or null when no channel was ever configured for it. */
    public RouteTable route(String group, String model) {
        Map<String, RouteTable> byModel = routes.get(group);
        return byModel == null ? null : byModel.get(model);
    }

    /** Models with at least one enabled channel in the group. */
    public Set<String> models(String group) {
        return modelsByGroup.getOrDefault(group, Set.of());
    }
}
