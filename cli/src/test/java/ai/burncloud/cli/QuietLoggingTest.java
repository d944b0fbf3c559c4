package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Admin commands print their output and nothing else: no Flyway, Hikari or migration chatter. */
class QuietLoggingTest extends CliTestBase {
    @Test
    void anAdminCommandOnAFreshDatabaseLogsNothing() {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Cli.Result r;
        try {
            System.setOut(sink);
            System.setErr(sink);
            r = cli.run("price", "set", "gpt-4", "--input", "30", "--output", "60");
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        r.ok();
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
        // the switch is real: the migration logger would have spoken at INFO
        assertThat(LoggerFactory.getLogger("ai.burncloud.database.Database").isInfoEnabled())
                .isFalse();
    }

    @Test
    void theRouterLevelComesFromTheConfiguration() {
        Logging.level("debug");
        assertThat(LoggerFactory.getLogger("org.flywaydb").isDebugEnabled()).isTrue();
        Logging.quiet();
        assertThat(LoggerFactory.getLogger("org.flywaydb").isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.flywaydb").isWarnEnabled()).isTrue();
    }
}
