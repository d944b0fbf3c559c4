package ai.burncloud.tests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every page of the console, as root, in light and in dark: it renders its heading, passes axe
 * with no serious or critical violation, and is photographed (the pictures in docs/console.md).
 */
class ConsolePagesTest extends ConsoleTestBase {
    static final List<String> PAGES =
            List.of("Dashboard", "Channels", "Tokens", "Users", "Prices", "Logs", "Playground", "Settings");

    @Test
    void theSignInPageIsAccessibleInBothThemes() {
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            Page page = page("en-US", scheme);
            page.navigate("/");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in")))
                    .isVisible();
            assertAccessible(page, "sign-in, " + scheme);
            screenshot(page, "signin-" + name(scheme));
            page.context().close();
        }
    }

    @Test
    void theFirstLoadTransfersUnder300Kilobytes() {
        Page page = page();
        page.navigate("/");
        assertThat(page.getByLabel("Username")).isVisible();
        // taken as soon as the form shows: after NETWORKIDLE it would include that state's 500 ms of quiet
        Object interactive = page.evaluate("() => Math.round(performance.now())");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        // what the browser fetched, compressed, headers included: the page, every module, the CSS
        Number bytes = (Number) page.evaluate("() => performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource'))"
                + ".reduce((sum, e) => sum + e.transferSize, 0)");
        Number modules = (Number) page.evaluate(
                "() => performance.getEntriesByType('resource').filter(e => e.name.endsWith('.js')).length");
        System.out.println(
                "first load: " + bytes + " bytes, " + modules + " modules, sign-in form after " + interactive + " ms");
        assertThat(modules.intValue())
                .as("every page's module came with the first load")
                .isGreaterThan(15);
        assertThat(bytes.longValue()).isPositive().isLessThan(300 * 1024);
        page.context().close();
    }

    @Test
    void theAccessibilityCheckFindsAProblemWhenThereIsOne() {
        Page page = page();
        page.navigate("/");
        assertThat(page.getByLabel("Username")).isVisible();
        // faint text and an image without a text alternative
        page.evaluate("() => { const p = document.createElement('p'); p.textContent = 'faint';"
                + " p.style.color = '#f4f4f4'; document.querySelector('form').append(p);"
                + " const i = document.createElement('img'); i.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';"
                + " document.querySelector('form').append(i); }");
        assertThatThrownBy(() -> assertAccessible(page, "a spoiled page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt");
        assertThatThrownBy(() -> assertContrast(page, "a spoiled page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("color-contrast");
        page.context().close();
    }

    @Test
    void everyPageRendersAndIsAccessibleInLightAndDark() {
        // something in the log and the charts, so tables and charts are not empty
        String key = gw.gateway().token();
        gw.gateway().sync();
        chat(key, "gpt-4o", false);
        chat(key, "gpt-4o-mini", true);
        gw.gateway().logs();

        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            Page page = page("en-US", scheme);
            signIn(page, "root", ConsoleGateway.ROOT_PASSWORD);
            for (String name : PAGES) {
                open(page, name);
                page.waitForLoadState();
                page.waitForTimeout(400); // charts and tables settle
                assertThat(page.locator("text=⟦").count())
                        .as("untranslated keys on " + name)
                        .isZero();
                assertAccessible(page, name + ", " + scheme);
                screenshot(page, name.toLowerCase() + "-" + name(scheme));
            }
            page.context().close();
        }
    }

    private static String name(ColorScheme scheme) {
        return scheme == ColorScheme.DARK ? "dark" : "light";
    }
}
