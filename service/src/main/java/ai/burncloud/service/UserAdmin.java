package ai.burncloud.service;

import ai.burncloud.common.Money;
import ai.burncloud.database.DuplicateKeyException;
import ai.burncloud.database.NewUser;
import ai.burncloud.database.Page;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.Role;
import ai.burncloud.database.Status;
import ai.burncloud.database.User;
import ai.burncloud.database.UserUpdate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Console users as operators manage them: add, list, top up, delete. */
public final class UserAdmin {
    public static final String DEFAULT_GROUP = "default";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@+-]{0,63}");

    private final Repositories repos;
    private final PasswordHasher hasher;

    public UserAdmin(Repositories repos, PasswordHasher hasher) {
        this.repos = repos;
        this.hasher = hasher;
    }

    /**
     * Adds a user; every input is checked before anything is written.
     *
     * @throws ServiceException INVALID for a bad username, role, group, balance or password; CONFLICT
     *     when the username is taken or a second root is asked for
     */
    public User add(NewUserRequest request) {
        String username = username(request.username());
        Role role = role(request.role());
        String group = request.group() == null ? DEFAULT_GROUP : Inputs.identifier("group", request.group());
        long balance =
                request.balance() == null ? Money.UNLIMITED : Inputs.dollarsOrUnlimited("balance", request.balance());
        String hash = request.password() == null ? null : hasher.hash(request.password());
        if (repos.users().findByUsername(username).isPresent()) {
            throw taken(username);
        }
        if (role == Role.ROOT && rootUser().isPresent()) {
            throw ServiceException.conflict("a root user exists already; there is only one (use --role admin)");
        }
        try {
            return repos.users().create(new NewUser(username, hash, role, group, balance, null, null));
        } catch (DuplicateKeyException e) {
            throw taken(username);
        }
    }

    public List<User> list() {
        return repos.users().all();
    }

    /** @throws ServiceException NOT_FOUND when there is no such user */
    public User get(String username) {
        String name = Inputs.name("username", username);
        return repos.users()
                .findByUsername(name)
                .orElseThrow(() -> ServiceException.notFound("no user named '" + name + "'"));
    }

    /**
     * Adds decimal dollars to a user's balance.
     *
     * @throws ServiceException INVALID when the amount is not a positive amount; NOT_FOUND when there is
     *     no such user; CONFLICT when the balance is unlimited
     */
    public User topUp(String username, String amount) {
        long nanos = Inputs.dollars("amount", amount);
        if (nanos == 0) {
            throw ServiceException.invalid("amount must be greater than 0");
        }
        User user = get(username);
        if (user.unlimited()) {
            throw ServiceException.conflict("user '" + user.username() + "' has an unlimited balance");
        }
        repos.users().addBalance(user.id(), nanos);
        return get(user.username());
    }

    /**
     * Deletes a user and, with it, their tokens.
     *
     * @throws ServiceException NOT_FOUND when there is no such user; CONFLICT for the root user
     */
    public User delete(String username) {
        User user = get(username);
        if (user.role() == Role.ROOT) {
            throw ServiceException.conflict("the root user cannot be deleted");
        }
        if (!repos.users().delete(user.id())) {
            throw ServiceException.notFound("no user named '" + user.username() + "'");
        }
        return user;
    }

    /** Users whose name contains {@code search} (null = all), oldest first. */
    public Page<User> page(String search, int page, int size) {
        String q = search == null || search.isBlank() ? null : Inputs.name("search", search);
        return repos.users().list(q, page, size);
    }

    /** @throws ServiceException NOT_FOUND when there is no such user */
    public User get(long id) {
        return repos.users().findById(id).orElseThrow(() -> ServiceException.notFound("no user with id " + id));
    }

    /**
     * Adds a user on behalf of {@code actor}: only root may create administrators.
     *
     * @throws ServiceException FORBIDDEN when an admin asks for an admin; otherwise as {@link #add}
     */
    public User add(Role actor, NewUserRequest request) {
        Role role = role(request.role());
        if (role != Role.USER && actor != Role.ROOT) {
            throw ServiceException.forbidden("only root may create administrators");
        }
        return add(request);
    }

    /**
     * Changes a user on behalf of {@code actor}. Root's role and status never change; only root may
     * manage administrators or make someone one.
     *
     * @throws ServiceException INVALID for bad values or nothing to change; NOT_FOUND for an unknown
     *     id; FORBIDDEN when {@code actor} may not manage the user; CONFLICT for root's role or status
     */
    public User update(Role actor, long id, UserChanges changes) {
        if (changes.isEmpty()) {
            throw ServiceException.invalid("nothing to update: give at least one of role, group, status, password");
        }
        Role role = changes.role() == null ? null : role(changes.role());
        String group = changes.group() == null ? null : Inputs.identifier("group", changes.group());
        Status status = changes.status() == null ? null : status(changes.status());
        String hash = changes.password() == null ? null : hasher.hash(changes.password());
        User user = get(id);
        checkManages(actor, user);
        if (role != null && role != user.role()) {
            if (role == Role.ROOT || user.role() == Role.ROOT) {
                throw ServiceException.conflict("there is exactly one root user; its role cannot change");
            }
            if (actor != Role.ROOT) {
                throw ServiceException.forbidden("only root may give or take the admin role");
            }
        }
        if (status == Status.DISABLED && user.role() == Role.ROOT) {
            throw ServiceException.conflict("the root user cannot be disabled");
        }
        User updated = repos.users()
                .update(id, new UserUpdate(role, group, status, hash, null))
                .orElseThrow(() -> ServiceException.notFound("no user with id " + id));
        if (hash != null || status == Status.DISABLED) {
            repos.sessions().deleteForUser(id);
        }
        return updated;
    }

    /**
     * Adds decimal dollars to a user's balance.
     *
     * @throws ServiceException INVALID for an amount that is not positive; NOT_FOUND for an unknown
     *     id; FORBIDDEN when {@code actor} may not manage the user; CONFLICT for an unlimited balance
     */
    public User topUp(Role actor, long id, String amount) {
        long nanos = Inputs.dollars("amount", amount);
        if (nanos == 0) {
            throw ServiceException.invalid("amount must be greater than 0");
        }
        User user = get(id);
        checkManages(actor, user);
        if (user.unlimited()) {
            throw ServiceException.conflict("user '" + user.username() + "' has an unlimited balance");
        }
        repos.users().addBalance(id, nanos);
        return get(id);
    }

    /**
     * Deletes a user and their tokens on behalf of {@code actor}.
     *
     * @throws ServiceException NOT_FOUND for an unknown id; FORBIDDEN when {@code actor} may not
     *     manage the user; CONFLICT for root
     */
    public User delete(Role actor, long id) {
        User user = get(id);
        checkManages(actor, user);
        return delete(user.username());
    }

    /**
     * Sets a user's own new password and ends all their console sessions.
     *
     * @throws ServiceException INVALID for a password that is too short or long; NOT_FOUND
     */
    public void setPassword(long id, String password) {
        String hash = hasher.hash(password);
        repos.users()
                .update(id, new UserUpdate(null, null, null, hash, null))
                .orElseThrow(() -> ServiceException.notFound("no user with id " + id));
        repos.sessions().deleteForUser(id);
    }

    private static void checkManages(Role actor, User target) {
        if (actor != Role.ROOT && target.role() != Role.USER) {
            throw ServiceException.forbidden("only root may manage administrators and root");
        }
    }

    private static Status status(String text) {
        try {
            return Status.parse(text);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid(e.getMessage());
        }
    }

    /** The owner of the installation, who receives tokens created without a user. */
    public Optional<User> rootUser() {
        return repos.users().all().stream().filter(u -> u.role() == Role.ROOT).findFirst();
    }

    static String username(String text) {
        String name = Inputs.name("username", text);
        if (!USERNAME.matcher(name).matches()) {
            throw ServiceException.invalid("username '" + name
                    + "' must be 1-64 letters, digits or . _ @ + - and start with a letter or digit");
        }
        return name;
    }

    private static Role role(String text) {
        if (text == null) {
            return Role.USER;
        }
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid(e.getMessage());
        }
    }

    private static ServiceException taken(String username) {
        return ServiceException.conflict("username '" + username + "' is taken");
    }
}
