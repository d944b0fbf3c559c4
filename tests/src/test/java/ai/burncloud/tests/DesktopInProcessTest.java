package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.burncloud.cli.BurnCloudApp;
import ai.burncloud.cli.InProcessGateway;
import ai.burncloud.client.DesktopClient;
import ai.burncloud.client.LaunchOptions;
import ai.burncloud.client.ServerAddress;
import ai.burncloud.common.ConfigLoader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * {@code burncloud client} on a machine where nothing answers on PORT: the window starts the
 * gateway in-process (the configuration {@code router} would use), signs in as root without a
 * password, says where tools should point, and closing the window stops the gateway.
 */
class DesktopInProcessTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final FxRobot robot = new FxRobot();

    @TempDir
    Path dir;

    @Test
    void withNothingOnThePortTheWindowStartsAGatewayThatAnswersHealthAndStopsItOnClose() throws Exception {
        Stage stage = HeadlessFx.primaryStage();
        int port = freePort();
        var config = ConfigLoader.fromMap(Map.of(
                "HOST",
                "127.0.0.1",
                "PORT",
                Integer.toString(port),
                "DATABASE_URL",
                "sqlite:" + dir.resolve("desktop.db"),
                "SHUTDOWN_GRACE_S",
                "5"));
        AtomicReference<BurnCloudApp> started = new AtomicReference<>();
        LaunchOptions options = new LaunchOptions(
                Optional.empty(),
                ServerAddress.local(port),
                InProcessGateway.starter(config, started::set),
                Map.of(),
                dir.resolve("config"));
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<DesktopClient> client = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            client.set(new DesktopClient(stage, options, false, closed::countDown));
            client.get().open();
        });

        HeadlessFx.await(
                60,
                "the dashboard of the in-process gateway",
                () -> robot.lookup("#status-text").tryQuery().isPresent());
        String address = "http://127.0.0.1:" + port;
        assertThat(HeadlessFx.onFx(
                        () -> robot.lookup("#status-text").queryLabeled().getText()))
                .contains(address + "/v1")
                .contains("root");
        assertThat(health(address)).isEqualTo(200);
        // signed in as root over the in-process credential: an admin-only page loads
        robot.clickOn("#nav-channels");
        HeadlessFx.await(
                20,
                "the channel list",
                () -> robot.lookup("#channels-table").tryQuery().isPresent()
                        && robot.lookup("#page-error").queryLabeled().getText().isEmpty());

        FxToolkit.setupFixture(() -> client.get().close());
        assertThat(closed.await(30, TimeUnit.SECONDS)).as("the gateway stopped").isTrue();
        assertThatThrownBy(() -> health(address)).isInstanceOf(IOException.class);
        assertThat(started.get()).isNotNull();
    }

    private int health(String address) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(address + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
