package app.pos.till;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.ConsentSource;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.loyalty.LoyaltyAccounts;
import app.pos.loyalty.LoyaltyProgram;
import app.pos.loyalty.LoyaltyPrograms;
import app.pos.order.OrderService;
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
import java.math.BigDecimal;
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
 * Loyalty at the till in headless Chromium, as a shop lives it: a customer joins, earns on a sale, sees their
 * progress, spends a reward with one tap, and a manager's refund of one line takes back its points, which the
 * customer panel then shows (below zero: the points were spent). The default rules: 1 point per 1.00 before tax,
 * rounded down, Bronze (multiplier 1) from the first cent; 8% tax in the test profile. axe-core checks the states
 * the accessibility walk does not reach (rewards, a reward in the cart, points on receipts, refunds, a balance owed).
 */
@BrowserIntegrationTest
class LoyaltyTillBrowserIntegrationTests {

    @RegisterExtension
    static final BrowserPage browser = new BrowserPage();

    @LocalServerPort
    int port;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    @Autowired
    LoyaltyPrograms programs;

    @Autowired
    LoyaltyAccounts accounts;

    @Autowired
    OrderService orders;

    final AxeAudit audit = new AxeAudit();
    Page page;
    String tag;
    ProductView flatWhite;
    ProductView bagel;

    @BeforeEach
    void setUp() {
        page = browser.page();
        tag = randomLetters();
        flatWhite = Products.create(products, "Flat White " + tag, "Coffee", "4.10");
        bagel = Products.create(products, "Bagel " + tag, "Bakery", "2.95");
        programs.update(
                new LoyaltyProgram(
                        true,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(
                                new LoyaltyProgram.Reward(
                                        null, "Free coffee", 10, new BigDecimal("4.10"), null, null, true),
                                new LoyaltyProgram.Reward(
                                        null, "Free lunch", 50, new BigDecimal("9.00"), null, null, true))),
                "admin");
    }

    @AfterEach
    void backToTheDefaultProgram() {
        programs.update(new LoyaltyProgram(null, null, null, null, null, null, null, null), "admin");
    }

    @Test
    void aCustomerJoinsEarnsSpendsARewardAndARefundedLineTakesItsPointsBack() {
        CustomerView lou = customers.create(new CustomerDetails("Lou " + tag, Fixtures.uniquePhone(), null, null));
        Browser.logIn(page, url(""), "/pos", "cashier", "cashier-password");

        // Joining at the till
        select(lou);
        assertThat(loyaltyBox()).containsText("Not a member of the loyalty program.");
        loyaltyBox().getByRole(AriaRole.BUTTON, named("Join the program")).click();
        assertThat(loyaltyBox()).containsText("Joined the loyalty program.");
        assertThat(loyaltyBox()).containsText("0 points");
        assertThat(loyaltyBox()).containsText("10 points to Free coffee");
        assertThat(rewards()).hasCount(0); // nothing affordable yet

        // Earning: 2 × 4.10 + 2.95 = 11.15 before tax, so 11 points
        addToCart(flatWhite);
        addToCart(flatWhite);
        addToCart(bagel);
        assertThat(page.locator("#cart-total")).hasText("$12.04");
        checkout();
        Locator receipt = page.locator("#receipt");
        String firstOrder = page.locator("#receipt-number").textContent();
        assertThat(figure(receipt, "Points earned")).hasText("11");
        assertThat(figure(receipt, "Points balance")).hasText("11");
        assertThat(receipt).containsText("Points balance (Bronze)");
        assertThat(receipt.getByRole(AriaRole.ROW, named("Points redeemed"))).hasCount(0);
        audit.check(page, "till, receipt with points earned");

        // Progress, and the reward the balance now affords
        page.getByRole(AriaRole.BUTTON, onPage("New sale")).click();
        select(lou);
        assertThat(loyaltyBox()).containsText("Bronze");
        assertThat(loyaltyBox()).containsText("11 points");
        assertThat(loyaltyBox()).containsText("$238.85 more spend to Silver");
        assertThat(loyaltyBox().getByRole(AriaRole.PROGRESSBAR)).hasAttribute("aria-valuetext", "$11.15 of $250.00");
        assertThat(loyaltyBox()).containsText("39 points to Free lunch");
        assertThat(rewards()).hasCount(1);
        Locator freeCoffee = rewards().getByRole(AriaRole.BUTTON, named("Apply the reward Free coffee (10 points)"));
        assertThat(freeCoffee).isVisible();
        assertThat(rewards().getByRole(AriaRole.BUTTON, named("Free lunch"))).hasCount(0);

        // One tap applies it: 7.05 less 4.10 leaves 2.95, taxed 0.24, which earns 2 points
        addToCart(flatWhite);
        addToCart(bagel);
        Browser.settle(page);
        freeCoffee.click();
        assertThat(page.locator("#cart")).containsText("Reward: Free coffee");
        assertThat(page.locator("#cart")).containsText("−$4.10");
        assertThat(page.locator("#cart-total")).hasText("$3.19");
        audit.check(page, "till, a member's rewards and a reward in the cart");
        Browser.screenshot(page, "till-loyalty-reward-in-cart");
        checkout();
        assertThat(page.locator("#receipt-total")).hasText("$3.19");
        assertThat(figure(receipt, "Points redeemed")).hasText("−10");
        assertThat(figure(receipt, "Points earned")).hasText("2");
        assertThat(figure(receipt, "Points balance")).hasText("3");
        audit.check(page, "till, receipt with points redeemed");

        // A manager refunds one flat white of the first order: it keeps floor(7.05) = 7 of its 11 points
        page.getByRole(AriaRole.BUTTON, onPage("Log out")).click();
        Browser.logIn(page, url(""), "/pos/orders", "manager", "manager-password");
        page.getByRole(AriaRole.LINK, onPage("Open order " + firstOrder).setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, onPage("Refunds"))).isVisible();
        page.getByLabel(flatWhite.name()).fill("1");
        page.getByLabel("Reason").fill("Spilled");
        audit.check(page, "an order with its refund form, as a manager");
        page.getByRole(AriaRole.BUTTON, onPage("Refund").setExact(true)).click();
        Locator refund = page.locator("#refund-receipt");
        assertThat(refund.getByRole(AriaRole.HEADING, named("Refund of order " + firstOrder)))
                .isVisible();
        assertThat(refund).containsText("1 × " + flatWhite.name());
        assertThat(figure(refund, "Refunded")).hasText("$4.43");
        assertThat(figure(refund, "Loyalty points taken back")).hasText("-4");
        audit.check(page, "refund receipt with points taken back");
        Browser.screenshot(page, "till-refund-receipt");

