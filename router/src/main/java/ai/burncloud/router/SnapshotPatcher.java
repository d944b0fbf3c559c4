package ai.burncloud.router;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.database.ConfigChange;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.Token;
import ai.burncloud.database.User;
import ai.burncloud.service.ConsoleOptions;
import ai.burncloud.service.PriceBook;
import ai.burncloud.service.QuotaLedger;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies configuration changes to a snapshot by re-reading only what they name: the changed tokens
 * and users (by id; a user's tokens are judged again from the snapshot), and for a channel, price
 * or option change the
 * small table it lives in. With 100k tokens this is what keeps a change from costing a full reload
 * (about half a second). A group ratio reaches every token of the group: that change is answered
 * with "reload everything". Runs on the state-sync thread only, after pending settlements were
 * flushed (see QuotaLedger).
 */
final class SnapshotPatcher {
    private final Repositories repos;
    private final BurnCloudConfig config;

    SnapshotPatcher(Repositories repos, BurnCloudConfig config) {
        this.repos = repos;
        this.config = config;
    }

    /** The snapshot with {@code changes} applied, or empty when only a full reload will do. */
    Optional<RoutingSnapshot> apply(RoutingSnapshot base, List<ConfigChange> changes, QuotaLedger ledger) {
        if (changes.isEmpty()) {
            return Optional.of(base);
        }
        Set<Long> tokenIds = new HashSet<>();
        Set<Long> userIds = new HashSet<>();
        boolean channels = false;
        boolean prices = false;
        boolean options = false;
        for (ConfigChange change : changes) {
            switch (change.kind()) {
                case TOKEN -> tokenIds.add(change.id());
                case USER -> userIds.add(change.id());
                case CHANNEL -> channels = true;
                case PRICE -> prices = true;
                case OPTION -> options = true;
                case GROUP_RATIO, ALL -> {
                    return Optional.empty();
                }
            }
        }
        Map<String, AuthorizedToken> tokens = base.tokensByHash();
        if (!tokenIds.isEmpty() || !userIds.isEmpty()) {
            tokens = patchTokens(tokens, tokenIds, userIds, ledger);
        }
        SnapshotParts.Routing routing = channels
                ? SnapshotParts.routing(repos.channels().all(), repos.channels().abilities())
                : new SnapshotParts.Routing(base.upstreams(), base.routes(), base.modelsByGroup());
        PriceBook priceBook = prices ? SnapshotParts.prices(repos) : base.prices();
        int retryTimes = base.retryTimes();
        boolean allowUnpriced = base.allowUnpriced();
        if (options) {
            ConsoleOptions o = SnapshotParts.options(repos, config);
            retryTimes = o.retryTimes();
            allowUnpriced = o.allowUnpriced();
        }
        return Optional.of(new RoutingSnapshot(
                changes.get(changes.size() - 1).version(),
                tokens,
                routing.upstreams(),
                routing.routes(),
                routing.modelsByGroup(),
                priceBook,
                retryTimes,
                allowUnpriced));
    }

    private Map<String, AuthorizedToken> patchTokens(
            Map<String, AuthorizedToken> base, Set<Long> tokenIds, Set<Long> userIds, QuotaLedger ledger) {
        TokenTable table =
                base instanceof TokenTable t ? t : TokenTable.of(base, Map.of(), SnapshotParts.groupRatios(repos));
        Map<String, BigDecimal> groupRatios = table.groupRatios();
        Map<Long, Optional<User>> users = new HashMap<>();
        for (long userId : userIds) {
            Optional<User> user = repos.users().findById(userId);
            users.put(userId, user);
            user.ifPresent(u -> ledger.loadUser(u.id(), u.balance()));
        }
        Map<String, AuthorizedToken> byHash = new HashMap<>();
        boolean allFound = true;
        for (long tokenId : tokenIds) {
            Optional<Token> token = repos.tokens().findById(tokenId);
            if (token.isEmpty()) {
                allFound = false;
                continue;
            }
            Token t = token.get();
            ledger.loadToken(t.id(), t.quotaLimit(), t.usedQuota());
            // the owner as the snapshot knows it (current: user changes are patched too)
            Optional<User> owner = users.containsKey(t.userId())
                    ? users.get(t.userId())
                    : Optional.ofNullable(table.user(t.userId()))
                            .or(() -> repos.users().findById(t.userId()));
            // a key's hash never changes: its entry is found by the hash, without a scan
            byHash.put(
                    t.keyHash(),
                    owner.map(u -> SnapshotParts.authorize(t, u, groupRatios)).orElse(null));
        }
        if (userIds.isEmpty() && allFound) {
            return table.replace(byHash);
        }
        // a deleted key or a changed user: find their entries by scanning. A changed user's keys did
        // not change themselves, so they are judged again from the snapshot with the user as now stored
        return table.patch(
                a -> tokenIds.contains(a.token().id())
                        || userIds.contains(a.user().id()),
                a -> tokenIds.contains(a.token().id())
                        ? null
                        : users.get(a.user().id())
                                .map(u -> SnapshotParts.authorize(a.token(), u, groupRatios))
                                .orElse(null),
                byHash,
                users);
    }
}
