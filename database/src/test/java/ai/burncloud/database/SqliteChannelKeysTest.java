package ai.burncloud.database;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Upstream keys at rest on SQLite. */
class SqliteChannelKeysTest extends ChannelKeysContract {
    @TempDir
    Path dir;

    @Override
    protected DatabaseUrl freshDatabase() {
        return TestDatabases.sqlite(dir);
    }
}
