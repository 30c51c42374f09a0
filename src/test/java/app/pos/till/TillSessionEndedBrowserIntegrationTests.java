package app.pos.till;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.support.Browser;
import app.pos.support.BrowserIntegrationTest;
import app.pos.support.BrowserPage;
import app.pos.support.Products;
import app.pos.support.TestStaff;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A till left open until its session ended: the next tap leads to the login page, and back to the cart. */
@BrowserIntegrationTest
class TillSessionEndedBrowserIntegrationTests {

    @RegisterExtension
    static final BrowserPage browser = new BrowserPage();

    @LocalServerPort
    int port;

    @Autowired
    ProductService products;

    Page page;
    ProductView flatWhite;
    ProductView bagel;

    @BeforeEach
    void logIn() {
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 99_999));
        flatWhite = Products.create(products, "Flat White " + tag, "Coffee", "4.10");
        bagel = Products.create(products, "Bagel " + tag, "Bakery", "2.95");
        page = browser.page();
        Browser.logInAsAdmin(page, url(""), "/pos");
    }

    @Test
    void aTapAfterTheSessionEndedLeadsToTheLoginPageAndBackToTheTillWithTheCartOnOffer() {
        tile(flatWhite).click();
        assertThat(page.locator("#cart .line")).hasCount(1);
        Browser.settle(page);
        tile(flatWhite).click();
        assertThat(page.locator("#cart .line-qty")).hasText("2");
        Browser.settle(page);
        tile(bagel).click();
        assertThat(page.locator("#cart .line")).hasCount(2);
        Browser.settle(page);
        assertThat(page.locator("#restore-cart")).isHidden();

        // The session ends: the browser's cookie is gone (as after a server restart or a timeout).
        page.context().clearCookies();
        tile(bagel).click();
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("#session-ended")).isVisible();
        assertThat(page.locator("#session-ended")).hasText("Your session has ended. Please log in again.");

        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill(TestStaff.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/pos$"));
        assertThat(page.locator("#cart")).containsText("The cart is empty");
        assertThat(page.locator("#restore-cart")).isVisible();
        assertThat(page.locator("#restore-cart")).containsText("2 × " + flatWhite.name());
        Browser.settle(page);

        page.locator("#restore-cart button").click();
        assertThat(page.locator("#restore-cart")).isHidden();
        assertThat(page.locator("#cart .line")).hasCount(2);
        assertThat(page.locator("#cart .line", new Page.LocatorOptions().setHasText(flatWhite.name()))
                        .locator(".line-qty"))
                .hasText("2");
        assertThat(page.locator("#cart-subtotal")).hasText("$11.15");
    }

    private Locator tile(ProductView product) {
        return page.locator("#menu .tile", new Page.LocatorOptions().setHasText(product.name()));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
