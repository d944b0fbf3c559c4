package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.client.DesktopClient;
import ai.burncloud.client.LaunchOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** A server that goes away while the window is open: a banner says so, in words, and retries. */
class DesktopLostServerTest {
    private final FxRobot robot = new FxRobot();

    @TempDir
    Path configDir;

    @Test
    void whenTheServerStopsABannerSaysItIsLostAndRetrying() throws Exception {
        Stage stage = HeadlessFx.primaryStage();
        AtomicReference<DesktopClient> client = new AtomicReference<>();
        try (RunningGateway gw = RunningGateway.start(Map.of("BURNCLOUD_ROOT_PASSWORD", "lost-server-password"))) {
            String token = login(gw.baseUrl());
            LaunchOptions options = new LaunchOptions(
                    Optional.of(gw.baseUrl()),
                    "http://127.0.0.1:1",
                    () -> {
                        throw new AssertionError("a remote server must not start a local gateway");
                    },
                    Map.of(LaunchOptions.TOKEN_VARIABLE, token),
                    configDir);
            FxToolkit.setupFixture(() -> {
                client.set(new DesktopClient(stage, options, false, () -> {}));
                client.get().open();
            });
            HeadlessFx.await(
                    20,
                    "the dashboard",
                    () -> robot.lookup("#tile-rpm").tryQuery().isPresent());
            assertThat(HeadlessFx.onFx(() -> robot.lookup("#banner").query().isVisible()))
                    .isFalse();
        }
        try {
            HeadlessFx.await(30, "the lost-server banner", () -> {
                Node banner = robot.lookup("#banner").query();
                return banner.isVisible();
            });
            assertThat(HeadlessFx.onFx(
                            () -> robot.lookup("#banner-text").queryLabeled().getText()))
                    .startsWith("Lost the server: cannot reach")
                    .endsWith("Retrying…");
        } finally {
            FxToolkit.setupFixture(() -> client.get().close());
        }
    }

    private static String login(String server) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server + "/api/auth/login"))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"root\",\"password\":\"lost-server-password\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return ai.burncloud.common.Json.parse(r.body()).path("access_token").asText();
    }
}
