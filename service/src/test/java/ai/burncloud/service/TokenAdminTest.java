package ai.burncloud.service;

import static ai.burncloud.service.ServiceException.Kind.INVALID;
import static ai.burncloud.service.ServiceException.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.ApiKeys;
import ai.burncloud.common.Money;
import ai.burncloud.database.Status;
import ai.burncloud.database.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenAdminTest extends AdminTestBase {
    private TokenAdmin tokens() {
        return new TokenAdmin(repos);
    }

    @Test
    void aTokenWithoutUserBelongsToRootAndItsKeyIsOnlyStoredAsAHash() {
        CreatedToken created = tokens().create(TokenRequest.named("ci"));
        assertThat(created.key()).matches("sk-[A-Za-z0-9_-]{48}");
        Token t = created.token();
        assertThat(t.userId())
                .isEqualTo(repos.users().findByUsername("root").orElseThrow().id());
        assertThat(t.keyHash()).isEqualTo(ApiKeys.hash(created.key()));
        assertThat(t.keyPrefix()).isEqualTo(created.key().substring(0, 7));
        assertThat(t.unlimited()).isTrue();
        assertThat(t.expiresAt()).isEqualTo(-1);
        assertThat(created.toString()).doesNotContain(created.key());
        assertThat(repos.tokens().findByKeyHash(ApiKeys.hash(created.key()))).contains(t);
    }

    @Test
    void everyFieldIsParsed() {
        new UserAdmin(repos, new PasswordHasher(4)).add(NewUserRequest.named("alice"));
        Token t = tokens().create(new TokenRequest(
                        "t", "alice", "12.5", "2030-01-01", List.of("gpt-4", " claude ", "gpt-4"), "vip", 30))
                .token();
        assertThat(t.userId())
                .isEqualTo(repos.users().findByUsername("alice").orElseThrow().id());
        assertThat(t.quotaLimit()).isEqualTo(12_500_000_000L);
        assertThat(t.expiresAt()).isEqualTo(1_893_456_000L);
        assertThat(t.models()).containsExactly("gpt-4", "claude");
        assertThat(t.groupOverride()).isEqualTo("vip");
        assertThat(t.rpm()).isEqualTo(30);
    }

    @Test
    void keysAreDifferentEveryTime() {
        String a = tokens().create(TokenRequest.named("a")).key();
        String b = tokens().create(TokenRequest.named("b")).key();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void badInputIsRefusedBeforeAnyWrite() {
        assertRefused(INVALID, "token name", () -> tokens().create(TokenRequest.named(" ")));
        assertRefused(
                INVALID, "quota", () -> tokens().create(new TokenRequest("t", null, "NaN", null, null, null, null)));
        assertRefused(
                INVALID, "quota", () -> tokens().create(new TokenRequest("t", null, "-3", null, null, null, null)));
        assertRefused(
                INVALID, "expiry", () -> tokens().create(new TokenRequest("t", null, null, "soon", null, null, null)));
        assertRefused(INVALID, "rpm", () -> tokens().create(new TokenRequest("t", null, null, null, null, null, -1)));
        assertRefused(
                INVALID,
                "models",
                () -> tokens().create(new TokenRequest("t", null, null, null, List.of("a b"), null, null)));
        assertRefused(
                NOT_FOUND,
                "no user named 'ghost'",
                () -> tokens().create(new TokenRequest("t", "ghost", null, null, null, null, null)));
    }

    @Test
    void updatesChangeOnlyWhatIsGiven() {
        Token t = tokens().create(new TokenRequest("t", null, "5", null, List.of("m"), "vip", 10))
                .token();
        Token u = tokens().update(t.id(), new TokenRequest(null, null, "-1", "1900000000", null, null, null));
        assertThat(u.quotaLimit()).isEqualTo(Money.UNLIMITED);
        assertThat(u.expiresAt()).isEqualTo(1_900_000_000L);
        assertThat(u.models()).containsExactly("m");
        assertThat(u.groupOverride()).isEqualTo("vip");
        Token cleared = tokens().update(t.id(), new TokenRequest("renamed", null, null, null, List.of(), "", 0));
        assertThat(cleared.name()).isEqualTo("renamed");
        assertThat(cleared.models()).isEmpty();
        assertThat(cleared.groupOverride()).isNull();
        assertThat(cleared.rpm()).isZero();
        assertThat(cleared.keyHash()).isEqualTo(t.keyHash());

        assertRefused(
                INVALID,
                "nothing to update",
                () -> tokens().update(t.id(), new TokenRequest(null, null, null, null, null, null, null)));
        assertRefused(
                INVALID,
                "owner",
                () -> tokens().update(t.id(), new TokenRequest(null, "root", null, null, null, null, null)));
        assertRefused(
                INVALID,
                "quota",
                () -> tokens().update(t.id(), new TokenRequest(null, null, "x", null, null, null, null)));
        assertRefused(NOT_FOUND, "no token with id 999", () -> tokens().update(999, TokenRequest.named("x")));
    }

    @Test
    void tokensAreDisabledEnabledAndDeleted() {
        Token t = tokens().create(TokenRequest.named("t")).token();
        assertThat(tokens().setStatus(t.id(), Status.DISABLED).status()).isEqualTo(Status.DISABLED);
        assertThat(tokens().setStatus(t.id(), Status.ENABLED).status()).isEqualTo(Status.ENABLED);
        assertThat(tokens().list()).hasSize(1);
        assertThat(tokens().delete(t.id()).id()).isEqualTo(t.id());
        assertRefused(NOT_FOUND, "no token with id " + t.id(), () -> tokens().get(t.id()));
        assertRefused(NOT_FOUND, "no token", () -> tokens().delete(t.id()));
        assertRefused(NOT_FOUND, "no token", () -> tokens().setStatus(t.id(), Status.ENABLED));
    }
}
