package ai.burncloud.router;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.Token;
import ai.burncloud.database.User;
import ai.burncloud.service.ConsoleOptions;
import ai.burncloud.service.QuotaLedger;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every configuration table and builds a {@link RoutingSnapshot}: at start, and when the
 * changes since the snapshot's version are not all known (see {@link SnapshotPatcher} for the usual
 * path). Never on the hot path.
 */
public final class SnapshotLoader {
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
        SnapshotParts.Routing routing =
                SnapshotParts.routing(repos.channels().all(), repos.channels().abilities());
        Map<String, BigDecimal> groupRatios = SnapshotParts.groupRatios(repos);

        Map<Long, User> usersById = new HashMap<>();
        for (User u : users) {
            usersById.put(u.id(), u);
            ledger.loadUser(u.id(), u.balance());
        }
        Map<String, AuthorizedToken> byHash = new HashMap<>();
        Set<Long> tokenIds = new HashSet<>();
        for (Token t : tokens) {
            tokenIds.add(t.id());
            ledger.loadToken(t.id(), t.quotaLimit(), t.usedQuota());
            User owner = usersById.get(t.userId());
            if (owner != null) {
                byHash.put(t.keyHash(), SnapshotParts.authorize(t, owner, groupRatios));
            }
        }
        ledger.retainOnly(tokenIds, new HashSet<>(usersById.keySet()));

        ConsoleOptions options = SnapshotParts.options(repos, config);
        return new RoutingSnapshot(
                version,
                TokenTable.of(byHash, usersById, groupRatios),
                routing.upstreams(),
                routing.routes(),
                routing.modelsByGroup(),
                SnapshotParts.prices(repos),
                options.retryTimes(),
                options.allowUnpriced());
    }
}
