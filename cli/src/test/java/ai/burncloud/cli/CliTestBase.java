package ai.burncloud.cli;

import ai.burncloud.database.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A CLI over a fresh SQLite file. */
abstract class CliTestBase {
    @TempDir
    Path dir;

    String url;
    Cli cli;

    @BeforeEach
    void freshDatabase() {
        url = TestDatabases.sqliteUrl(dir);
        cli = new Cli(url, dir);
    }
}
