package app.pos.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One headless Chromium per test class, launched from Debian's package (Playwright never downloads a browser
 * here). Screenshots go to target/screenshots for reviewers.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(RequiresChromium.executable())
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    public static Browser launch() {
        return new Browser();
    }

    /** A fresh browser context (its own cookies, so its own session and cart) with one page. */
    public Page newPage(int width, int height) {
        Page page = browser.newContext(
                        new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height))
                .newPage();
        page.setDefaultTimeout(10_000);
        return page;
    }

    /**
     * Opens {@code path} (a plain path such as "/pos") on the app at {@code baseUrl}, logs in on the login page it is sent to, and waits until
     * the page it lands on is loaded and htmx is idle.
     */
    public static void logIn(Page page, String baseUrl, String path, String username, String password) {
        page.navigate(baseUrl + path);
        assertThat(page).hasURL(baseUrl + "/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        // Spring Security sends the user back to where they were going, with "?continue" appended
        assertThat(page).hasURL(Pattern.compile(".*" + path + "(\\?continue)?$"));
        page.waitForLoadState(LoadState.LOAD);
        settle(page);
    }

    /** {@link #logIn} as the test profile's first ADMIN. */
    public static void logInAsAdmin(Page page, String baseUrl, String path) {
        logIn(page, baseUrl, path, "admin", TestStaff.ADMIN_PASSWORD);
    }

    /**
     * Waits until htmx has finished swapping and processing new content. A real cashier is never faster than
     * htmx's 20 ms settle, but a test robot is: clicking a freshly swapped button before htmx wired it up
     * would do nothing.
     */
    public static void settle(Page page) {
        // no request, swap or settle under way, and every busy indicator faded out (mid-fade it fails contrast)
        page.waitForFunction(
                "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')"
                        + " && Array.from(document.querySelectorAll('.htmx-indicator'))"
                        + ".every(e => getComputedStyle(e).opacity === '0')");
    }

    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
