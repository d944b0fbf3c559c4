package ai.burncloud.service;

import ai.burncloud.database.DuplicateKeyException;
import ai.burncloud.database.NewUser;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.Role;
import ai.burncloud.database.Status;
import ai.burncloud.database.User;

/**
 * Self-service sign-up (when the option allows it) and invitations: every user has an invite code;
 * signing up with one credits the new user and the inviter the bonuses set in the options, in the
 * transaction that creates the user, so each sign-up credits exactly once.
 */
public final class Registration {
    private static final int INVITE_CODE_LENGTH = 10;

    private final Repositories repos;
    private final PasswordHasher hasher;
    private final OptionAdmin options;

    public Registration(Repositories repos, PasswordHasher hasher, OptionAdmin options) {
        this.repos = repos;
        this.hasher = hasher;
        this.options = options;
    }

    /**
     * Creates a user with role {@code user} in group {@code default}.
     *
     * @throws ServiceException FORBIDDEN when registration is off; INVALID for a bad username,
     *     password or unknown invite code; CONFLICT when the username is taken
     */
    public User register(String username, String password, String inviteCode) {
        ConsoleOptions o = options.current();
        if (!o.registrationEnabled()) {
            throw ServiceException.forbidden("registration is disabled on this server");
        }
        String name = UserAdmin.username(username);
        String hash = hasher.hash(password);
        User inviter = null;
        if (inviteCode != null && !inviteCode.isBlank()) {
            String code = Inputs.name("invite code", inviteCode);
            inviter = repos.users()
                    .findByInviteCode(code)
                    .filter(u -> u.status() == Status.ENABLED)
                    .orElseThrow(() -> ServiceException.invalid("unknown invite code"));
        }
        long balance = o.nanos(OptionKey.REGISTRATION_BALANCE);
        long inviterBonus = 0;
        if (inviter != null) {
            balance = Math.addExact(balance, o.nanos(OptionKey.INVITE_BONUS_INVITEE));
            inviterBonus = o.nanos(OptionKey.INVITE_BONUS_INVITER);
        }
        if (repos.users().findByUsername(name).isPresent()) {
            throw ServiceException.conflict("username '" + name + "' is taken");
        }
        try {
            return repos.users()
                    .createInvited(
                            new NewUser(
                                    name,
                                    hash,
                                    Role.USER,
                                    UserAdmin.DEFAULT_GROUP,
                                    balance,
                                    Secrets.readable(INVITE_CODE_LENGTH),
                                    inviter == null ? null : inviter.id()),
                            inviterBonus);
        } catch (DuplicateKeyException e) {
            throw ServiceException.conflict("username '" + name + "' is taken");
        }
    }

    /** The user's invite code, created on first use. */
    public String inviteCode(User user) {
        if (user.inviteCode() != null) {
            return user.inviteCode();
        }
        for (int attempt = 0; ; attempt++) {
            String code = Secrets.readable(INVITE_CODE_LENGTH);
            try {
                repos.users().setInviteCode(user.id(), code);
                return code;
            } catch (DuplicateKeyException e) {
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }
}
