package ai.burncloud.tests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live views: the dashboard's strip chart and tiles, and a streamed answer in the playground. */
class ConsoleLiveTest extends ConsoleTestBase {

    @Test
    void theDashboardChartMovesWhileRequestsFlow() throws Exception {
        Page page = signedInAsRoot();
        assertThat(page.getByText("Live: updated every second.")).isVisible();
        Locator strip = page.getByTestId("strip-rps");
        int before = Integer.parseInt(strip.getAttribute("data-points"));

        String key = gw.gateway().token();
        gw.gateway().sync();
        ExecutorService traffic = Executors.newSingleThreadExecutor();
        Future<?> flowing = traffic.submit(() -> {
            for (int i = 0; i < 30; i++) {
                assertThat(chat(key, "gpt-4o", false).statusCode()).isEqualTo(200);
                Thread.sleep(100);
            }
            return null;
        });
        try {
            // a second with requests in it reaches the strip chart and the tiles
            page.waitForFunction(
                    "() => Number(document.querySelector('[data-testid=strip-rps]').dataset.last) > 0",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(15_000));
            assertThat(Integer.parseInt(strip.getAttribute("data-points"))).isGreaterThan(before);
            assertThat(page.getByTestId("tile-rps").locator(".tile-value"))
                    .not()
                    .hasText("0");
            screenshot(page, "dashboard-live");
        } finally {
            flowing.get(30, TimeUnit.SECONDS);
            traffic.shutdown();
        }
        // the minute's requests reach the requests-per-minute tile
        page.waitForFunction(
                "() => Number(document.querySelector('[data-testid=tile-rpm] .tile-value').textContent.replace(/,/g, '')) >= 30",
                null,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        page.context().close();
    }

    @Test
    void thePlaygroundStreamsAReplyWithTheCallersKeyAndShowsItsCost() {
        Page page = signedInAsRoot();
        ConsoleOperatorTest.createKey(page, "playground-key");
        open(page, "Playground");
        assertThat(page.getByLabel("API key")).containsText("playground-key");
        page.getByLabel("Model", new Page.GetByLabelOptions().setExact(true)).fill("gpt-4o");
        page.getByLabel("Message").fill("What is the weather in San Francisco?");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Send").setExact(true))
                .click();
        // part of the answer is on screen while the rest is still coming
        page.waitForFunction(
                "() => { const a = document.querySelector('[data-testid=answer]');"
                        + " return a.getAttribute('aria-busy') === 'true' && a.textContent.length > 0; }",
                null,
                new Page.WaitForFunctionOptions().setPollingInterval(10));
        Locator answer = page.getByTestId("answer");
        assertThat(answer)
                .hasText("I'm unable to provide real-time weather updates. To get the current weather in San Francisco,"
                        + " I recommend checking a reliable weather website or a weather app.");
        assertThat(answer).hasAttribute("aria-busy", "false");
        // 14 prompt tokens at $2.5/M + 30 completion tokens at $10/M, from the request log
        assertThat(page.getByTestId("cost")).hasText("$0.000335");
        page.getByText("Raw response").click();
        assertThat(page.locator("pre").last()).containsText("data: [DONE]");
        screenshot(page, "playground-answer");
        page.context().close();
    }
}
