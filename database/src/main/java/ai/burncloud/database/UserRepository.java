package ai.burncloud.database;

import java.util.List;
import java.util.Optional;

/** Console users. */
public interface UserRepository {
    /** @throws DuplicateKeyException when the username or invite code is taken */
    User create(NewUser user);

    /**
     * Creates a user who signed up with an invite code and credits the inviter {@code inviterBonus}
     * nano-dollars (an unlimited balance stays unlimited), in one transaction: the credit happens
     * exactly once, together with the user it is for.
     *
     * @throws DuplicateKeyException when the username or invite code is taken (nothing is credited)
     */
    User createInvited(NewUser user, long inviterBonus);

    Optional<User> findById(long id);

    Optional<User> findByUsername(String username);

    Optional<User> findByInviteCode(String inviteCode);

    /** Users whose name contains {@code search} (case-insensitive; null = all), oldest first. */
    Page<User> list(String search, int page, int size);

    List<User> all();

    Optional<User> update(long id, UserUpdate update);

    boolean delete(long id);

    /**
     * Adds {@code delta} nano-dollars to a limited balance (an unlimited one stays unlimited).
     *
     * @return the balance afterwards, or empty when there is no such user
     */
    Optional<Long> addBalance(long id, long delta);

    void setInviteCode(long id, String inviteCode);
}
