package ai.burncloud.server;

import ai.burncloud.common.BurnCloudConfig;
import ai.burncloud.common.ConfigLoader;
import ai.burncloud.database.Database;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.testing.TestDatabases;
import ai.burncloud.server.ApiClient.Auth;
import ai.burncloud.service.PasswordHasher;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A control plane over a fresh SQLite database per test, root's password set from the
 * configuration, a fake data plane attached and a low bcrypt cost so logins are quick.
 */
abstract class ApiTestBase {
    static final String ROOT_PASSWORD = "root-password-1";

    @TempDir
    Path dir;

    Database db;
    Repositories repos;
    ControlPlane controlPlane;
    FakeDataPlane dataPlane;
    MutableClock clock;
    ApiClient api;

    /** Extra configuration for a test class (environment-variable names). */
    Map<String, String> settings() {
        return Map.of();
    }

    @BeforeEach
    void startControlPlane() {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", TestDatabases.sqliteUrl(dir));
        env.put("BURNCLOUD_ROOT_PASSWORD", ROOT_PASSWORD);
        env.putAll(settings());
        BurnCloudConfig config = ConfigLoader.fromMap(env);
        db = Database.open(config.databaseUrl());
        repos = Repositories.over(db);
        clock = new MutableClock(System.currentTimeMillis());
        controlPlane = ControlPlane.start(config, repos, new PasswordHasher(4), clock);
        dataPlane = new FakeDataPlane();
        controlPlane.attach(dataPlane);
        api = new ApiClient("http://127.0.0.1:" + controlPlane.port(), controlPlane.relaySecret());
    }

    @AfterEach
    void stopControlPlane() {
        controlPlane.close();
        db.close();
    }

    Auth root() {
        return api.login("root", ROOT_PASSWORD);
    }

    /** Creates a user with a password (as root) and logs them in. */
    Auth user(String name) {
        return user(name, "user", "10");
    }

    Auth user(String name, String role, String balance) {
        api.post(
                        "/api/users",
                        "{\"username\":\"" + name + "\",\"password\":\"password-" + name + "\",\"role\":\"" + role
                                + "\",\"balance\":" + balance + "}",
                        root())
                .expect(201);
        return api.login(name, "password-" + name);
    }

    long userId(String name) {
        return repos.users().findByUsername(name).orElseThrow().id();
    }

    /** Everything a refused write must leave as it was. */
    List<Object> state() {
        return List.of(
                repos.configVersion().current(),
                repos.users().all(),
                repos.tokens().all(),
                repos.channels().all(),
                repos.prices().all(),
                repos.ratios().groupRatios(),
                repos.ratios().modelRatios(),
                repos.options().all(),
                repos.redemptions().list(1, 500).items());
    }
}
