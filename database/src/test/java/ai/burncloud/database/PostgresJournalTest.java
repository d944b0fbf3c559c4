package ai.burncloud.database;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.testing.TestDatabases;
import ai.burncloud.database.testing.TestDatabases.PostgresSchema;

/** The journal contract on PostgreSQL, in a schema of its own per test. Fails, never skips, without it. */
class PostgresJournalTest extends JournalContract {
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
