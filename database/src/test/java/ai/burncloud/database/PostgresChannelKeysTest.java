package ai.burncloud.database;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.testing.TestDatabases;
import ai.burncloud.database.testing.TestDatabases.PostgresSchema;

/** Upstream keys at rest on PostgreSQL, in a schema of its own per test. */
class PostgresChannelKeysTest extends ChannelKeysContract {
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
