package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.database.Database;
import ai.burncloud.database.Repositories;
import ai.burncloud.database.testing.TestDatabases;
import ai.burncloud.service.PasswordHasher;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a new operator runs into on day one: where the database is, the port, a lost root password. */
class DayOneTest extends CliTestBase {

    @Test
    void adminCommandsNeverCreateADatabaseAndNameThePathTheyLookedAt() {
        Path missing = dir.resolve("elsewhere/burncloud.db");
        Cli.Result r = new Cli("sqlite:" + missing, dir)
                .run("token", "create", "--name", "laptop")
                .fails(1);
        assertThat(r.err()).contains(missing.toAbsolutePath().toString()).contains("--database");
        assertThat(missing).doesNotExist();
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void databaseFlagWinsOverTheEnvironmentOnEveryCommand() {
        Path other = dir.resolve("other.db");
        cli.run("--database", "sqlite:" + other, "price", "list").fails(1);
        assertThat(other).doesNotExist();

        cli.run("price", "set", "gpt-4o", "--input", "1", "--output", "2").ok();
        Cli pointedAway = new Cli("sqlite:" + dir.resolve("absent.db"), dir);
        // the flag after the subcommand, and before it
        assertThat(pointedAway
                        .run("price", "get", "gpt-4o", "--database", url)
                        .ok()
                        .out())
                .contains("gpt-4o");
        assertThat(pointedAway.run("--database", url, "price", "list").ok().out())
                .contains("gpt-4o");
    }

    @Test
    void passwdSetsRootsPasswordFromStdinAndTheOldOneStopsWorking() {
        cli.runWithStdin("first-password-1\n", "user", "add", "--username", "ops", "--password-stdin")
                .ok();
        Cli.Result r = cli.runWithStdin("second-password-2\n", "user", "passwd", "ops", "--password-stdin")
                .ok();
        assertThat(r.out()).contains("Password of ops changed");

        String hash;
        try (Database db = Database.open(TestDatabases.sqlite(dir))) {
            hash = Repositories.over(db)
                    .users()
                    .findByUsername("ops")
                    .orElseThrow()
                    .passwordHash();
        }
        PasswordHasher hasher = PasswordHasher.standard();
        assertThat(hasher.matches("second-password-2", hash)).isTrue();
        assertThat(hasher.matches("first-password-1", hash)).isFalse();
    }

    @Test
    void passwdRefusesAShortPasswordAnUnknownUserAndAMissingFlag() {
        cli.runWithStdin("short\n", "user", "passwd", "root", "--password-stdin")
                .fails(2);
        cli.runWithStdin("long-enough-password\n", "user", "passwd", "nobody", "--password-stdin")
                .fails(1);
        cli.run("user", "passwd", "root").fails(2);
    }

    @Test
    void routerPortAndHostFlagsWinOverTheEnvironment() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CompletableFuture<BurnCloudApp> started = new CompletableFuture<>();
        CliContext ctx = new CliContext(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true),
                new ByteArrayInputStream(new byte[0]),
                Map.of("DATABASE_URL", url, "PORT", "1", "HOST", "0.0.0.0"),
                dir.resolve("absent.env"),
                started::complete);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> Main.run(ctx, "router", "--port", Integer.toString(port), "--host", "127.0.0.1"));
        BurnCloudApp app = started.get(30, TimeUnit.SECONDS);
        try {
            assertThat(app.port()).isEqualTo(port);
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            app.close();
        }
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void theLicenseTheReadmePromisesExists() throws Exception {
        Path root = Path.of(System.getProperty("burncloud.fixtures")).getParent();
        assertThat(Files.readString(root.resolve("LICENSE"))).startsWith("MIT License");
        assertThat(Files.readString(root.resolve("README.md"))).contains("MIT License");
    }
}
