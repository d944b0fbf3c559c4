package ai.burncloud.service;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;

/** Fails, never skips, when PostgreSQL at 127.0.0.1:5432 is unreachable. */
class PostgresConfigTransferTest extends ConfigTransferContract {
    private final List<TestDatabases.PostgresSchema> schemas = new ArrayList<>();

    @Override
    protected DatabaseUrl freshDatabase() {
        TestDatabases.PostgresSchema schema = TestDatabases.freshPostgresSchema();
        schemas.add(schema);
        return schema.url();
    }

    @Override
    protected void dropDatabases() throws Exception {
        for (TestDatabases.PostgresSchema s : schemas) {
            s.close();
        }
    }
}