        // The panel shows the balance the refund left: the spent points are owed, and no reward is offered
        page.navigate(url("/pos"));
        select(lou);
        assertThat(loyaltyBox()).containsText("−1 point (owed)");
        assertThat(loyaltyBox()).containsText("No reward until the balance is above zero again.");
        assertThat(loyaltyBox()).containsText("$240.00 more spend to Silver");
        assertThat(rewards()).hasCount(0);
        audit.check(page, "till, a member owing points");
        Browser.screenshot(page, "till-loyalty-owed");
        Assertions.assertThat(accounts.summary(lou.id()).balance()).isEqualTo(-1);

        audit.assertClean();
        Assertions.assertThat(audit.pages()).isEqualTo(6);
    }

    @Test
    void leavingAndJoiningAtTheTillUpdateTheLoyaltyBoxAndItsRewards() {
        CustomerView may = customers.create(new CustomerDetails("May " + tag, Fixtures.uniquePhone(), null, null));
        accounts.enrol(may.id(), ConsentSource.TILL);
        Sales.of(flatWhite, 3).forCustomer(may).placeWith(orders, "cashier"); // 12.30: 12 points
        Browser.logIn(page, url(""), "/pos", "cashier", "cashier-password");
        select(may);
        assertThat(loyaltyBox()).containsText("12 points");
        assertThat(rewards().getByRole(AriaRole.BUTTON, named("Free coffee"))).isVisible();

        page.getByRole(AriaRole.BUTTON, onPage("Withdraw consent: Loyalty program"))
                .click();
        assertThat(loyaltyBox()).containsText("Not a member of the loyalty program.");
        assertThat(loyaltyBox().getByRole(AriaRole.BUTTON, named("Join the program")))
                .isVisible();
        assertThat(rewards()).hasCount(0);
        Browser.settle(page);

        page.getByRole(AriaRole.BUTTON, onPage("Grant consent: Loyalty program"))
                .click();
        assertThat(loyaltyBox()).containsText("12 points");
        assertThat(rewards().getByRole(AriaRole.BUTTON, named("Free coffee"))).isVisible();
        Browser.settle(page);

        // leaving kept the points, so joining again with the button offers the reward at once
        page.getByRole(AriaRole.BUTTON, onPage("Withdraw consent: Loyalty program"))
                .click();
        assertThat(rewards()).hasCount(0);
        Browser.settle(page);
        loyaltyBox().getByRole(AriaRole.BUTTON, named("Join the program")).click();
        assertThat(loyaltyBox()).containsText("Joined the loyalty program.");
        assertThat(loyaltyBox()).containsText("12 points");
        assertThat(rewards().getByRole(AriaRole.BUTTON, named("Free coffee"))).isVisible();
        assertThat(page.locator("#customer-consents .consent[data-channel=LOYALTY]"))
                .containsText("Granted");
        Assertions.assertThat(accounts.summary(may.id()).member()).isTrue();
    }

    private void select(CustomerView customer) {
        page.locator("#customer-search").fill(customer.name());
        Locator result = page.getByRole(AriaRole.BUTTON, onPage(customer.name()));
        assertThat(result).hasCount(1);
        Browser.settle(page);
        result.click();
        assertThat(page.locator("#customer-preview")).containsText(customer.name());
        assertThat(loyaltyBox()).isVisible();
        Browser.settle(page);
    }

    private Locator loyaltyBox() {
        return page.getByRole(AriaRole.REGION, onPage("Loyalty").setExact(true));
    }

    private Locator rewards() {
        return page.getByRole(AriaRole.REGION, onPage("Rewards").setExact(true));
    }

    private void addToCart(ProductView product) {
        page.locator("#menu").getByRole(AriaRole.BUTTON, named(product.name())).click();
        assertThat(page.locator("#cart")).containsText(product.name());
    }

    private void checkout() {
        Browser.settle(page);
        page.getByRole(AriaRole.BUTTON, onPage("Confirm order")).click();
        assertThat(page.locator("#receipt")).isVisible();
        Browser.settle(page);
    }

    /** The figure in the last cell of the receipt row that {@code label} names. */
    private static Locator figure(Locator receipt, String label) {
        return receipt.getByRole(AriaRole.ROW, named(label))
                .getByRole(AriaRole.CELL)
                .last();
    }

    private static Page.GetByRoleOptions onPage(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private static Locator.GetByRoleOptions named(String name) {
        return new Locator.GetByRoleOptions().setName(name);
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
