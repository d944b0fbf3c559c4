package ai.burncloud.cli;

import ai.burncloud.common.DatabaseUrl;
import ai.burncloud.database.Database;
import ai.burncloud.database.Repositories;
import java.util.List;

/** Everything the admin commands can change, to prove a refused command changed nothing. */
final class DatabaseState {
    private DatabaseState() {}

    static List<Object> of(String databaseUrl) {
        try (Database db = Database.open(DatabaseUrl.parse(databaseUrl))) {
            Repositories r = Repositories.over(db);
            return List.of(
                    r.configVersion().current(),
                    r.users().all(),
                    r.tokens().all(),
                    r.channels().all(),
                    r.channels().abilities(),
                    r.prices().all());
        }
    }
}
