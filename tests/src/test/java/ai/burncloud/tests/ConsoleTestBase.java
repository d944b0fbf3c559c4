package ai.burncloud.tests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web console in Debian's Chromium, driven by Playwright, against the run's shared gateway: one
 * browser per test class, a fresh context (cookies, storage) per page.
 */
@ExtendWith(ConsoleGateway.Shared.class)
abstract class ConsoleTestBase {
    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", ".")).resolve("target/screenshots");
    /** Debian's Chromium; no browser is ever downloaded. */
    static final Path CHROMIUM = Path.of(System.getProperty("burncloud.chromium", "/usr/bin/chromium"));

    static final List<String> FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage");

    static ConsoleGateway gw;
    static Playwright playwright;
    static Browser browser;
    static final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void openBrowser(ConsoleGateway gateway) {
        gw = gateway;
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(FLAGS));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A page in a fresh context: English, light unless asked, a laptop-sized window. */
    static Page page(String locale, ColorScheme scheme) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(gw.baseUrl())
                .setLocale(locale)
                .setColorScheme(scheme)
                .setViewportSize(1366, 860));
        context.setDefaultTimeout(10_000);
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        Page page = context.newPage();
        // the browser's own complaints go to the test's output, for whoever reads a failure
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) || "warning".equals(m.type())) {
                System.out.println("browser " + m.type() + ": " + m.text());
            }
        });
        page.onPageError(e -> System.out.println("page error: " + e));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                System.out.println(
                        "browser got " + r.status() + " for " + r.request().method() + " " + r.url());
            }
        });
        return page;
    }

    static Page page() {
        return page("en-US", ColorScheme.LIGHT);
    }

    static void signIn(Page page, String username, String password) {
        page.navigate("/");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
    }

    static Page signedInAsRoot() {
        Page page = page();
        signIn(page, "root", ConsoleGateway.ROOT_PASSWORD);
        return page;
    }

    /** Follows a navigation entry and waits for the page's heading. */
    static void open(Page page, String name) {
        page.getByRole(AriaRole.NAVIGATION)
                .getByRole(
                        AriaRole.LINK,
                        new com.microsoft.playwright.Locator.GetByRoleOptions()
                                .setName(name)
                                .setExact(true))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(1)))
                .isVisible();
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /** axe-core on the page as it is now: no serious or critical WCAG 2 A/AA violation. */
    static void assertAccessible(Page page, String what) {
        assertNoSeriousViolations(
                new AxeBuilder(page)
                        .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                        .analyze(),
                what);
    }

    /** axe-core's colour-contrast rule alone (what a second theme changes). */
    static void assertContrast(Page page, String what) {
        assertNoSeriousViolations(
                new AxeBuilder(page).withRules(List.of("color-contrast")).analyze(), what);
    }

    private static void assertNoSeriousViolations(AxeResults results, String what) {
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertThat(bad)
                .as(
                        "axe on %s: %s",
                        what,
                        bad.stream()
                                .map(v -> v.getId() + " " + v.getHelp() + " at "
                                        + v.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .collect(Collectors.joining("; ")))
                                .collect(Collectors.joining(" | ")))
                .isEmpty();
    }

    /** A control-plane call with an access token; the answer's body (fails on an error status). */
    static String api(String method, String path, String body, String accessToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gw.baseUrl() + path))
                .header("authorization", "Bearer " + accessToken)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("content-type", "application/json");
        }
        HttpResponse<String> r = send(b.build());
        assertThat(r.statusCode())
                .as("%s %s answered %s", method, path, r.body())
                .isLessThan(300);
        return r.body();
    }

    /** Logs in through the API; the access token. */
    static String accessToken(String username, String password) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/api/auth/login"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build());
        assertThat(r.statusCode()).isEqualTo(200);
        return ai.burncloud.common.Json.parse(r.body()).path("access_token").asText();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A chat call as any client makes it, with a data-plane key; the answer's body. */
    static HttpResponse<String> chat(String key, String model, boolean stream) {
        String body = "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
        return send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                .header("authorization", "Bearer " + key)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
