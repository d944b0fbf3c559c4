package ai.burncloud.cli;

import ai.burncloud.database.Database;
import ai.burncloud.database.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqlitePriceCommandsTest extends PriceCommandsContract {
    @TempDir
    Path dir;

    @Override
    protected Cli cli() {
        Database.open(TestDatabases.sqlite(dir)).close();
        return new Cli(TestDatabases.sqliteUrl(dir), dir);
    }
}
