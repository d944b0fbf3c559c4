package ai.burncloud.tests;

import ai.burncloud.common.ConfigLoader;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The live suite: {@code ./mvnw -B verify -Plive}. For every provider whose {@code TEST_*} key is set
 * (environment or the repository's {@code .env}), the real jar gets a channel to the real provider and
 * the scenarios of {@link LiveScenarios} run through it. A provider without a key is not part of the
 * run: the report printed first names it, and no test is reported for it. {@code -Drecord=true} also
 * saves the providers' raw answers as fixtures.
 */
@Tag("live")
class LiveProviderTest {
    private static LiveProviders providers;
    private static LiveSuite suite;

    @BeforeAll
    static void start() {
        providers = LiveProviders.from(ConfigLoader.merged(
                System.getenv(), GatewayProcess.repositoryRoot().resolve(".env")));
        System.out.println("BurnCloud live suite");
        providers.configured().forEach(p -> System.out.println("  " + p.name() + ": runs with " + p.chatModel()));
        providers.missing().forEach(m -> System.out.println("  " + m));
        if (providers.configured().isEmpty()) {
            System.out.println("No live provider configured: set a TEST_*_KEY in .env (see .env.example)."
                    + " Nothing was run against a real provider.");
            return;
        }
        suite = LiveSuite.start(
                providers.configured(),
                Boolean.getBoolean("record") ? GatewayProcess.repositoryRoot().resolve("fixtures") : null);
        System.out.println("  gateway log: " + suite.gatewayLog());
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @TestFactory
    List<DynamicContainer> scenarios() {
        return suite == null ? List.of() : suite.tests();
    }
}
