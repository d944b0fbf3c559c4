package ai.burncloud.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void hashesAreSaltedAndVerify() {
        String a = hasher.hash("s3cret-password");
        String b = hasher.hash("s3cret-password");
        assertThat(a).isNotEqualTo(b).startsWith("$2b$04$");
        assertThat(hasher.matches("s3cret-password", a)).isTrue();
        assertThat(hasher.matches("s3cret-passwor", a)).isFalse();
    }

    @Test
    void passwordsBeyondBcryptsSeventyTwoBytesStillCountEveryCharacter() {
        String base = "x".repeat(80);
        String hash = hasher.hash(base + "A");
        assertThat(hasher.matches(base + "A", hash)).isTrue();
        assertThat(hasher.matches(base + "B", hash)).isFalse();
    }

    @Test
    void malformedHashesAndMissingPasswordsNeverMatch() {
        assertThat(hasher.matches("whatever", "not-a-bcrypt-hash")).isFalse();
        assertThat(hasher.matches("whatever", null)).isFalse();
        assertThat(hasher.matches(null, hasher.hash("whatever1"))).isFalse();
    }

    @Test
    void tooShortPasswordsAreInvalid() {
        assertThatThrownBy(() -> hasher.hash("1234567"))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.INVALID));
        assertThat(PasswordHasher.standard()).isNotNull();
    }
}
