package ai.burncloud.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which keys the router bothers to look up in the database when its snapshot does not know them. */
class ApiKeysTest {
    @Test
    void generatedKeysAreWellFormedAndNothingElseIs() {
        for (int i = 0; i < 1000; i++) {
            assertThat(ApiKeys.isWellFormed(ApiKeys.generate())).isTrue();
        }
        String key = ApiKeys.generate();
        assertThat(ApiKeys.isWellFormed(null)).isFalse();
        assertThat(ApiKeys.isWellFormed("")).isFalse();
        assertThat(ApiKeys.isWellFormed(key + "x")).isFalse();
        assertThat(ApiKeys.isWellFormed(key.substring(0, key.length() - 1))).isFalse();
        assertThat(ApiKeys.isWellFormed("pk-" + key.substring(3))).isFalse();
        assertThat(ApiKeys.isWellFormed(key.substring(0, 10) + "+" + key.substring(11)))
                .isFalse();
        assertThat(ApiKeys.isWellFormed(key.substring(0, 10) + "é" + key.substring(11)))
                .isFalse();
    }
}
