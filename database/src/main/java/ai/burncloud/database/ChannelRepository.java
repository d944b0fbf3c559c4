package ai.burncloud.database;

import java.util.List;
import java.util.Optional;

/** Upstream channels and the abilities derived from them (kept in sync in the same transaction). */
public interface ChannelRepository {
    Channel create(ChannelSpec spec);

    Optional<Channel> findById(long id);

    List<Channel> all();

    Page<Channel> list(int page, int size);

    Optional<Channel> update(long id, ChannelSpec spec);

    /** Sets the status and why; abilities follow (enabled only when the channel is). */
    Optional<Channel> setStatus(long id, ChannelStatus status, String reason);

    boolean delete(long id);

    void recordTest(long id, ChannelTest test);

    List<Ability> abilities();
}
