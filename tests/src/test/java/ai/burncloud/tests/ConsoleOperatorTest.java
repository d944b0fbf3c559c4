package ai.burncloud.tests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an operator does in the console: keys, channels, and watching the calls arrive. */
class ConsoleOperatorTest extends ConsoleTestBase {

    static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Creates a key on the Tokens page; the full key shown once. */
    static String createKey(Page page, String name) {
        open(page, "Tokens");
        button(page, "New token").click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        button(page, "Create").click();
        Locator key = page.locator("#new-key");
        assertThat(key).hasValue(Pattern.compile("^sk-.{20,}"));
        return key.inputValue();
    }

    /** Presses Tab until the focused element's text is {@code text}; fails after 40 presses. */
    private static void tabTo(Page page, String text) {
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("Tab");
            Object focused = page.evaluate("() => document.activeElement.textContent.trim()");
            if (text.equals(focused)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + text);
    }

    @Test
    void theConsoleWorksFromTheKeyboard() {
        Page page = page();
        page.navigate("/");
        page.getByLabel("Username").focus();
        page.keyboard().type("root");
        page.keyboard().press("Tab");
        page.keyboard().type(ConsoleGateway.ROOT_PASSWORD);
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
        tabTo(page, "Tokens");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tokens")))
                .isFocused();
        tabTo(page, "New token");
        page.keyboard().press("Enter");
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
                .isVisible();
        page.context().close();
    }

    @Test
    void aKeyCreatedInTheConsoleIsShownOnceCopiedAndServesChatCalls() {
        Page page = signedInAsRoot();
        String key = createKey(page, "console-key");
        button(page, "Copy").click();
        assertThat(page.getByText("Copied to the clipboard.")).isVisible();
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(key);
        screenshot(page, "tokens-new-key");

        HttpResponse<String> answer = chat(key, "gpt-4o", false);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Hello! How can I assist you today?");

        // once dismissed, the key is gone from the page: only its prefix is listed
        button(page, "Done").click();
        assertThat(page.locator("#new-key")).hasCount(0);
        assertThat(page.getByRole(AriaRole.TABLE)).containsText(key.substring(0, 6));
        assertThat(page.getByRole(AriaRole.TABLE)).not().containsText(key);
        page.context().close();
    }

    @Test
    void badInputIsAnsweredNextToItsFieldAndNothingIsSaved() {
        Page page = signedInAsRoot();
        open(page, "Tokens");
        assertThat(page.getByRole(AriaRole.TABLE)).isVisible();
        int rows = page.locator("tbody tr").count();
        button(page, "New token").click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("bad-quota");
        page.getByLabel("Quota (USD)").fill("lots");
        button(page, "Create").click();
        Locator quota = page.getByLabel("Quota (USD)");
        assertThat(quota).hasAttribute("aria-invalid", "true");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("quota must be a number");
        assertThat(page.locator("tbody tr")).hasCount(rows);
        screenshot(page, "tokens-bad-input");
        page.context().close();
    }

    @Test
    void theCallAppearsInTheLiveTailAndTheLogWithItsExactCostAndAttemptTrail() {
        Page page = signedInAsRoot();
        String key = createKey(page, "tail-key");
        open(page, "Logs");
        page.getByLabel("Live tail").check();
        assertThat(page.getByText("Live tail: new requests appear at the top.")).isVisible();

        assertThat(chat(key, "gpt-4o", false).statusCode()).isEqualTo(200);
        // 19 prompt tokens at $2.5/M + 10 completion tokens at $10/M = $0.0001475, exactly
        Locator row = page.getByTestId("log-table").locator("tbody tr").first();
        assertThat(row).containsText("$0.0001475");
        assertThat(row).containsText("gpt-4o");
        screenshot(page, "logs-live-tail");

        page.getByLabel("Live tail").uncheck();
        page.getByLabel("Model", new Page.GetByLabelOptions().setExact(true)).fill("gpt-4o");
        button(page, "Apply").click();
        Locator newest = page.getByTestId("log-table").locator("tbody tr").first();
        assertThat(newest).containsText("$0.0001475");
        // the settlement filter: nothing of this call among the interrupted ones, back among the completed
        Locator settlement = page.getByLabel("Settlement", new Page.GetByLabelOptions().setExact(true));
        settlement.selectOption("interrupted");
        button(page, "Apply").click();
        assertThat(page.getByTestId("log-table")
                        .locator("tbody tr")
                        .filter(new Locator.FilterOptions().setHasText("$0.0001475")))
                .hasCount(0);
        settlement.selectOption("completed");
        button(page, "Apply").click();
        assertThat(newest).containsText("$0.0001475");
        newest.getByRole(AriaRole.BUTTON).click();
        Locator detail = page.locator("#log-detail");
        assertThat(detail).containsText("Request details");
        assertThat(detail.getByRole(AriaRole.LISTITEM)).hasText(Pattern.compile("Channel \\d+: 200"));
        assertThat(detail).containsText("Time to first byte");
        screenshot(page, "logs-detail");
        page.context().close();
    }

    @Test
    void aChannelAddedInTheConsolePassesItsTest() {
        Page page = signedInAsRoot();
        open(page, "Channels");
        button(page, "Add channel").click();
        // the API's own refusal, next to the form, and nothing saved
        button(page, "Save").click();
        assertThat(page.getByRole(AriaRole.ALERT).first()).isVisible();
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("console-channel")))
                .hasCount(0);

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("console-channel");
        page.getByLabel("Base URL").fill(gw.upstreamUrl());
        page.getByLabel("API key").fill("sk-upstream-console");
        page.getByLabel("Models", new Page.GetByLabelOptions().setExact(true)).fill("gpt-4o, gpt-4o-mini");
        button(page, "Save").click();
        assertThat(page.getByText("Channel console-channel added.")).isVisible();

        button(page, "Test console-channel").click();
        assertThat(page.getByRole(AriaRole.STATUS)
                        .filter(new Locator.FilterOptions().setHasText("console-channel answered")))
                .isVisible();
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("console-channel"));
        assertThat(row).containsText("OK");
        assertThat(row).containsText("Enabled");
        screenshot(page, "channels-tested");

        // taken out again by hand, so the other tests' traffic has one route
        button(page, "Disable console-channel").click();
        assertThat(row).containsText("Disabled");
        page.context().close();
    }
}
