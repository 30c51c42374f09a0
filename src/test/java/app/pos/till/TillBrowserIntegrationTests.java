package app.pos.till;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.shared.CustomerDetails;
import app.pos.support.Browser;
import app.pos.support.BrowserIntegrationTest;
import app.pos.support.BrowserPage;
import app.pos.support.Customers;
import app.pos.support.Fixtures;
import app.pos.support.Products;
import app.pos.support.Sales;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cashier screen in a real headless Chromium against the running app on PostgreSQL. */
@BrowserIntegrationTest
class TillBrowserIntegrationTests {

    @RegisterExtension
    static final BrowserPage browser = new BrowserPage();

    @LocalServerPort
    int port;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    @Autowired
    JdbcClient jdbc;

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
    void aCashierSellsToAnExistingCustomerFoundByTheLastFourDigits() {
        CustomerView ada =
                customers.create(new CustomerDetails("Ada Browser", Fixtures.uniquePhone(), null, "7 Test Lane"));
        Browser.screenshot(page, "till-empty");

        tile(flatWhite).click();
        assertThat(page.locator("#cart .line")).hasCount(1);
        tile(flatWhite).click();
        tile(bagel).click();
        assertThat(page.locator("#cart-subtotal")).hasText("$11.15");
        assertThat(page.locator("#cart-total")).hasText("$12.04");

        Locator search = page.locator("#customer-search");
        search.fill(ada.phone().substring(ada.phone().length() - 4));
        assertThat(page.locator("#customer-results .result").first()).containsText("Ada Browser");
        assertThat(page.locator("#customer-results")).not().containsText(ada.phone());
        settle();
        search.press("Enter");
        assertThat(page.locator("#customer-preview .customer-name")).hasText("Ada Browser");
        assertThat(page.locator("#customer-preview .customer-phone")).hasText(Fixtures.national(ada.phone()));
        Browser.screenshot(page, "till-cart-with-customer");

        page.locator("label.choice", new Page.LocatorOptions().setHasText("Takeaway"))
                .click();
        page.locator("#confirm").click();
        assertThat(page.locator("#receipt-total")).hasText("$12.04");
        assertThat(page.locator("#receipt-customer")).hasText("Ada Browser");
        assertThat(page.locator("#receipt-number")).containsText("#");
        settle();
        Browser.screenshot(page, "till-receipt");

        // The print button works from pos.js (the content security policy refuses an inline onclick).
        page.evaluate("() => { window.printed = 0; window.print = () => window.printed++; }");
        page.locator("#receipt")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Print"))
                .click();
        Assertions.assertThat(page.evaluate("() => window.printed")).isEqualTo(1);

        CustomerView after = customers.get(ada.id());
        Assertions.assertThat(after.visitCount()).isEqualTo(ada.visitCount() + 1);
        Assertions.assertThat(after.totalSpent())
                .isEqualByComparingTo(ada.totalSpent().add(new BigDecimal("12.04")));

        page.locator("#new-sale").click();
        assertThat(page.locator("#cart")).containsText("The cart is empty");
        assertThat(page.locator("#customer-search")).isVisible();
    }

    @Test
    void anInlineCustomerWithABadPhoneShowsTheErrorThenAGoodOneIsCreatedAndSelected() {
        String name = "Inline " + UUID.randomUUID().toString().substring(0, 6);
        page.locator("#customer-search").fill(name);
        settle();
        page.locator(".create-customer").click();
        assertThat(page.locator("#nc-name")).hasValue(name);
        settle();
        page.locator("#nc-phone").fill("12");
        page.locator("#customer-form button[type=submit]").click();
        assertThat(page.locator("#customer-form .field-error[data-field=phone]"))
                .isVisible();
        settle();

        String phone = Fixtures.uniquePhone();
        page.locator("#nc-phone").fill(phone);
        page.locator("#customer-form button[type=submit]").click();
        assertThat(page.locator("#customer-preview .customer-name")).hasText(name);
        assertThat(page.locator("#customer-preview .customer-phone")).hasText(phone);
    }

