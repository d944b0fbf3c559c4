package ai.burncloud.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpiryTest {
    @ParameterizedTest
    @CsvSource({
        "-1, -1",
        "1767225600, 1767225600",
        "2026-01-01, 1767225600",
        "2026-01-01T00:00:00Z, 1767225600",
        "2026-01-01T08:00:00+08:00, 1767225600",
        "2026-01-01T00:00, 1767225600",
        "2026-01-01T00:00:30, 1767225630",
        "' 2026-01-01 ', 1767225600"
    })
    void acceptsNeverUnixSecondsAndIsoDatesInUtc(String text, long expected) {
        assertThat(Expiry.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "tomorrow", "2026-13-01", "2026-01-01T25:00Z", "", "99999999999999999999"})
    void refusesEverythingElse(String text) {
        assertThatThrownBy(() -> Expiry.parse(text))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.INVALID));
    }
}
