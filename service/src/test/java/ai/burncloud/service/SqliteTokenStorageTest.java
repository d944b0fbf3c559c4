package ai.burncloud.service;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteTokenStorageTest extends TokenStorageContract {
    @TempDir
    Path dir;

    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.sqlite(dir);
    }
}