    @Test
    void creatingACustomerWithAnExistingPhoneOffersTheExistingCustomer() {
        String phone = Fixtures.uniquePhone();
        CustomerView existing = customers.create(new CustomerDetails("Existing Erin", phone, null, null));
        page.locator("#customer-search").fill("Erin Duplicate");
        settle();
        page.locator(".create-customer").click();
        assertThat(page.locator("#nc-phone")).isVisible();
        settle();
        page.locator("#nc-phone").fill("+1 " + phone.replaceAll("[^0-9]", ""));
        page.locator("#customer-form button[type=submit]").click();
        assertThat(page.locator("#customer-form .existing")).containsText("Existing Erin");
        settle();
        page.locator("#customer-form .use-existing").click();
        assertThat(page.locator("#customer-preview .customer-name")).hasText("Existing Erin");
        Assertions.assertThat(customers.search(phone, 50))
                .extracting(CustomerView::id)
                .containsExactly(existing.id());
    }

    @Test
    void aDeliveryOrderPrefillsTheCustomersAddress() {
        CustomerView dora = customers.create(
                new CustomerDetails("Delivery Dora", Fixtures.uniquePhone(), null, "42 Wallaby Way, Sydney"));
        tile(bagel).click();
        page.locator("#customer-search")
                .fill(dora.phone().substring(dora.phone().length() - 4));
        assertThat(page.locator("#customer-results")).containsText("Delivery Dora");
        settle();
        page.locator("#customer-results .result", new Page.LocatorOptions().setHasText("Delivery Dora"))
                .click();
        assertThat(page.locator("#customer-preview")).containsText("Delivery Dora");
        settle();
        page.locator("label.choice", new Page.LocatorOptions().setHasText("Delivery"))
                .click();
        assertThat(page.locator("#delivery-address")).isVisible();
        assertThat(page.locator("#delivery-address")).hasValue("42 Wallaby Way, Sydney");
        page.locator("#confirm").click();
        assertThat(page.locator("#receipt")).containsText("42 Wallaby Way, Sydney");
    }

    @Test
    void doubleClickingConfirmMakesOneOrder() {
        CustomerView dan = Customers.withPhone(customers, "Double Dan");
        tile(flatWhite).click();
        assertThat(page.locator("#cart .line")).hasCount(1);
        page.locator("#customer-search").fill(dan.phone().substring(dan.phone().length() - 4));
        assertThat(page.locator("#customer-results")).containsText("Double Dan");
        settle();
        page.locator("#customer-results .result", new Page.LocatorOptions().setHasText("Double Dan"))
                .click();
        assertThat(page.locator("#customer-preview")).containsText("Double Dan");
        settle();
        page.locator("#confirm").dblclick();
        assertThat(page.locator("#receipt")).isVisible();
        page.waitForTimeout(500);
        Assertions.assertThat(Sales.countOf(jdbc, dan.id())).isEqualTo(1);
        Assertions.assertThat(customers.get(dan.id()).visitCount()).isEqualTo(1);
    }

    @Test
    void customerSuppliedTextIsShownAsTextNeverRun() {
        String tag = "Zx"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 26)
                        .replaceAll("[0-9]", "q");
        String evil = "<script>alert(1)</script> " + tag;
        customers.create(new CustomerDetails(evil, Fixtures.uniquePhone(), null, "<img src=x onerror=alert(2)>"));
        page.locator("#customer-search").fill(tag);
        Locator result = page.locator("#customer-results .result").first();
        assertThat(result).containsText("<script>alert(1)</script>");
        settle();
        result.click();
        assertThat(page.locator("#customer-preview .customer-name")).hasText(evil);
        assertThat(page.locator("#customer-preview")).containsText("<img src=x onerror=alert(2)>");
    }

    @Test
    void theKeyboardReachesTheMenuFilterWithSlash() {
        page.locator("body").click(new Locator.ClickOptions().setPosition(5, 300));
        page.keyboard().press("/");
        assertThat(page.locator("#menu-filter")).isFocused();
        page.keyboard().type(bagel.name());
        assertThat(tile(flatWhite)).isHidden();
        page.keyboard().press("Enter");
        assertThat(page.locator("#cart .line")).containsText(bagel.name());
    }

    private void settle() {
        Browser.settle(page);
    }

    private Locator tile(ProductView product) {
        return page.locator("#menu .tile", new Page.LocatorOptions().setHasText(product.name()));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
