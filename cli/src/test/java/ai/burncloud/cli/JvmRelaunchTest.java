package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmRelaunchTest {
    private static final String[] ROUTER = {"router"};

    @TempDir
    Path dir;

    @Test
    void onlyARouterStartedWithoutAnyJvmOptionIsRelaunched() {
        // tests run from target/classes, not a jar: decide() never relaunches here, so the rules are
        // checked one by one
        assertThat(JvmRelaunch.runsRouter(ROUTER, Map.of())).isTrue();
        assertThat(JvmRelaunch.runsRouter(
                        new String[] {"--database", "sqlite:x.db", "router", "--port", "1"}, Map.of()))
                .isTrue();
        assertThat(JvmRelaunch.runsRouter(new String[] {"price", "list"}, Map.of()))
                .isFalse();
        assertThat(JvmRelaunch.runsRouter(new String[] {"--database", "router"}, Map.of("DISPLAY", ":0")))
                .as("router as the value of --database")
                .isFalse();
        assertThat(JvmRelaunch.runsRouter(new String[0], Map.of("DISPLAY", ":0")))
                .as("no subcommand with a display opens the desktop client")
                .isFalse();

        assertThat(JvmRelaunch.decide(ROUTER, Map.of(), List.of("-Xmx1g"))).isNull();
        assertThat(JvmRelaunch.decide(ROUTER, Map.of("BURNCLOUD_RELAUNCH", "0"), List.of()))
                .isNull();
        assertThat(JvmRelaunch.decide(ROUTER, Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"), List.of()))
                .isNull();
        assertThat(JvmRelaunch.decide(ROUTER, Map.of("JDK_JAVA_OPTIONS", "-Xmx1g"), List.of()))
                .isNull();
        assertThat(JvmRelaunch.decide(ROUTER, Map.of(JvmRelaunch.PARENT_PID, "1"), List.of()))
                .as("a child never relaunches itself")
                .isNull();
    }

    @Test
    void theChildRunsTheSameJarWithTheLauncherOptionsAndKnowsItsParent() throws Exception {
        Path jar = Files.writeString(dir.resolve("burncloud.jar"), "not really a jar");
        JvmRelaunch r = JvmRelaunch.of(Path.of("/jdk/bin/java"), jar, new String[] {"router", "--port", "9"}, Map.of());

        assertThat(r.command().get(0)).isEqualTo("/jdk/bin/java");
        assertThat(r.command()).containsSubsequence(JvmRelaunch.launcherOptions());
        assertThat(r.command()).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(r.command().subList(r.command().size() - 5, r.command().size()))
                .containsExactly("-jar", jar.toString(), "router", "--port", "9");
        assertThat(r.environment())
                .containsEntry(
                        JvmRelaunch.PARENT_PID,
                        Long.toString(ProcessHandle.current().pid()))
                .containsEntry("MALLOC_ARENA_MAX", "2");
        assertThat(r.command()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit=" + dir));

        JvmRelaunch noCds = JvmRelaunch.of(Path.of("java"), jar, ROUTER, Map.of("BURNCLOUD_CDS", "0"));
        assertThat(noCds.command()).noneMatch(o -> o.contains("Archive"));
        assertThat(noCds.archive()).isNull();
    }

    @Test
    void theOptionsAreTheLauncherScriptsDefaults() throws Exception {
        // surefire runs in the module's folder; the script is at the repository's root
        String script = Files.readString(Path.of("..", "burncloud"));
        String line = script.lines()
                .filter(l -> l.startsWith("default_opts=\""))
                .findFirst()
                .orElseThrow();
        List<String> scriptOpts = List.of(
                line.substring("default_opts=\"".length(), line.length() - 1).split(" "));
        assertThat(JvmRelaunch.launcherOptions()).isEqualTo(scriptOpts);
    }
}
