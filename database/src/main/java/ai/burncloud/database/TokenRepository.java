package ai.burncloud.database;

import java.util.List;
import java.util.Optional;

/** Data-plane API keys (stored by hash). */
public interface TokenRepository {
    /** @throws DuplicateKeyException when the key hash exists (a CSPRNG collision: never in practice) */
    Token create(NewToken token);

    Optional<Token> findById(long id);

    Optional<Token> findByKeyHash(String keyHash);

    /** Tokens of one user, or of everyone when {@code userId} is null; oldest first. */
    Page<Token> list(Long userId, int page, int size);

    List<Token> all();

    Optional<Token> update(long id, TokenUpdate update);

    boolean delete(long id);
}
