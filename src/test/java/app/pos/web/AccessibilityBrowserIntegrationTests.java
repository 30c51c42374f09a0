package app.pos.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.loyalty.LoyaltyProgram;
import app.pos.loyalty.LoyaltyPrograms;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.PaymentMethod;
import app.pos.shared.CustomerDetails;
import app.pos.support.AxeAudit;
import app.pos.support.Browser;
import app.pos.support.BrowserIntegrationTest;
import app.pos.support.BrowserPage;
import app.pos.support.Fixtures;
import app.pos.support.Products;
import app.pos.support.Sales;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core on every page, as the role that uses it, in the states a person sees. The pages are the
 * {@code @GetMapping} handlers of the page controllers ({@code grep -rn @GetMapping src/main/java} less the
 * {@code *ApiController}s, the CSV downloads and the htmx fragments, whose states are visited here inside their
 * page), plus the forbidden and error pages. Swagger UI is springdoc's page, not ours, and is not checked. A new
 * page belongs in one of these walks.
 */
@BrowserIntegrationTest
class AccessibilityBrowserIntegrationTests {

    @RegisterExtension
    static final BrowserPage browser = new BrowserPage();

    @LocalServerPort
    int port;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderService orders;

    @Autowired
    LoyaltyPrograms programs;

    final AxeAudit audit = new AxeAudit();
    Page page;
    String tag;
    ProductView soup;

