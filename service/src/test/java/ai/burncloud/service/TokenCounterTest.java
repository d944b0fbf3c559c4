package ai.burncloud.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenCounterTest {
    @Test
    void countsWithTheO200kEncoding() {
        TokenCounter counter = TokenCounter.standard();
        assertThat(counter.count("")).isZero();
        assertThat(counter.count("Hello")).isEqualTo(1);
        // "Hello, world!" is ["Hello", ",", " world", "!"] in o200k_base
        assertThat(counter.count("Hello, world!")).isEqualTo(4);
        assertThat(counter.count("<|endoftext|>")).isGreaterThan(1);
    }
}
