package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdsArchiveTest {
    @TempDir
    Path dir;

    @Test
    void theFirstRunWritesTheArchiveAndTheNextOneMapsIt() throws Exception {
        Path jar = Files.writeString(dir.resolve("burncloud.jar"), "jar");
        CdsArchive first = CdsArchive.forJar(jar, Map.of());
        assertThat(first.options()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit=" + dir));
        assertThat(first.options()).contains("-Xshare:auto");

        // what the child JVM does at its exit
        String pending = first.options().stream()
                .filter(o -> o.startsWith("-XX:ArchiveClassesAtExit="))
                .findFirst()
                .orElseThrow()
                .substring("-XX:ArchiveClassesAtExit=".length());
        Files.writeString(Path.of(pending), "archive");
        first.keep(0);

        assertThat(first.path()).exists();
        assertThat(Path.of(pending)).doesNotExist();
        assertThat(CdsArchive.forJar(jar, Map.of()).options()).contains("-XX:SharedArchiveFile=" + first.path());
    }

    @Test
    void aFailedRunLeavesNoArchiveAndARebuiltJarReplacesTheOldOne() throws Exception {
        Path jar = Files.writeString(dir.resolve("burncloud.jar"), "jar");
        CdsArchive failed = CdsArchive.forJar(jar, Map.of());
        Path pending = Path.of(failed.options().get(failed.options().size() - 1).split("=", 2)[1]);
        Files.writeString(pending, "half an archive");
        // a run killed with SIGKILL while it wrote its archive: a pid no process has
        Path abandoned = Files.writeString(
                dir.resolve(failed.path().getFileName() + ".tmp-" + Long.MAX_VALUE), "half an archive");
        failed.keep(1);
        assertThat(abandoned).doesNotExist();
        assertThat(pending).doesNotExist();
        assertThat(failed.path()).doesNotExist();

        CdsArchive old = CdsArchive.forJar(jar, Map.of());
        Files.writeString(old.path(), "old archive");
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        CdsArchive rebuilt = CdsArchive.forJar(jar, Map.of());
        assertThat(rebuilt.path()).isNotEqualTo(old.path());
        Path next = Path.of(rebuilt.options().get(rebuilt.options().size() - 1).split("=", 2)[1]);
        Files.writeString(next, "new archive");
        rebuilt.keep(0);
        assertThat(rebuilt.path()).exists();
        assertThat(old.path()).as("the old jar's archive").doesNotExist();
    }
}
