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
import ai.burncloud.service.QuotaLedger;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
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

/** Reads the configuration tables and builds a {@link RoutingSnapshot}. Never on the hot path. */
public final class SnapshotLoader {
    private static final Logger log = LoggerFactory.getLogger(SnapshotLoader.class);

    private final Repositories repos;
    private final BurnCloudConfig config;

    public SnapshotLoader(Repositories repos, BurnCloudConfig config) {
        this.repos = repos;
        this.config = config;
    }

    /**
     * Loads the snapshot at the current configuration version and brings the ledger's mirror of
     * quotas and balances up to the database. Must run on the state-sync thread (see QuotaLedger).
     */
    public RoutingSnapshot load(QuotaLedger ledger) {
        long version = repos.configVersion().current();
        List<User> users = repos.users().all();
        List<Token> tokens = repos.tokens().all();
        List<Channel> channels = repos.channels().all();
        List<Ability> abilities = repos.channels().abilities();
        PriceBook prices = new PriceBook(repos.prices().all(), repos.ratios().modelRatios());
        Map<String, BigDecimal> groupRatios = new HashMap<>();
        for (GroupRatio g : repos.ratios().groupRatios()) {
            groupRatios.put(g.group(), g.ratio());
        }

        Map<Long, User> usersById = new HashMap<>();
        for (User u : users) {
            usersById.put(u.id(), u);
            ledger.loadUser(u.id(), u.balance());
        }
        Map<String, AuthorizedToken> byHash = new HashMap<>();
        for (Token t : tokens) {
            ledger.loadToken(t.id(), t.quotaLimit(), t.usedQuota());
            User owner = usersById.get(t.userId());
            if (owner == null) {
                continue;
            }
            String group =
                    t.groupOverride() != null && !t.groupOverride().isBlank() ? t.groupOverride() : owner.group();
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
            byHash.put(
                    t.keyHash(),
                    new AuthorizedToken(
                            t,
                            owner,
                            group,
                            groupRatios.getOrDefault(group, BigDecimal.ONE),
                            Set.copyOf(t.models()),
                            List.copyOf(ranges)));
        }
        Set<Long> tokenIds = new HashSet<>();
        tokens.forEach(t -> tokenIds.add(t.id()));
        Set<Long> userIds = new HashSet<>(usersById.keySet());
        ledger.retainOnly(tokenIds, userIds);

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
            modelsByGroup.put(group, java.util.Collections.unmodifiableSet(models));
        });
        // options an administrator sets live override the start-up RETRY_TIMES / BILLING_ALLOW_UNPRICED
        ConsoleOptions options = ConsoleOptions.from(repos.options().all(), config);
        return new RoutingSnapshot(
                version,
                Map.copyOf(byHash),
                Map.copyOf(upstreams),
                Map.copyOf(routes),
                Map.copyOf(modelsByGroup),
                prices,
                options.retryTimes(),
                options.allowUnpriced());
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
