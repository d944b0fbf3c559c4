package ai.burncloud.service;

import ai.burncloud.database.Ability;
import ai.burncloud.database.Channel;
import ai.burncloud.database.ChannelStatus;
import ai.burncloud.database.Repositories;
import java.util.List;

/**
 * Upstream channels as operators manage them. Every change goes through the repository, which
 * rewrites the channel's abilities in the same transaction.
 */
public final class ChannelAdmin {
    /**
     * How an auto-disabled channel's reason begins when its upstream rejected the key: a new key is
     * then reason enough to enable it again.
     */
    public static final String UPSTREAM_AUTH_REASON = "upstream rejected the channel's key";

    private final Repositories repos;

    public ChannelAdmin(Repositories repos) {
        this.repos = repos;
    }

    /**
     * Adds a channel; every input is checked before anything is written.
     *
     * @throws ServiceException INVALID for any bad or missing field
     */
    public Channel add(ChannelRequest request) {
        return repos.channels().create(ChannelSpecs.forNew(request));
    }

    public List<Channel> list() {
        return repos.channels().all();
    }

    /** @throws ServiceException NOT_FOUND for an unknown id */
    public Channel get(long id) {
        return repos.channels().findById(id).orElseThrow(() -> missing(id));
    }

    /** The abilities (group x model routes) derived from one channel. */
    public List<Ability> abilities(long id) {
        return repos.channels().abilities().stream()
                .filter(a -> a.channelId() == id)
                .toList();
    }

    /**
     * Changes the non-null fields of {@code changes}; the result is validated as a whole.
     *
     * @throws ServiceException INVALID for bad values or when nothing is to change; NOT_FOUND for an
     *     unknown id
     */
    public Channel update(long id, ChannelRequest changes) {
        if (changes.isEmpty()) {
            throw ServiceException.invalid("nothing to update: give at least one field to change");
        }
        Channel current = get(id);
        Channel updated = repos.channels()
                .update(id, ChannelSpecs.forUpdate(current, changes))
                .orElseThrow(() -> missing(id));
        if (changes.key() != null && disabledForItsKey(current)) {
            // the key was the problem and the operator gave a new one: serve again
            return enable(id);
        }
        return updated;
    }

    private static boolean disabledForItsKey(Channel c) {
        return c.status() == ChannelStatus.AUTO_DISABLED
                && c.statusReason() != null
                && c.statusReason().startsWith(UPSTREAM_AUTH_REASON);
    }

    /** @throws ServiceException NOT_FOUND for an unknown id */
    public Channel enable(long id) {
        return repos.channels().setStatus(id, ChannelStatus.ENABLED, null).orElseThrow(() -> missing(id));
    }

    /** @throws ServiceException NOT_FOUND for an unknown id */
    public Channel disable(long id) {
        return repos.channels()
                .setStatus(id, ChannelStatus.DISABLED, "disabled by an operator")
                .orElseThrow(() -> missing(id));
    }

    /** @throws ServiceException NOT_FOUND for an unknown id */
    public Channel delete(long id) {
        Channel channel = get(id);
        if (!repos.channels().delete(id)) {
            throw missing(id);
        }
        return channel;
    }

    private static ServiceException missing(long id) {
        return ServiceException.notFound("no channel with id " + id);
    }
}
