package app.pos.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium per test class and a fresh 1280×900 page (its own cookies) per test; a test fails when a
 * script opened an alert or confirm dialog, which a cashier would have had to dismiss, and when the page broke the
 * content security policy (an inline script, handler or style the browser refused to run). Register it on a static
 * field: {@code @RegisterExtension static final BrowserPage browser = new BrowserPage();}
 */
public final class BrowserPage implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final AtomicInteger dialogs = new AtomicInteger();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private Browser browser;
    private Page page;

    /** This test's page. */
    public Page page() {
        return page;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = Browser.launch();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        dialogs.set(0);
        refused.clear();
        page = browser.newPage(1280, 900);
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(message.location() + ": " + message.text());
            }
        });
        page.onDialog(dialog -> {
            dialogs.incrementAndGet();
            dialog.dismiss();
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        page.context().close();
        assertThat(dialogs.get()).as("no script ran an alert").isZero();
        assertThat(refused).as("what the content security policy refused").isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
    }
}
