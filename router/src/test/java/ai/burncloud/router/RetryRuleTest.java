package ai.burncloud.router;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.GatewayError;
import ai.burncloud.router.RetryRule.Decision;
import ai.burncloud.router.translate.UpstreamFault;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole failover policy as a table: failure × upstream calls made × client heard anything. */
class RetryRuleTest {
    private static final RetryRule TWO_RETRIES = new RetryRule(2);

    static Stream<Arguments> table() {
        return Stream.of(
                // failure, upstream calls so far, client heard anything, decision
                Arguments.of("connect", connect(), 1, false, Decision.NEXT_CHANNEL),
                Arguments.of("timeout", AttemptFailure.timeout(), 1, false, Decision.NEXT_CHANNEL),
                Arguments.of("fault in a 2xx", fault(), 2, false, Decision.NEXT_CHANNEL),
                Arguments.of("429", http(429), 1, false, Decision.NEXT_CHANNEL),
                Arguments.of("500", http(500), 1, false, Decision.NEXT_CHANNEL),
                Arguments.of("503", http(503), 2, false, Decision.NEXT_CHANNEL),
                Arguments.of("401", http(401), 1, false, Decision.NEXT_CHANNEL),
                Arguments.of("403", http(403), 1, false, Decision.NEXT_CHANNEL),
                Arguments.of("400 is the client's", http(400), 1, false, Decision.ANSWER),
                Arguments.of("404 is the client's", http(404), 1, false, Decision.ANSWER),
                Arguments.of("422 is the client's", http(422), 1, false, Decision.ANSWER),
                Arguments.of("budget spent: 3 calls with 2 retries", http(500), 3, false, Decision.ANSWER),
                Arguments.of("budget spent on timeouts", AttemptFailure.timeout(), 3, false, Decision.ANSWER),
                Arguments.of("bytes reached the client", connect(), 1, true, Decision.ANSWER),
                Arguments.of("bytes reached the client (5xx)", http(502), 1, true, Decision.ANSWER),
                Arguments.of("no translator costs no call", unsupported(), 3, false, Decision.NEXT_CHANNEL),
                Arguments.of("a refusal costs no call", refused(), 3, false, Decision.NEXT_CHANNEL),
                Arguments.of("a refusal after bytes left", refused(), 0, true, Decision.ANSWER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, AttemptFailure failure, int calls, boolean heard, Decision expected) {
        assertThat(TWO_RETRIES.decide(failure, calls, heard)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "retry_times 0: {0} is answered")
    @MethodSource("table")
    void noRetriesMeansOneUpstreamCall(String name, AttemptFailure failure, int calls, boolean heard, Decision d) {
        Decision expected = !heard && !failure.reachedUpstream() ? Decision.NEXT_CHANNEL : Decision.ANSWER;
        assertThat(new RetryRule(0).decide(failure, Math.max(1, calls), heard)).isEqualTo(expected);
    }

    private static AttemptFailure http(int status) {
        return AttemptFailure.http(status, null, null);
    }

    private static AttemptFailure connect() {
        return AttemptFailure.connect("connection refused");
    }

    private static AttemptFailure fault() {
        return AttemptFailure.fault(new UpstreamFault("overloaded_error", "Overloaded"));
    }

    private static AttemptFailure unsupported() {
        return new AttemptFailure(
                AttemptFailure.Kind.UNSUPPORTED, 400, null, null, "x", GatewayError.INVALID_REQUEST, null);
    }

    private static AttemptFailure refused() {
        return AttemptFailure.refused(
                GatewayError.INVALID_REQUEST, "audio input is not supported by this channel", null);
    }
}
