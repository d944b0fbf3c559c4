package ai.burncloud.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.client.DesktopClient;
import ai.burncloud.client.LaunchOptions;
import ai.burncloud.database.ChannelStatus;
import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The desktop client against a real gateway (SQLite, a fake upstream) started here: signing in,
 * live charts while requests flow, a token made in the client that works on /v1/chat/completions,
 * a channel disabled in the client that the server has disabled, the Chinese texts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DesktopClientTest {
    private static final String ROOT_PASSWORD = "desktop-root-password";
    private static final String COMPLETION = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Hello!\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":30,\"total_tokens\":42}}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final FxRobot robot = new FxRobot();
    private FakeUpstream upstream;
    private RunningGateway gw;
    private long channelId;
    private String cliKey;
    private Stage stage;
    private DesktopClient client;

    @TempDir
    Path configDir;

    @BeforeAll
    void start() throws Exception {
        upstream = FakeUpstream.start();
        upstream.always(Reply.json(200, COMPLETION));
        gw = RunningGateway.start(Map.of("BURNCLOUD_ROOT_PASSWORD", ROOT_PASSWORD));
        channelId = gw.addChannel("fake-openai", "openai", upstream.baseUrl() + "/v1", List.of("gpt-4o-mini"), null);
        gw.price("gpt-4o-mini", "0.15", "0.6");
        cliKey = gw.token();
        gw.sync();
        stage = HeadlessFx.primaryStage();
    }

    @AfterAll
    void stop() {
        gw.close();
        upstream.close();
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (client != null) {
            FxToolkit.setupFixture(() -> client.close());
            client = null;
        }
    }

    private void open(Map<String, String> env) throws Exception {
        LaunchOptions options = new LaunchOptions(
                Optional.of(gw.baseUrl()),
                "http://127.0.0.1:1",
                () -> {
                    throw new AssertionError("a remote server must not start a local gateway");
                },
                env,
                configDir);
        CountDownLatch closed = new CountDownLatch(1);
        FxToolkit.setupFixture(() -> {
            client = new DesktopClient(stage, options, false, closed::countDown);
            client.open();
        });
    }

    private void signIn() throws Exception {
        open(Map.of());
        HeadlessFx.await(
                20,
                "the sign-in form",
                () -> robot.lookup("#signin-password").tryQuery().isPresent());
        robot.clickOn("#signin-password").write(ROOT_PASSWORD);
        robot.clickOn("#signin-submit");
        HeadlessFx.await(
                20,
                "the dashboard",
                () -> robot.lookup("#nav-dashboard").tryQuery().isPresent());
    }

    @Test
    void signsInWithAPasswordAndRemembersTheServerAndTokenButNeverThePassword() throws Exception {
        signIn();
        String status = HeadlessFx.onFx(
                () -> robot.lookup("#status-text").queryLabeled().getText());
        assertThat(status).contains(gw.baseUrl()).contains("root");
        String remembered = Files.readString(configDir.resolve("client.properties"));
        assertThat(remembered)
                .contains("server=" + gw.baseUrl().replace(":", "\\:"))
                .contains("access_token=bcs-")
                .doesNotContain(ROOT_PASSWORD);
    }

    @Test
    void aWrongPasswordIsRefusedInWords() throws Exception {
        open(Map.of());
        HeadlessFx.await(
                20,
                "the sign-in form",
                () -> robot.lookup("#signin-password").tryQuery().isPresent());
        robot.clickOn("#signin-password").write("not-the-password");
        robot.clickOn("#signin-submit");
        HeadlessFx.await(
                20,
                "the error",
                () -> !robot.lookup("#signin-error").queryLabeled().getText().isEmpty());
        assertThat(HeadlessFx.onFx(
                        () -> robot.lookup("#signin-error").queryLabeled().getText()))
                .isEqualTo("invalid username or password");
    }

    @Test
    void theDashboardChartsReceivePointsWhileRequestsFlow() throws Exception {
        signIn();
        AtomicBoolean flowing = new AtomicBoolean(true);
        Thread traffic = new Thread(() -> {
            while (flowing.get()) {
                try {
                    chat(cliKey);
                    Thread.sleep(50);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        traffic.start();
        try {
            HeadlessFx.await(
                    30,
                    "requests on the RPM chart and tile",
                    () -> maxY("#chart-rpm") > 0
                            && !robot.lookup("#tile-rpm")
                                    .queryLabeled()
                                    .getText()
                                    .equals("0"));
            HeadlessFx.await(
                    30, "tokens on the token chart", () -> maxY("#chart-tokens") > 0 && maxY("#chart-tps") > 0);
            HeadlessFx.await(30, "spend on the cost chart", () -> maxY("#chart-cost") > 0);
        } finally {
            flowing.set(false);
            traffic.join();
        }
        assertThat(HeadlessFx.onFx(
                        () -> robot.lookup("#tile-spend").queryLabeled().getText()))
                .startsWith("$")
                .isNotEqualTo("$0.00");
    }

    @Test
    void aTokenCreatedInTheClientWorksOnChatCompletions() throws Exception {
        open(Map.of(LaunchOptions.TOKEN_VARIABLE, login()));
        HeadlessFx.await(
                20,
                "the dashboard",
                () -> robot.lookup("#nav-tokens").tryQuery().isPresent());
        robot.clickOn("#nav-tokens");
        robot.clickOn("#token-name").write("made-in-the-client");
        robot.clickOn("#token-create");
        HeadlessFx.await(
                20,
                "the new key",
                () -> robot.lookup("#token-key")
                        .queryAs(TextField.class)
                        .getText()
                        .startsWith("sk-"));
        String key = HeadlessFx.onFx(
                () -> robot.lookup("#token-key").queryAs(TextField.class).getText());
        gw.sync();
        HttpResponse<String> answer = chat(key);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Hello!");
        HeadlessFx.await(
                10,
                "the token in the table",
                () -> robot.lookup("#tokens-table").queryTableView().getItems().size() >= 2);
    }

    @Test
    void aChannelDisabledInTheClientIsDisabledOnTheServer() throws Exception {
        open(Map.of(LaunchOptions.TOKEN_VARIABLE, login()));
        HeadlessFx.await(
                20,
                "the dashboard",
                () -> robot.lookup("#nav-channels").tryQuery().isPresent());
        robot.clickOn("#nav-channels");
        HeadlessFx.await(
                20,
                "the channel row",
                () -> robot.lookup("#channel-toggle-" + channelId).tryQuery().isPresent());
        try {
            robot.clickOn("#channel-toggle-" + channelId);
            HeadlessFx.await(20, "the server to disable the channel", () -> channelStatus() == ChannelStatus.DISABLED);
            HeadlessFx.await(
                    10,
                    "the row to say so",
                    () -> robot.lookup("#page-message").queryLabeled().getText().contains("fake-openai"));
        } finally {
            new ai.burncloud.service.ChannelAdmin(gw.app().repositories()).enable(channelId);
            gw.sync();
        }
    }

    @Test
    void everyPageReadsInChineseWithNoMissingText() throws Exception {
        open(Map.of(LaunchOptions.TOKEN_VARIABLE, login()));
        HeadlessFx.await(
                20,
                "the dashboard",
                () -> robot.lookup("#nav-settings").tryQuery().isPresent());
        robot.clickOn("#nav-settings");
        robot.clickOn("#language-zh");
        HeadlessFx.await(
                10,
                "the Chinese rail",
                () -> robot.lookup("#nav-dashboard").queryLabeled().getText().equals("仪表盘"));
        for (String page : List.of("dashboard", "channels", "tokens", "logs", "prices", "settings")) {
            robot.clickOn("#nav-" + page);
            List<String> texts = HeadlessFx.onFx(this::visibleTexts);
            assertThat(texts).as("texts of the %s page", page).noneMatch(t -> t.matches("(?s).*![a-zA-Z.]+!.*"));
        }
        assertThat(HeadlessFx.onFx(
                        () -> robot.lookup("#status-text").queryLabeled().getText()))
                .contains("已连接");
        robot.clickOn("#language-en");
        HeadlessFx.await(
                10,
                "English again",
                () -> robot.lookup("#nav-dashboard").queryLabeled().getText().equals("Dashboard"));
    }

    private List<String> visibleTexts() {
        List<String> out = new java.util.ArrayList<>();
        for (Node n : robot.lookup(".labeled").queryAll()) {
            if (n instanceof Labeled l && l.getText() != null) {
                out.add(l.getText());
            }
        }
        for (Node n : robot.lookup(".table-view").queryAll()) {
            ((TableView<?>) n).getColumns().forEach(c -> out.add(c.getText()));
        }
        return out;
    }

    private double maxY(String chart) {
        LineChart<?, ?> c = robot.lookup(chart).queryAs(LineChart.class);
        return c.getData().get(0).getData().stream()
                .mapToDouble(d -> ((Number) d.getYValue()).doubleValue())
                .max()
                .orElse(0);
    }

    private ChannelStatus channelStatus() {
        return gw.app()
                .repositories()
                .channels()
                .findById(channelId)
                .orElseThrow()
                .status();
    }

    /** A console access token, as a wallboard would get it into BURNCLOUD_ACCESS_TOKEN. */
    private String login() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/api/auth/login"))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"root\",\"password\":\"" + ROOT_PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return ai.burncloud.common.Json.parse(r.body()).path("access_token").asText();
    }

    private HttpResponse<String> chat(String key) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                        .header("authorization", "Bearer " + key)
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
