package ai.burncloud.router;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.IpRange;
import ai.burncloud.common.Json;
import ai.burncloud.database.Ability;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelStatus;
import ai.burncloud.database.GroupRatio;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.Token;
import ai.burncloud.database.User;
import ai.burncloud.service.ConsoleOptions;
import ai.burncloud.service.PriceBook;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pieces of a {@link RoutingSnapshot}, each built from what the database holds: shared by the
 * full load ({@link SnapshotLoader}) and the patch of one change ({@link SnapshotPatcher}), so both
 * judge a token, a channel or a price the same way. Never on the hot path.
 */
final class SnapshotParts {
    private static final Logger log = LoggerFactory.getLogger(SnapshotParts.class);

    private SnapshotParts() {}

    /** The channels as the router uses them: upstreams by id, route tables and listed models per group. */
    record Routing(
            Map<Long, Upstream> upstreams,
            Map<String, Map<String, RouteTable>> routes,
            Map<String, Set<String>> modelsByGroup) {}

    static Map<String, BigDecimal> groupRatios(Repositories repos) {
        Map<String, BigDecimal> ratios = new HashMap<>();
        for (GroupRatio g : repos.ratios().groupRatios()) {
            ratios.put(g.group(), g.ratio());
        }
        return ratios;
    }

    static PriceBook prices(Repositories repos) {
        return new PriceBook(repos.prices().all(), repos.ratios().modelRatios());
    }

    /** Options an administrator sets live override the start-up RETRY_TIMES / BILLING_ALLOW_UNPRICED. */
    static ConsoleOptions options(Repositories repos, BurnCloudConfig config) {
        return ConsoleOptions.from(repos.options().all(), config);
    }

    /** A token with its owner, effective group and that group's ratio, allow-list and IP ranges. */
    static AuthorizedToken authorize(Token t, User owner, Map<String, BigDecimal> groupRatios) {
        String group = t.groupOverride() != null && !t.groupOverride().isBlank() ? t.groupOverride() : owner.group();
        List<IpRange> ranges = new ArrayList<>();
        for (String r : t.ipRanges()) {
            try {
                ranges.add(IpRange.parse(r));
            } catch (IllegalArgumentException e) {
                // a range we cannot parse must not widen access: keep an impossible one
                log.warn("token {} has an invalid IP range '{}': it will match nothing", t.id(), r);
                ranges.add(IpRange.parse("0.0.0.0/32"));
            }
        }
        return new AuthorizedToken(
                t,
                owner,
                group,
                groupRatios.getOrDefault(group, BigDecimal.ONE),
                Set.copyOf(t.models()),
                List.copyOf(ranges));
    }

    static Routing routing(List<Channel> channels, List<Ability> abilities) {
        Map<Long, Upstream> upstreams = new HashMap<>();
        Set<Long> enabledChannels = new HashSet<>();
        for (Channel c : channels) {
            upstreams.put(c.id(), toUpstream(c));
            if (c.status() == ChannelStatus.ENABLED) {
                enabledChannels.add(c.id());
            }
        }
        Map<String, Map<String, List<Ability>>> grouped = new LinkedHashMap<>();
        for (Ability a : abilities) {
            grouped.computeIfAbsent(a.group(), g -> new LinkedHashMap<>())
                    .computeIfAbsent(a.model(), m -> new ArrayList<>())
                    .add(a);
        }
        Map<String, Map<String, RouteTable>> routes = new HashMap<>();
        Map<String, Set<String>> modelsByGroup = new HashMap<>();
        grouped.forEach((group, byModel) -> {
            Map<String, RouteTable> tables = new HashMap<>();
            Set<String> models = new TreeSet<>();
            byModel.forEach((model, list) -> {
                RouteTable table = routeTable(list, upstreams, enabledChannels);
                tables.put(model, table);
                if (table.hasEnabled()) {
                    models.add(model);
                }
            });
            routes.put(group, Map.copyOf(tables));
            modelsByGroup.put(group, Collections.unmodifiableSet(models));
        });
        return new Routing(Map.copyOf(upstreams), Map.copyOf(routes), Map.copyOf(modelsByGroup));
    }

    private static RouteTable routeTable(List<Ability> abilities, Map<Long, Upstream> upstreams, Set<Long> enabled) {
        TreeMap<Integer, List<Upstream>> tiers = new TreeMap<>(Comparator.reverseOrder());
        for (Ability a : abilities) {
            Upstream u = upstreams.get(a.channelId());
            if (u != null && a.enabled() && enabled.contains(a.channelId())) {
                tiers.computeIfAbsent(a.priority(), p -> new ArrayList<>()).add(u);
            }
        }
        List<RouteTable.Tier> list = new ArrayList<>();
        tiers.forEach((priority, members) -> {
            members.sort(Comparator.comparingLong(Upstream::id));
            long total =
                    members.stream().mapToLong(u -> Math.max(0, u.weight())).sum();
            list.add(new RouteTable.Tier(priority, List.copyOf(members), total, new AtomicLong()));
        });
        return new RouteTable(List.copyOf(list), true);
    }

    private static Upstream toUpstream(Channel c) {
        JsonNode config = Json.object();
        if (c.config() != null && !c.config().isBlank()) {
            try {
                JsonNode parsed = Json.parse(c.config());
                if (parsed.isObject()) {
                    config = parsed;
                }
            } catch (IllegalArgumentException e) {
                log.warn("channel {} has invalid config JSON; ignoring it", c.id());
            }
        }
        return new Upstream(
                c.id(),
                c.name(),
                c.type(),
                c.baseUrl(),
                c.apiKey(),
                c.modelMapping(),
                config,
                c.priority(),
                c.weight());
    }
}
