package ai.burncloud.service;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteConfigTransferTest extends ConfigTransferContract {
    @TempDir
    Path dir;

    @Override
    protected DatabaseUrl freshDatabase() throws Exception {
        return TestDatabases.sqlite(Files.createTempDirectory(dir, "db"));
    }
}
