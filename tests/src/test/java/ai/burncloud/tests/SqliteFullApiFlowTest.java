package ai.burncloud.tests;

import ai.burncloud.database.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The flow on a SQLite file. */
class SqliteFullApiFlowTest extends FullApiFlowContract {
    @TempDir
    Path dir;

    @Override
    String databaseUrl() {
        return TestDatabases.sqliteUrl(dir);
    }

    @Override
    String expectedKind() {
        return "sqlite";
    }
}
