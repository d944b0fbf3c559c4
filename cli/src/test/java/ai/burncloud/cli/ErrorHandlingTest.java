package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Refused commands: the documented exit code, one line on stderr, no stack trace, and a database
 * exactly as it was before.
 */
class ErrorHandlingTest extends CliTestBase {
    @BeforeEach
    void seed() {
        cli.run("price", "set", "gpt-4", "--input", "30", "--output", "60").ok();
        cli.run("channel", "add", "--name", "c", "--type", "openai", "--key", "k", "--models", "gpt-4")
                .ok();
        cli.run("token", "create", "--name", "t").ok();
        cli.run("user", "add", "--username", "alice", "--balance", "1").ok();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                // not found: 1
                refused(1, "price", "get", "nope"),
                refused(1, "price", "delete", "nope"),
                refused(1, "channel", "get", "99"),
                refused(1, "channel", "update", "99", "--name", "x"),
                refused(1, "token", "get", "99"),
                refused(1, "token", "disable", "99"),
                refused(1, "user", "topup", "ghost", "--amount", "1"),
                refused(1, "user", "delete", "ghost"),
                // conflicts: 1
                refused(1, "user", "add", "--username", "alice"),
                refused(1, "user", "delete", "root"),
                // bad flags and values: 2
                refused(2, "price", "set", "gpt-4", "--input", "NaN", "--output", "1"),
                refused(2, "price", "set", "gpt-4", "--input", "-1", "--output", "1"),
                refused(2, "price", "set", "gpt-4", "--input", "1", "--output", "-0.01"),
                refused(2, "price", "set", "gpt-4", "--input", "abc", "--output", "1"),
                refused(2, "price", "set", "gpt-4", "--input", "1", "--output", "2", "--cached-input", "Infinity"),
                refused(2, "price", "set", "gpt-4", "--input", "1"),
                refused(2, "price", "set", "gpt-4", "--alias", "gpt-3", "--input", "1"),
                refused(2, "price", "set", "x", "--alias", "missing"),
                refused(2, "price", "set", "gpt-4", "--alias", "gpt-4"),
                refused(2, "price", "set", "gpt-4", "--bogus"),
                refused(2, "price"),
                refused(2, "price", "get"),
                refused(2, "nonsense"),
                refused(2, "channel", "add", "--name", "x", "--type", "foo", "--key", "k", "--models", "m"),
                refused(2, validChannelAddThen("--model-mapping", "{\"gpt-4\":")),
                refused(2, validChannelAddThen("--model-mapping", "[\"a\"]")),
                refused(2, validChannelAddThen("--config", "not json")),
                refused(2, "channel", "add", "--name", "x", "--type", "openai", "--key", "k"),
                refused(2, "channel", "add", "--name", "x", "--type", "azure", "--key", "k", "--models", "m"),
                refused(2, validChannelAddThen("--priority", "high")),
                refused(2, "channel", "update", "1", "--model-mapping", "{bad"),
                refused(2, "channel", "update", "1"),
                refused(2, "channel", "get", "abc"),
                refused(2, "token", "create", "--name", "t", "--quota", "NaN"),
                refused(2, "token", "create", "--name", "t", "--expires", "next week"),
                refused(2, "token", "create", "--name", "t", "--rpm", "-5"),
                refused(2, "token", "create"),
                refused(2, "token", "update", "1", "--quota", "-2"),
                refused(2, "user", "add", "--username", "bad name"),
                refused(2, "user", "add", "--username", "bob", "--role", "emperor"),
                refused(2, "user", "add", "--username", "bob", "--balance", "ten"),
                refused(2, "user", "add"),
                refused(2, "user", "topup", "alice", "--amount", "0"),
                refused(2, "user", "topup", "alice", "--amount", "NaN"));
    }

    private static Arguments refused(int code, String... args) {
        return Arguments.of(code, List.of(args));
    }

    /** A {@code channel add} with every required flag valid, then {@code extra}: the one thing wrong. */
    private static String[] validChannelAddThen(String... extra) {
        return Stream.concat(
                        Stream.of("channel", "add", "--name", "x", "--type", "openai", "--key", "k", "--models", "m"),
                        Stream.of(extra))
                .toArray(String[]::new);
    }

    @ParameterizedTest(name = "{1} exits {0}")
    @MethodSource("refused")
    void refusedCommandsChangeNothing(int code, List<String> args) {
        List<Object> before = DatabaseState.of(url);
        cli.run(args.toArray(String[]::new)).fails(code);
        assertThat(DatabaseState.of(url)).isEqualTo(before);
    }

    @Test
    void badConfigurationIsAUsageErrorAndTouchesNoDatabase() {
        List<Object> before = DatabaseState.of(url);
        cli.with("PORT", "abc")
                .run("price", "set", "m", "--input", "1", "--output", "1")
                .fails(2);
        cli.with("LOG_LEVEL", "loud").run("price", "list").fails(2);
        assertThat(cli.with("PORT", "abc").run("price", "list").err()).contains("PORT=abc");
        assertThat(DatabaseState.of(url)).isEqualTo(before);

        Cli.Result scheme = cli.with("DATABASE_URL", "mysql://localhost/db")
                .run("price", "list")
                .fails(2);
        assertThat(scheme.err()).contains("unknown scheme 'mysql'");
    }

    @Test
    void anUnreachablePostgresIsAUsageError() {
        Cli.Result r = cli.with("DATABASE_URL", "postgres://postgres@127.0.0.1:1/test")
                .run("price", "list")
                .fails(2);
        assertThat(r.err()).contains("cannot open database postgres://postgres@127.0.0.1:1/test");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Result r = cli.run("--verbose", "price", "get", "nope");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().findFirst()).contains("burncloud: error: no price for model 'nope'");
        assertThat(r.err()).contains("ServiceException").contains("\tat ");
        Cli.Result after = cli.run("price", "get", "nope", "--verbose");
        assertThat(after.err()).contains("\tat ");
    }
}
