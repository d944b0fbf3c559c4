package ai.burncloud.service;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.testing.TestDatabases;

/** Fails, never skips, when PostgreSQL at 127.0.0.1:5432 is unreachable. */
class PostgresTokenStorageTest extends TokenStorageContract {
    private TestDatabases.PostgresSchema schema;

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
