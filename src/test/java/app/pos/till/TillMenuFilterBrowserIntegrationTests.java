package app.pos.till;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.support.Browser;
import app.pos.support.BrowserIntegrationTest;
import app.pos.support.BrowserPage;
import app.pos.support.Products;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The till's menu filter in a real browser: what it hides, what Enter adds, what it says when nothing matches. */
@BrowserIntegrationTest
class TillMenuFilterBrowserIntegrationTests {

    @RegisterExtension
    static final BrowserPage browser = new BrowserPage();

    @LocalServerPort
    int port;

    @Autowired
    ProductService products;

    Page page;
    String tag;
    ProductView flatWhite;
    ProductView latte;
    ProductView mocha;
    ProductView bagel;

    @BeforeEach
    void logIn() {
        tag = "q" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        flatWhite = Products.create(products, "Flat White " + tag, "Coffee", "4.10");
        latte = Products.create(products, "Latte " + tag, "Coffee", "4.20");
        mocha = Products.create(products, "Mocha " + tag, "Coffee", "4.50");
        bagel = Products.create(products, "Bagel " + tag, "Bakery", "2.95");
        page = browser.page();
        Browser.logInAsAdmin(page, "http://localhost:" + port, "/pos");
    }

    @Test
    void typingHidesEveryTileThatDoesNotMatchAndEnterAddsTheFirstVisibleOne() {
        Locator filter = page.locator("#menu-filter");
        filter.fill("lat " + tag);
        assertThat(tile(latte)).isVisible();
        assertThat(tile(flatWhite)).isHidden();
        assertThat(tile(mocha)).isHidden();
        assertThat(tile(bagel)).isHidden();
        assertThat(page.locator("#menu .tile:visible")).hasCount(1);
        assertThat(page.locator("#menu-no-match")).isHidden();

        filter.press("Enter");
        assertThat(page.locator("#cart .line")).hasCount(1);
        assertThat(page.locator("#cart .line")).containsText(latte.name());
    }

    @Test
    void aFilterWithoutMatchSaysSoAndANewSaleClearsIt() {
        Locator filter = page.locator("#menu-filter");
        filter.fill("nothing-like-this " + tag);
        assertThat(page.locator("#menu .tile:visible")).hasCount(0);
        assertThat(page.locator("#menu-no-match")).isVisible();
        assertThat(page.locator("#menu-no-match")).hasText("No product matches this filter.");

        filter.fill("bagel " + tag);
        filter.press("Enter");
        assertThat(page.locator("#cart .line")).containsText(bagel.name());
        Browser.settle(page);
        page.locator("#confirm").click();
        assertThat(page.locator("#receipt")).isVisible();
        Browser.settle(page);
        page.locator("#new-sale").click();
        assertThat(filter).hasValue("");
        assertThat(tile(flatWhite)).isVisible();
        assertThat(tile(bagel)).isVisible();
        assertThat(page.locator("#menu-no-match")).isHidden();
    }

    private Locator tile(ProductView product) {
        return page.locator("#menu .tile", new Page.LocatorOptions().setHasText(product.name()));
    }
}
