package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar burncloud.jar router} with no JVM option, as the design card and a newcomer start
 * it: the router runs in a child JVM with the launcher's memory options (a 256 MiB heap, the serial
 * collector — not a quarter of the machine's RAM), SIGTERM still ends the whole thing with status 0,
 * the child writes its class-data archive on that first stop and maps it at the next start, and a
 * parent killed with SIGKILL takes the child with it.
 */
class PlainJavaJarTest {
    @TempDir
    Path dir;

    @Test
    void relaunchedWithTheLauncherOptionsStopsOnSigtermAndKeepsItsClassArchive() throws Exception {
        Path jar = copyOfTheJar();
        GatewayProcess gw = GatewayProcess.startIn(dir, jar, List.of(), Map.of());
        ProcessHandle child;
        try {
            child = onlyChild(gw.handle());
            assertThat(commandLine(child))
                    .as("the child's command line")
                    .contains("-Xmx256m", "-XX:+UseSerialGC", "-XX:ArchiveClassesAtExit=")
                    .endsWith("-jar " + jar + " router");
            String flags = jcmd(child, "VM.flags");
            assertThat(flags)
                    .as("the child's effective flags")
                    .contains("-XX:MaxHeapSize=268435456", "-XX:+UseSerialGC");
        } finally {
            assertThat(gw.terminate())
                    .as("exit status after SIGTERM to the parent")
                    .isZero();
        }
        assertThat(child.isAlive()).as("the child after the parent exited").isFalse();
        assertThat(archives()).as("class-data archives beside the jar").hasSize(1);

        GatewayProcess again = GatewayProcess.startIn(dir, jar, List.of(), Map.of());
        try {
            assertThat(commandLine(onlyChild(again.handle())))
                    .contains("-XX:SharedArchiveFile=" + archives().get(0));
        } finally {
            assertThat(again.terminate()).isZero();
        }
    }

    @Test
    void aJvmOptionOrTheOptOutKeepsTheRouterInTheFirstJvm() throws Exception {
        Path jar = copyOfTheJar();
        GatewayProcess withOption = GatewayProcess.startIn(dir, jar, List.of("-Xmx200m"), Map.of());
        try {
            assertThat(withOption.handle().children()).isEmpty();
        } finally {
            assertThat(withOption.terminate()).isZero();
        }
        GatewayProcess optedOut = GatewayProcess.startIn(dir, jar, List.of(), Map.of("BURNCLOUD_RELAUNCH", "0"));
        try {
            assertThat(optedOut.handle().children()).isEmpty();
        } finally {
            assertThat(optedOut.terminate()).isZero();
        }
    }

    @Test
    void aParentKilledWithSigkillTakesTheRouterWithIt() throws Exception {
        Path jar = copyOfTheJar();
        GatewayProcess gw = GatewayProcess.startIn(dir, jar, List.of(), Map.of("BURNCLOUD_CDS", "0"));
        ProcessHandle child = onlyChild(gw.handle());
        gw.kill();
        boolean stopped = child.onExit()
                .thenApply(h -> true)
                .completeOnTimeout(false, 60, TimeUnit.SECONDS)
                .get();
        if (!stopped) {
            child.destroyForcibly();
        }
        assertThat(stopped).as("the orphaned router stopped by itself").isTrue();
    }

    private Path copyOfTheJar() throws Exception {
        // a copy in the test's folder, so that the class-data archive is written there, not in dist/
        Path jar = dir.resolve("burncloud.jar");
        if (!Files.exists(jar)) {
            Files.copy(GatewayProcess.shippedJar(), jar);
        }
        return jar;
    }

    private List<Path> archives() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsa"))
                    .toList();
        }
    }

    private static ProcessHandle onlyChild(ProcessHandle parent) {
        List<ProcessHandle> children = parent.children().toList();
        assertThat(children).as("processes started by the plain java -jar").hasSize(1);
        return children.get(0);
    }

    private static String commandLine(ProcessHandle p) throws Exception {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")))
                .replace('\0', ' ')
                .strip();
    }

    private static String jcmd(ProcessHandle p, String command) throws Exception {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(p.pid()),
                        command)
                .redirectErrorStream(true)
                .start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        assertThat(jcmd.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS))
                .as("jcmd finished")
                .isTrue();
        return out;
    }
}
