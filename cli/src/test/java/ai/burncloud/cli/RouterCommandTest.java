package ai.burncloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.database.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RouterCommandTest extends CliTestBase {
    @Test
    void routerServesHealthUntilStoppedAndExitsZero() throws Exception {
        CompletableFuture<BurnCloudApp> started = new CompletableFuture<>();
        CliContext ctx = new CliContext(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true),
                new ByteArrayInputStream(new byte[0]),
                Map.of("DATABASE_URL", TestDatabases.sqliteUrl(dir), "PORT", "0", "HOST", "127.0.0.1"),
                dir.resolve("absent.env"),
                started::complete);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.run(ctx, "router"));
        BurnCloudApp app = started.get(30, TimeUnit.SECONDS);

        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");

        app.close();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void badConfigurationStopsTheRouterBeforeItStarts() {
        cli.with("PORT", "abc").run("router").fails(2);
        cli.with("PORT", "70000").run("router").fails(2);
        cli.with("DATABASE_URL", "redis://x").run("router").fails(2);
    }

    @Test
    void theDesktopClientNeedsADisplay() {
        cli.with("DISPLAY", "").with("WAYLAND_DISPLAY", "").run("client").fails(2);
    }
}
