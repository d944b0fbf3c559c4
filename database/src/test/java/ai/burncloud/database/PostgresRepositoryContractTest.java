package ai.burncloud.database;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.testing.TestDatabases;
import ai.burncloud.database.testing.TestDatabases.PostgresSchema;

/**
 * The repository contract on PostgreSQL (127.0.0.1:5432/test), in a schema of its own per test that
 * is dropped afterwards. Fails, never skips, when PostgreSQL is unreachable.
 */
class PostgresRepositoryContractTest extends RepositoryContract {
    private PostgresSchema schema;

    @Override
    protected DatabaseUrl freshDatabase() {
        schema = TestDatabases.freshPostgresSchema();
        return schema.url();
    }

    @Override
    protected void dropDatabase() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }
}
