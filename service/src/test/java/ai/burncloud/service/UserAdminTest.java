package ai.burncloud.service;

import static ai.burncloud.service.ServiceException.Kind.CONFLICT;
import static ai.burncloud.service.ServiceException.Kind.INVALID;
import static ai.burncloud.service.ServiceException.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Money;
import ai.burncloud.database.Role;
import ai.burncloud.database.User;
import org.junit.jupiter.api.Test;

class UserAdminTest extends AdminTestBase {
    private final PasswordHasher hasher = new PasswordHasher(4);

    private UserAdmin users() {
        return new UserAdmin(repos, hasher);
    }

    @Test
    void aNewUserDefaultsToAnUnlimitedBalanceInTheDefaultGroupWithoutPassword() {
        User u = users().add(NewUserRequest.named("alice"));
        assertThat(u.role()).isEqualTo(Role.USER);
        assertThat(u.group()).isEqualTo("default");
        assertThat(u.balance()).isEqualTo(Money.UNLIMITED);
        assertThat(u.passwordHash()).isNull();
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        User u = users().add(new NewUserRequest("bob", "correct horse", "admin", "vip", "12.5"));
        assertThat(u.passwordHash()).startsWith("$2b$04$").doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse", u.passwordHash())).isTrue();
        assertThat(hasher.matches("wrong horse", u.passwordHash())).isFalse();
        assertThat(u.role()).isEqualTo(Role.ADMIN);
        assertThat(u.group()).isEqualTo("vip");
        assertThat(u.balance()).isEqualTo(12_500_000_000L);
    }

    @Test
    void badInputIsRefusedBeforeAnyWrite() {
        assertRefused(INVALID, "username", () -> users().add(NewUserRequest.named("")));
        assertRefused(INVALID, "username", () -> users().add(NewUserRequest.named("has space")));
        assertRefused(INVALID, "unknown role", () -> users().add(new NewUserRequest("x", null, "god", null, null)));
        assertRefused(INVALID, "balance", () -> users().add(new NewUserRequest("x", null, null, null, "-5")));
        assertRefused(INVALID, "balance", () -> users().add(new NewUserRequest("x", null, null, null, "NaN")));
        assertRefused(INVALID, "password", () -> users().add(new NewUserRequest("x", "short", null, null, null)));
        assertRefused(INVALID, "group", () -> users().add(new NewUserRequest("x", null, null, "a,b", null)));
    }

    @Test
    void usernamesAreUniqueAndThereIsOneRoot() {
        users().add(NewUserRequest.named("alice"));
        assertRefused(CONFLICT, "username 'alice' is taken", () -> users().add(NewUserRequest.named("alice")));
        assertRefused(CONFLICT, "root", () -> users().add(new NewUserRequest("boss", null, "root", null, null)));
        assertThat(users().rootUser()).map(User::username).contains("root");
    }

    @Test
    void topUpAddsToLimitedBalancesOnly() {
        users().add(new NewUserRequest("alice", null, null, null, "1"));
        assertThat(users().topUp("alice", "2.5").balance()).isEqualTo(3_500_000_000L);
        assertRefused(INVALID, "amount", () -> users().topUp("alice", "0"));
        assertRefused(INVALID, "amount", () -> users().topUp("alice", "-1"));
        assertRefused(NOT_FOUND, "no user named 'ghost'", () -> users().topUp("ghost", "1"));
        assertRefused(CONFLICT, "unlimited", () -> users().topUp("root", "1"));
    }

    @Test
    void usersAreDeletedButRootIsNot() {
        users().add(NewUserRequest.named("alice"));
        assertThat(users().delete("alice").username()).isEqualTo("alice");
        assertRefused(NOT_FOUND, "no user named 'alice'", () -> users().delete("alice"));
        assertRefused(CONFLICT, "root user cannot be deleted", () -> users().delete("root"));
        assertThat(users().list()).extracting(User::username).containsExactly("root");
    }
}
