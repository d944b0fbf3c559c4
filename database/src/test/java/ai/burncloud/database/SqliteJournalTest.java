package ai.burncloud.database;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The journal contract on SQLite, a new file per test. */
class SqliteJournalTest extends JournalContract {
    @TempDir
    Path dir;

    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.sqlite(dir);
    }
}