    @BeforeEach
    void setUp() {
        page = browser.page();
        tag = randomLetters();
        soup = Products.create(products, "Soup " + tag, "Kitchen", "6.95");
        // the program on, with a reward, so that the till's loyalty box and the loyalty page show everything
        programs.update(
                new LoyaltyProgram(
                        true,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new LoyaltyProgram.Reward(
                                null, "a free soup", 120, new BigDecimal("6.95"), null, null, true))),
                "admin");
    }

    @AfterEach
    void backToTheDefaultProgram() {
        programs.update(new LoyaltyProgram(null, null, null, null, null, null, null, null), "admin");
    }

    @Test
    void theLoginPageAndEveryTillStateAsACashierHaveNoSeriousViolations() {
        CustomerView ada =
                customers.create(new CustomerDetails("Ada " + tag, Fixtures.uniquePhone(), null, "1 Analytical Row"));
        Sales.of(soup, 1).forCustomer(ada).placeWith(orders, "cashier");

        page.navigate(url("/login"));
        audit.check(page, "login");
        page.getByLabel("Username").fill("cashier");
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(page.locator(".login .error")).isVisible();
        audit.check(page, "login, wrong password");

        Browser.logIn(page, url(""), "/pos", "cashier", "cashier-password");
        assertThat(page.locator("#customer-results .create-customer")).isVisible();
        audit.check(page, "till, empty");

        page.locator("#menu .tile", new Page.LocatorOptions().setHasText(soup.name()))
                .click();
        assertThat(page.locator("#cart .line")).hasCount(1);
        audit.check(page, "till, with a cart");

        Locator search = page.locator("#customer-search");
        search.fill(tag);
        assertThat(page.locator("#customer-results")).not().containsText("Recent customers");
        assertThat(page.locator("#customer-results .result")).hasCount(1);
        audit.check(page, "till, customer results");
        search.fill("Nobody" + tag);
        assertThat(page.locator("#customer-results .result")).hasCount(0);
        audit.check(page, "till, no customer matches");

        search.fill(tag);
        page.locator("#customer-results .result").first().click();
        assertThat(page.locator("#customer-preview .customer-name")).hasText(ada.name());
        assertThat(page.locator("#customer-consents .consent")).hasCount(3);
        assertThat(page.locator("#customer-loyalty .loyalty-join")).isVisible();
        assertThat(page.locator("#busy")).hasCSS("opacity", "0"); // the consents' request has faded out
        audit.check(page, "till, customer selected (not a loyalty member)");

        page.locator("#customer-consents .consent[data-channel=SMS] .consent-grant")
                .click();
        assertThat(page.locator("#customer-consents .consent[data-channel=SMS] .consent-state"))
                .hasText("Granted");
        assertThat(page.locator("#busy")).hasCSS("opacity", "0");
        audit.check(page, "till, consent granted");

        page.locator("#customer-loyalty .loyalty-join").click();
        assertThat(page.locator("#customer-loyalty .loyalty-balance")).hasText("0 points");
        assertThat(page.locator("#customer-consents .consent[data-channel=LOYALTY] .consent-state"))
                .hasText("Granted");
        assertThat(page.locator("#customer-loyalty progress")).isVisible();
        assertThat(page.locator("#busy")).hasCSS("opacity", "0");
        audit.check(page, "till, loyalty member");

        page.locator("#customer-preview .preview-head button", new Page.LocatorOptions().setHasText("Change"))
                .click();
        assertThat(page.locator("#customer-search")).isVisible();
        page.locator("#customer-search").fill("New " + tag);
        // a search after picking a customer and changing them shows its results (it did not: the pick was never over)
        assertThat(page.locator("#customer-results")).hasAttribute("data-q", "New " + tag);
        page.locator(".create-customer").click();
        assertThat(page.locator("#nc-name")).hasValue("New " + tag);
        assertThat(page.locator("#busy")).hasCSS("opacity", "0");
        audit.check(page, "till, new-customer form");
        page.locator("#nc-phone").fill("12");
        page.locator("#customer-form button[type=submit]").click();
        assertThat(page.locator("#customer-form .field-error[data-field=phone]"))
                .isVisible();
        assertThat(page.locator("#busy")).hasCSS("opacity", "0");
        audit.check(page, "till, new-customer form with an error");
        page.locator("#customer-form button", new Page.LocatorOptions().setHasText("Cancel"))
                .click();
        assertThat(page.locator("#customer-search")).isVisible();
        page.locator("#customer-search").fill(tag);
        page.locator("#customer-results .result").first().click();
        assertThat(page.locator("#customer-preview .customer-name")).hasText(ada.name());

        page.locator("label.choice", new Page.LocatorOptions().setHasText("Delivery"))
                .click();
        assertThat(page.locator("#delivery-address")).isVisible();
        audit.check(page, "till, checkout for a delivery");
        page.locator("label.choice", new Page.LocatorOptions().setHasText("Takeaway"))
                .click();
        page.locator("#confirm").click();
        assertThat(page.locator("#receipt")).isVisible();
        assertThat(page.locator("#busy")).hasCSS("opacity", "0"); // a slow checkout's indicator has faded out
        audit.check(page, "till, receipt");

        page.navigate(url("/pos/orders"));
        assertThat(page.locator("#orders")).isVisible();
        audit.check(page, "today's orders, as a cashier");
        page.locator("#orders .open-order").first().click();
        assertThat(page.locator("#receipt")).isVisible();
        audit.check(page, "an order of today, with its receipt");
        page.navigate(url("/pos/cash-up"));
        assertThat(page.locator("#cash-up")).isVisible();
        audit.check(page, "cash-up");

        page.navigate(url("/admin"));
        assertThat(page.locator("#forbidden")).isVisible();
        audit.check(page, "forbidden (a cashier opening the back office)");

        page.navigate(url("/no-such-page-" + tag));
        assertThat(page.locator(".error-page h1")).containsText("404");
        audit.check(page, "error page (404)");

        audit.assertClean();
        Assertions.assertThat(audit.pages()).isEqualTo(18);
    }

    @Test
    void everyBackOfficePageAsAnAdminHasNoSeriousViolations() {
        String email = "twin." + tag.toLowerCase() + "@example.com";
        CustomerView ada =
                customers.create(new CustomerDetails("Ada " + tag, Fixtures.uniquePhone(), email, "1 Analytical Row"));
        CustomerView twin = customers.create(new CustomerDetails("Adah " + tag, Fixtures.uniquePhone(), email, null));
        Sales.of(soup, 2)
                .forCustomer(ada)
                .as(OrderType.DELIVERY)
                .paidBy(PaymentMethod.CARD)
                .placeWith(orders, "admin");
        Sales.of(soup, 1).forCustomer(twin).placeWith(orders, "admin");

        Browser.logInAsAdmin(page, url(""), "/admin");
        audit.check(page, "dashboard");

        page.navigate(url("/pos/orders"));
        assertThat(page.locator("#orders .void").first()).isVisible();
        audit.check(page, "today's orders, as an admin (void buttons)");

        page.navigate(url("/admin/customers?q=" + tag));
        assertThat(page.locator("#customers tbody tr")).hasCount(2);
        audit.check(page, "customer list");
        page.navigate(url("/admin/customers?minSpent=lots"));
        assertThat(page.locator("#filters-invalid")).isVisible();
        audit.check(page, "customer list, filters that do not parse");

        page.navigate(url("/admin/customers/" + ada.id()));
        assertThat(page.locator("#customer-title")).hasText(ada.name());
        audit.check(page, "customer profile");

        page.navigate(url("/admin/customers/duplicates"));
        assertThat(page.locator(".duplicate-group").first()).isVisible();
        audit.check(page, "possible duplicates");

        page.navigate(url("/admin/customers/merge?a=" + ada.id() + "&q=" + tag));
        assertThat(page.locator("main li a")).hasCount(1);
        audit.check(page, "merge, pick the other customer");
        page.navigate(url("/admin/customers/merge?a=" + ada.id() + "&b=" + twin.id()));
        assertThat(page.locator("#merge-form")).isVisible();
        audit.check(page, "merge preview");

        page.navigate(url("/admin/customers/import"));
        audit.check(page, "import");
        // A shop's export has many columns: the preview is wider than the page and scrolls sideways.
        String header = "Customer ID,First Name,Last Name,Phone Number,Email Address,Street Address,City,Postal Code,"
                + "Company Name,Birthday,Memo,Creation Source,First Visit,Last Visit,Transaction Count";
        String row = "C-1,Ira," + tag + ",(415) 555-0199,ira@example.com,1 Long Street,Springfield,12345,"
                + "Ira's Ironing,1990-01-01,prefers oat milk,Directory,2024-01-01,2026-11-30,42";
        String rejected = "C-2,,,12,not-an-email,,,,,,,,,,";
        page.locator("#file")
                .setInputFiles(new FilePayload(
                        "customers.csv",
                        "text/csv",
                        String.join("\n", header, row, rejected, "").getBytes(StandardCharsets.UTF_8)));
        page.locator("#upload-form button[type=submit]").click();
        assertThat(page.locator("#preview")).isVisible();
        audit.check(page, "import preview");
        page.locator("#mapping-form button[type=submit]").click();
        assertThat(page.locator("#rejected")).isVisible();
        audit.check(page, "import, checked rows");

        page.navigate(url("/admin/products"));
        assertThat(page.locator("#product-form")).isVisible();
        audit.check(page, "menu");
        page.navigate(url("/admin/products/" + soup.id()));
        assertThat(page.locator("h1")).hasText(soup.name());
        audit.check(page, "product form");

        page.navigate(url("/admin/staff"));
        assertThat(page.locator("#staff")).isVisible();
        audit.check(page, "staff");

        page.navigate(url("/admin/consent-wordings"));
        assertThat(page.locator("#wording-EMAIL")).isVisible();
        audit.check(page, "consent wordings");
        page.navigate(url("/admin/privacy/settings"));
        assertThat(page.locator("#privacy-settings-form")).isVisible();
        audit.check(page, "privacy settings");
        page.navigate(url("/admin/customers/" + twin.id() + "/erase"));
        assertThat(page.locator("#erase-confirmation")).isVisible();
        audit.check(page, "erase confirmation");
        page.navigate(url("/admin/privacy"));
        assertThat(page.locator("#retention-policy")).isVisible();
        audit.check(page, "privacy");

        page.navigate(url("/admin/loyalty"));
        assertThat(page.locator("#program-form")).isVisible();
        audit.check(page, "loyalty");
        page.locator("#program-form .add-tier").click();
        assertThat(page.locator("#program-form .tier-row")).hasCount(4);
        page.locator("#tier-3-name").fill("Gold");
        page.locator("#save-program").click();
        assertThat(page.locator("#program-invalid")).isVisible();
        audit.check(page, "loyalty, a tier row with errors");

        page.locator(".logout button").click();
        assertThat(page.locator(".login")).isVisible();
        audit.check(page, "login, logged out");

        audit.assertClean();
        Assertions.assertThat(audit.pages()).isEqualTo(21);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Letters only: digits typed into a search box search phone numbers, not names. */
    private static String randomLetters() {
        StringBuilder sb = new StringBuilder("Zq");
        for (int i = 0; i < 8; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }
}
