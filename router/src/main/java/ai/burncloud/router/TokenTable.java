package ai.burncloud.router;

import ai.burncloud.database.User;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The snapshot's tokens by key hash, split into shards by hash so that a change copies only the
 * shards it touches: with 100k tokens, patching one key copies about 400 entries instead of all of
 * them. It also keeps what tokens are judged with — the users by id and the group ratios — so a
 * patch re-reads nothing but the changed rows. Immutable; {@link #patch} returns a new table sharing
 * every untouched shard.
 */
final class TokenTable extends AbstractMap<String, AuthorizedToken> {
    private static final int SHARDS = 256;

    private final List<Map<String, AuthorizedToken>> shards;
    private final int size;
    private final Map<Long, User> users;
    private final Map<String, BigDecimal> groupRatios;

    private TokenTable(
            List<Map<String, AuthorizedToken>> shards, Map<Long, User> users, Map<String, BigDecimal> groupRatios) {
        this.shards = shards;
        this.size = shards.stream().mapToInt(Map::size).sum();
        this.users = users;
        this.groupRatios = groupRatios;
    }

    static TokenTable of(
            Map<String, AuthorizedToken> tokens, Map<Long, User> users, Map<String, BigDecimal> groupRatios) {
        List<Map<String, AuthorizedToken>> shards = new ArrayList<>(SHARDS);
        for (int i = 0; i < SHARDS; i++) {
            shards.add(new HashMap<>());
        }
        tokens.forEach((hash, token) -> shards.get(shard(hash)).put(hash, token));
        shards.replaceAll(Collections::unmodifiableMap);
        return new TokenTable(shards, Map.copyOf(users), Map.copyOf(groupRatios));
    }

    /** A user as the tokens were judged with; null when there is no such user. */
    User user(long id) {
        return users.get(id);
    }

    /** The group ratios the tokens were judged with (a change to them reloads everything). */
    Map<String, BigDecimal> groupRatios() {
        return groupRatios;
    }

    private static int shard(Object hash) {
        return Math.floorMod(hash.hashCode(), SHARDS);
    }

    @Override
    public AuthorizedToken get(Object hash) {
        return hash == null ? null : shards.get(shard(hash)).get(hash);
    }

    @Override
    public boolean containsKey(Object hash) {
        return get(hash) != null;
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * A new table with the entries of {@code byHash} put (a null value drops the key). Only the
     * shards touched are copied, and nothing is scanned: this is the whole cost of changing a key.
     */
    TokenTable replace(Map<String, AuthorizedToken> byHash) {
        return patch(null, null, byHash, Map.of());
    }

    /**
     * A new table: every entry {@code changed} selects is replaced by what {@code rejudge} makes of
     * it (dropped when that is null), then {@code byHash} is put (a null value drops the key);
     * {@code changedUsers} replace the users of those ids (an empty one is a deleted user). Only the
     * shards touched are copied; finding the entries {@code changed} selects reads every shard (a
     * null {@code changed} reads none).
     */
    TokenTable patch(
            Predicate<AuthorizedToken> changed,
            Function<AuthorizedToken, AuthorizedToken> rejudge,
            Map<String, AuthorizedToken> byHash,
            Map<Long, Optional<User>> changedUsers) {
        List<Map<String, AuthorizedToken>> next = new ArrayList<>(shards);
        boolean[] copied = new boolean[SHARDS];
        for (int i = 0; changed != null && i < SHARDS; i++) {
            for (Map.Entry<String, AuthorizedToken> e : shards.get(i).entrySet()) {
                if (changed.test(e.getValue())) {
                    Map<String, AuthorizedToken> shard = writable(next, copied, i);
                    AuthorizedToken now = rejudge.apply(e.getValue());
                    if (now == null) {
                        shard.remove(e.getKey());
                    } else {
                        shard.put(e.getKey(), now);
                    }
                }
            }
        }
        byHash.forEach((hash, token) -> {
            Map<String, AuthorizedToken> shard = writable(next, copied, shard(hash));
            if (token == null) {
                shard.remove(hash);
            } else {
                shard.put(hash, token);
            }
        });
        for (int i = 0; i < SHARDS; i++) {
            if (copied[i]) {
                next.set(i, Collections.unmodifiableMap(next.get(i)));
            }
        }
        Map<Long, User> nextUsers = users;
        if (!changedUsers.isEmpty()) {
            Map<Long, User> copy = new HashMap<>(users);
            changedUsers.forEach((id, user) -> user.ifPresentOrElse(u -> copy.put(id, u), () -> copy.remove(id)));
            nextUsers = Collections.unmodifiableMap(copy);
        }
        return new TokenTable(next, nextUsers, groupRatios);
    }

    private static Map<String, AuthorizedToken> writable(
            List<Map<String, AuthorizedToken>> shards, boolean[] copied, int i) {
        if (!copied[i]) {
            shards.set(i, new HashMap<>(shards.get(i)));
            copied[i] = true;
        }
        return shards.get(i);
    }

    @Override
    public Set<Entry<String, AuthorizedToken>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, AuthorizedToken>> iterator() {
                return shards.stream().flatMap(s -> s.entrySet().stream()).iterator();
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
