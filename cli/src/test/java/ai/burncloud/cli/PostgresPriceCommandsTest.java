package ai.burncloud.cli;

import ai.burncloud.database.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** DATABASE_URL=postgres://postgres@127.0.0.1:5432/test?currentSchema=<fresh>; fails if PostgreSQL is down. */
class PostgresPriceCommandsTest extends PriceCommandsContract {
    @TempDir
    Path dir;

    private TestDatabases.PostgresSchema schema;

    @Override
    protected Cli cli() {
        schema = TestDatabases.freshPostgresSchema();
        return new Cli(schema.urlText(), dir);
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }
}
