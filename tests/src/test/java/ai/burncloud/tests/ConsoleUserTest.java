package ai.burncloud.tests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.burncloud.common.Json;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plain user sees their own data only, and no administrator's pages; Chinese and dark work throughout. */
class ConsoleUserTest extends ConsoleTestBase {

    private static Locator navLinks(Page page) {
        return page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK);
    }

    @Test
    void aPlainUserSeesOnlyTheirOwnDataAndNoAdminPages() {
        String root = accessToken("root", ConsoleGateway.ROOT_PASSWORD);
        api("POST", "/api/users", "{\"username\":\"viewer\",\"password\":\"viewer-password\",\"balance\":5}", root);
        String viewerKey = Json.parse(api("POST", "/api/tokens", "{\"name\":\"viewer-app\",\"user\":\"viewer\"}", root))
                .path("key")
                .asText();
        String rootKey = Json.parse(api("POST", "/api/tokens", "{\"name\":\"not-the-viewers\"}", root))
                .path("key")
                .asText();
        gw.gateway().sync();
        assertThat(chat(viewerKey, "gpt-4o", false).statusCode()).isEqualTo(200);
        assertThat(chat(rootKey, "gpt-4o-mini", false).statusCode()).isEqualTo(200);
        gw.gateway().logs();

        Page page = page();
        signIn(page, "viewer", "viewer-password");
        assertThat(navLinks(page))
                .hasText(new String[] {"Dashboard", "Tokens", "Prices", "Logs", "Playground", "Settings"});
        assertAccessible(page, "the user's dashboard");

        // an administrator's page by its address: back to the dashboard
        page.navigate("/channels");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
        page.navigate("/users");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();

        open(page, "Tokens");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("viewer-app");
        assertThat(page.getByRole(AriaRole.TABLE)).not().containsText("not-the-viewers");

        open(page, "Logs");
        Locator rows = page.getByTestId("log-table").locator("tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows).containsText("gpt-4o");
        assertThat(page.getByLabel("Channel ID")).hasCount(0);
        rows.getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator("#log-detail")).not().containsText("Attempts");
        assertAccessible(page, "the user's logs");
        screenshot(page, "logs-user");

        open(page, "Settings");
        assertThat(page.getByTestId("balance")).hasText("$4.9998525");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Runtime options")))
                .hasCount(0);
        page.context().close();
    }

    @Test
    void chineseAndTheDarkThemeRenderCompletelyAndPersist() {
        Page page = page("en-US", ColorScheme.LIGHT);
        signIn(page, "root", ConsoleGateway.ROOT_PASSWORD);
        page.getByLabel("Language").selectOption("zh");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("仪表盘")))
                .isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        page.getByLabel("主题").selectOption("dark");
        assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
        assertThat(page.locator("body")).hasCSS("background-color", "rgb(20, 20, 20)");

        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("仪表盘")))
                .isVisible();
        assertThat(page.locator("html")).hasAttribute("data-theme", "dark");

        List<String[]> pages = List.of(
                new String[] {"仪表盘", "dashboard"},
                new String[] {"渠道", "channels"},
                new String[] {"令牌", "tokens"},
                new String[] {"用户", "users"},
                new String[] {"价格", "prices"},
                new String[] {"日志", "logs"},
                new String[] {"操练场", "playground"},
                new String[] {"设置", "settings"});
        for (String[] p : pages) {
            open(page, p[0]);
            page.waitForTimeout(300);
            // no key without a translation, no English words of the interface
            assertThat(page.locator("body")).not().containsText("⟦");
            for (String english : List.of("Actions", "Status", "Save", "Name", "Nothing here")) {
                assertThat(page.getByRole(AriaRole.MAIN)).not().containsText(english);
            }
            screenshot(page, p[1] + "-zh-dark");
        }
        page.context().close();
    }
}
