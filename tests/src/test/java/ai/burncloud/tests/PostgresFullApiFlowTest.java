package ai.burncloud.tests;

import ai.burncloud.database.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;

/** The flow on PostgreSQL (127.0.0.1:5432, fresh schema, dropped after); fails if PostgreSQL is down. */
class PostgresFullApiFlowTest extends FullApiFlowContract {
    private TestDatabases.PostgresSchema schema;

    @Override
    String databaseUrl() {
        schema = TestDatabases.freshPostgresSchema();
        return schema.urlText();
    }

    @Override
    String expectedKind() {
        return "postgres";
    }

    @AfterEach
    void dropSchema() throws Exception {
        stop();
        if (schema != null) {
            schema.close();
        }
    }
}
