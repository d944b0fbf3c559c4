package ai.burncloud.common;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * .env.example documents exactly the variables of {@link Setting}, each with its default — besides the
 * live test suite's {@code TEST_*} variables, which the gateway never reads (the tests module checks
 * those).
 */
class EnvExampleTest {
    /** "NAME=value" or "# NAME=value": a variable assignment, commented out or not. */
    private static final Pattern ASSIGNMENT = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=(.*)$");

    private static String text;
    private static Map<String, String> documented;

    @BeforeAll
    static void read() throws IOException {
        Path file = Fixtures.dir().getParent().resolve(".env.example");
        text = Files.readString(file);
        documented = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            Matcher m = ASSIGNMENT.matcher(line.strip());
            if (m.matches() && !m.group(1).startsWith("TEST_")) {
                String previous = documented.put(m.group(1), m.group(2).strip());
                assertThat(previous).as("%s is documented twice", m.group(1)).isNull();
            }
        }
    }

    @Test
    void everySettingIsDocumentedWithItsDefaultAndDescription() {
        for (Setting s : Setting.values()) {
            assertThat(documented).as(".env.example lacks " + s.name()).containsKey(s.name());
            assertThat(documented.get(s.name())).as("default of " + s.name()).isEqualTo(s.defaultValue());
            assertThat(text).as("description of " + s.name()).contains(s.description());
        }
    }

    @Test
    void nothingElseIsDocumented() {
        List<String> settings =
                Arrays.stream(Setting.values()).map(Setting::name).toList();
        assertThat(documented.keySet())
                .as("variables in .env.example that are not Settings")
                .isSubsetOf(settings);
    }

    @Test
    void theExampleAsAnEnvFileYieldsTheDefaultConfiguration() throws IOException {
        Path copy = Files.createTempFile("env-example", ".env");
        try {
            Files.writeString(copy, text.replaceAll("(?m)^# ([A-Z][A-Z0-9_]*=)", "$1"));
            assertThat(ConfigLoader.load(Map.of(), copy)).isEqualTo(ConfigLoader.fromMap(Map.of()));
        } finally {
            Files.delete(copy);
        }
    }
}
