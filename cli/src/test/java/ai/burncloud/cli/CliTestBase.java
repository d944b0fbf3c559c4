package ai.burncloud.cli;

import ai.burncloud.database.Database;
import ai.burncloud.database.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A CLI over a fresh SQLite file, created (as the router creates it on its first start). */
abstract class CliTestBase {
    @TempDir
    Path dir;

    String url;
    Cli cli;

    @BeforeEach
    void freshDatabase() {
        url = TestDatabases.sqliteUrl(dir);
        Database.open(TestDatabases.sqlite(dir)).close();
        cli = new Cli(url, dir);
    }
}
