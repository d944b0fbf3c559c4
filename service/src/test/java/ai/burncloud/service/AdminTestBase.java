package ai.burncloud.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.database.Database;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh SQLite database per test, and a check that refused operations write nothing. */
abstract class AdminTestBase {
    @TempDir
    Path dir;

    Database db;
    Repositories repos;

    @BeforeEach
    void openDatabase() {
        db = Database.open(TestDatabases.sqlite(dir));
        repos = Repositories.over(db);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    /** Everything a write could change: the config version and every row count. */
    List<Object> state() {
        return List.of(
                repos.configVersion().current(),
                repos.users().all(),
                repos.tokens().all(),
                repos.channels().all(),
                repos.channels().abilities(),
                repos.prices().all());
    }

    /** Asserts the call is refused with {@code kind} and leaves the database as it was. */
    void assertRefused(ServiceException.Kind kind, String messagePart, ThrowingCallable call) {
        List<Object> before = state();
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(state()).isEqualTo(before);
    }
}
