package ai.burncloud.tests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.router.testing.FakeUpstream;
import ai.burncloud.router.testing.FakeUpstream.Reply;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's live views across a server restart, with a gateway of its own (the other console
 * tests share one that must not go away): the live tail on Logs and the dashboard's live statistics
 * say they are reconnecting while the gateway is down, come back by themselves when it is up again on
 * the same port and database — no reload — and a request made after the restart appears in the tail.
 */
class ConsoleReconnectTest {
    private static final String ROOT_PASSWORD = "reconnect-root-password";
    private static final String CHAT_ANSWER = "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";
    private static final String TAIL_LIVE = "Live tail: new requests appear at the top.";
    private static final String TAIL_RECONNECTING = "Live tail interrupted; reconnecting…";
    private static final String STATS_LIVE = "Live: updated every second.";
    private static final String STATS_RECONNECTING = "Live statistics interrupted; reconnecting…";

    @TempDir
    Path dir;

    @Test
    void liveViewsSayTheyAreReconnectingAndComeBackAfterARestartWithoutAReload() throws Exception {
        Map<String, String> env = Map.of("BURNCLOUD_ROOT_PASSWORD", ROOT_PASSWORD);
        List<String> jvm = List.of("-Xmx256m");
        try (FakeUpstream up = FakeUpstream.start();
                Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(ConsoleTestBase.CHROMIUM)
                                .setHeadless(true)
                                .setArgs(ConsoleTestBase.FLAGS))) {
            up.otherwise(r -> Reply.json(200, CHAT_ANSWER));
            GatewayProcess first = GatewayProcess.startIn(dir, env, jvm, 0);
            int port = first.port();
            String key;
            try {
                GatewayAdmin admin = GatewayAdmin.signIn(first.baseUrl(), "root", ROOT_PASSWORD);
                admin.addChannel("fake", "openai", up.baseUrl() + "/v1", "sk-up", List.of("gpt-4o"), 0, Map.of(), null);
                admin.price("gpt-4o", "1", "1");
                key = admin.createKey("after-restart");
            } catch (RuntimeException | AssertionError e) {
                first.close();
                throw e;
            }

            BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setBaseURL(first.baseUrl())
                    .setLocale("en-US")
                    .setViewportSize(1366, 860));
            context.setDefaultTimeout(10_000);
            Page logs = context.newPage();
            ConsoleTestBase.signIn(logs, "root", ROOT_PASSWORD);
            Page dashboard = context.newPage();
            dashboard.navigate("/");
            assertThat(dashboard.getByText(STATS_LIVE)).isVisible();
            ConsoleTestBase.open(logs, "Logs");
            logs.getByLabel("Live tail").check();
            assertThat(logs.getByText(TAIL_LIVE)).isVisible();
            // a reload would lose this
            logs.evaluate("() => { window.sameDocument = true; }");
            dashboard.evaluate("() => { window.sameDocument = true; }");

            first.terminate();
            assertThat(logs.getByText(TAIL_RECONNECTING)).isVisible();
            assertThat(dashboard.getByText(STATS_RECONNECTING)).isVisible();
            ConsoleTestBase.screenshot(logs, "logs-live-reconnecting");
            ConsoleTestBase.screenshot(dashboard, "dashboard-live-reconnecting");

            try (GatewayProcess second = GatewayProcess.startIn(dir, env, jvm, port)) {
                // back-off: 1 s doubling while the server was down, plus the browser's own retry
                LocatorAssertions.IsVisibleOptions back = new LocatorAssertions.IsVisibleOptions().setTimeout(45_000);
                assertThat(logs.getByText(TAIL_LIVE)).isVisible(back);
                assertThat(dashboard.getByText(STATS_LIVE)).isVisible(back);
                assertThat((Boolean) logs.evaluate("() => window.sameDocument === true"))
                        .isTrue();
                assertThat((Boolean) dashboard.evaluate("() => window.sameDocument === true"))
                        .isTrue();

                String requestId = chat(second.baseUrl(), key);
                assertThat(logs.getByRole(
                                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Details of " + requestId)))
                        .isVisible();
                ConsoleTestBase.screenshot(logs, "logs-live-after-restart");
            } finally {
                context.close();
            }
        }
    }

    /** A chat call after the restart; its request id. */
    private static String chat(String baseUrl, String key) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/v1/chat/completions"))
                                .header("authorization", "Bearer " + key)
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.headers().firstValue("x-request-id").orElseThrow();
    }
}
