package ai.burncloud.service;

import ai.burncloud.common.ApiKeys;
import ai.burncloud.common.Money;
import ai.burncloud.database.DuplicateKeyException;
import ai.burncloud.database.NewToken;
import ai.burncloud.database.Page;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.Role;
import ai.burncloud.database.Status;
import ai.burncloud.database.Token;
import ai.burncloud.database.TokenUpdate;
import ai.burncloud.database.User;
import java.util.List;

/**
 * Data-plane API keys as operators manage them. A key is generated here, shown once and stored only
 * as its SHA-256 hash and a short display prefix.
 */
public final class TokenAdmin {
    private final Repositories repos;

    public TokenAdmin(Repositories repos) {
        this.repos = repos;
    }

    /**
     * Creates a token; every input is checked before anything is written.
     *
     * @throws ServiceException INVALID for a bad name, quota, expiry, model list, group, rpm or tpm;
     *     NOT_FOUND when the named owner does not exist
     */
    public CreatedToken create(TokenRequest r) {
        return create(owner(r.user()), r);
    }

    /**
     * Creates a token for {@code owner} on behalf of a console caller; only administrators may set a
     * group override (it decides prices and routes).
     *
     * @throws ServiceException FORBIDDEN when a non-administrator sets a group; INVALID for bad values
     */
    public CreatedToken createFor(User owner, boolean admin, TokenRequest r) {
        if (!admin && r.group() != null) {
            throw ServiceException.forbidden("only administrators may set a token's group");
        }
        return create(owner, r);
    }

    private CreatedToken create(User owner, TokenRequest r) {
        String name = Inputs.name("token name", r.name());
        long quota = r.quota() == null ? Money.UNLIMITED : Inputs.dollarsOrUnlimited("quota", r.quota());
        long expires = r.expires() == null ? Expiry.NEVER : Expiry.parse(r.expires());
        List<String> models = Inputs.identifiers("models", r.models(), false);
        String group = group(r.group());
        int rpm = Inputs.atLeast("rpm", r.rpm(), 0, 0);
        int tpm = Inputs.atLeast("tpm", r.tpm(), 0, 0);
        List<String> ipRanges = IpRanges.parse(r.ipRanges());
        Status status = r.status() == null ? Status.ENABLED : status(r.status());
        for (int attempt = 0; ; attempt++) {
            String key = ApiKeys.generate();
            try {
                Token token = repos.tokens()
                        .create(new NewToken(
                                owner.id(),
                                name,
                                ApiKeys.hash(key),
                                ApiKeys.displayPrefix(key),
                                quota,
                                expires,
                                models,
                                ipRanges,
                                group,
                                rpm,
                                tpm));
                if (status != Status.ENABLED) {
                    token = setStatus(token.id(), status);
                }
                return new CreatedToken(token, key);
            } catch (DuplicateKeyException e) {
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    public List<Token> list() {
        return repos.tokens().all();
    }

    /** @throws ServiceException NOT_FOUND when there is no such token */
    public Token get(long id) {
        return repos.tokens().findById(id).orElseThrow(() -> missing(id));
    }

    /** A token of {@code ownerId} (null = of anyone). @throws ServiceException NOT_FOUND otherwise */
    public Token get(long id, Long ownerId) {
        return repos.tokens()
                .findById(id)
                .filter(t -> ownerId == null || t.userId() == ownerId)
                .orElseThrow(() -> missing(id));
    }

    /** Tokens of one user (null = everyone's), oldest first. */
    public Page<Token> page(Long ownerId, int page, int size) {
        return repos.tokens().list(ownerId, page, size);
    }

    /** Deletes a token of {@code ownerId} (null = of anyone). @throws ServiceException NOT_FOUND otherwise */
    public Token delete(long id, Long ownerId) {
        get(id, ownerId);
        return delete(id);
    }

    /**
     * Changes the fields given (non-null) in {@code r}; the owner cannot change.
     *
     * @throws ServiceException INVALID for bad values or when nothing is to change; NOT_FOUND for an
     *     unknown id
     */
    public Token update(long id, TokenRequest r) {
        return update(id, null, true, r);
    }

    /**
     * Changes a token of {@code ownerId} (null = any owner: administrators); a token of someone else
     * is reported missing, so its existence does not leak.
     *
     * @throws ServiceException NOT_FOUND for an unknown or foreign token; FORBIDDEN when a
     *     non-administrator sets a group; INVALID for bad values
     */
    public Token update(long id, Long ownerId, boolean admin, TokenRequest r) {
        if (!admin && r.group() != null) {
            throw ServiceException.forbidden("only administrators may set a token's group");
        }
        if (r.user() != null) {
            throw ServiceException.invalid("a token's owner cannot change; create a new token instead");
        }
        String name = r.name() == null ? null : Inputs.name("token name", r.name());
        Long quota = r.quota() == null ? null : Inputs.dollarsOrUnlimited("quota", r.quota());
        Long expires = r.expires() == null ? null : Expiry.parse(r.expires());
        List<String> models = r.models() == null ? null : Inputs.identifiers("models", r.models(), false);
        String group = r.group() == null ? null : r.group().isBlank() ? "" : group(r.group());
        Integer rpm = r.rpm() == null ? null : Inputs.atLeast("rpm", r.rpm(), 0, 0);
        Integer tpm = r.tpm() == null ? null : Inputs.atLeast("tpm", r.tpm(), 0, 0);
        List<String> ipRanges = r.ipRanges() == null ? null : IpRanges.parse(r.ipRanges());
        Status status = r.status() == null ? null : status(r.status());
        if (name == null
                && quota == null
                && expires == null
                && models == null
                && group == null
                && rpm == null
                && tpm == null
                && ipRanges == null
                && status == null) {
            throw ServiceException.invalid("nothing to update: give at least one field to change");
        }
        get(id, ownerId);
        return repos.tokens()
                .update(id, new TokenUpdate(name, quota, expires, models, ipRanges, group, rpm, status, tpm))
                .orElseThrow(() -> missing(id));
    }

    /** @throws ServiceException NOT_FOUND for an unknown id */
    public Token setStatus(long id, Status status) {
        return repos.tokens().update(id, TokenUpdate.status(status)).orElseThrow(() -> missing(id));
    }

    /** @throws ServiceException NOT_FOUND for an unknown id */
    public Token delete(long id) {
        Token token = get(id);
        if (!repos.tokens().delete(id)) {
            throw missing(id);
        }
        return token;
    }

    private User owner(String username) {
        if (username == null) {
            return repos.users().all().stream()
                    .filter(u -> u.role() == Role.ROOT)
                    .findFirst()
                    .orElseThrow(() -> ServiceException.notFound("there is no root user to own the token"));
        }
        String name = Inputs.name("user", username);
        return repos.users()
                .findByUsername(name)
                .orElseThrow(() -> ServiceException.notFound("no user named '" + name + "'"));
    }

    private static Status status(String text) {
        try {
            return Status.parse(text);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid(e.getMessage());
        }
    }

    private static String group(String text) {
        return text == null || text.isBlank() ? null : Inputs.identifier("group", text);
    }

    private static ServiceException missing(long id) {
        return ServiceException.notFound("no token with id " + id);
    }
}
