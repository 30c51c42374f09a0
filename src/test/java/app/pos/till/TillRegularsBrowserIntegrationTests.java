package app.pos.till;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import app.pos.shared.CustomerDetails;
import app.pos.support.Browser;
import app.pos.support.BrowserIntegrationTest;
import app.pos.support.BrowserPage;
import app.pos.support.Fixtures;
import app.pos.support.Products;
import app.pos.support.Sales;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The till as a busy shop uses it, in headless Chromium: Confirm and the total in view on a laptop and a tablet,
 * a sale by keyboard only, and regulars (usual items, same as last time, their note, their delivery addresses).
 */
@BrowserIntegrationTest
class TillRegularsBrowserIntegrationTests {

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
    JdbcClient jdbc;

    Page page;
    String tag;

    @BeforeEach
    void logIn() {
        tag = letters(6);
        page = browser.page();
    }

    @Test
    void confirmAndTheTotalAreInViewAt1280x800WithACustomerAndFiveLines() {
        assertConfirmAndTotalInView(1280, 800);
    }

    @Test
    void confirmAndTheTotalAreInViewOnATabletInPortrait() {
        assertConfirmAndTotalInView(768, 1024);
    }

    private void assertConfirmAndTotalInView(int width, int height) {
        List<ProductView> five = new ArrayList<>();
        for (String name : List.of("Latte", "Cappuccino", "Croissant", "Orange Juice", "Club Sandwich")) {
            five.add(Products.create(products, name + " " + tag, "Layout " + tag, "3.50"));
        }
        CustomerView regular = customers.create(new CustomerDetails(
                "Layout Lena " + tag,
                Fixtures.uniquePhone(),
                "lena@example.com",
                "5 Long Street, Springfield",
                "" + "oat milk, no nuts; leave deliveries with the neighbour at number 7 if nobody answers"));
        Sales.of(five.get(0), 2).and(five.get(1), 1).forCustomer(regular).placeWith(orders, "cashier");
        page.setViewportSize(width, height);
        Browser.logInAsAdmin(page, url(""), "/pos");

        selectByLastFour(regular);
        for (ProductView product : five) {
            int lines = page.locator("#cart .line").count();
            tile(product).click();
            assertThat(page.locator("#cart .line")).hasCount(lines + 1);
        }
        assertThat(page.locator("#customer-notes")).containsText("oat milk, no nuts");
        settle();
        page.evaluate("() => { window.scrollTo(0, 0); document.getElementById('sale').scrollTop = 0; }");

        assertInViewport(page.locator("#confirm"), width, height);
        assertInViewport(page.locator("#cart-total"), width, height);
        Assertions.assertThat(
                        (Boolean)
                                page.evaluate(
                                        "() => { const s = document.getElementById('sale'); return s.scrollHeight <= s.clientHeight; }"))
                .as("the sale column needs no scrolling itself")
                .isTrue();
        Browser.screenshot(page, "till-" + width + "x" + height);
    }

    @Test
    void aSaleByKeyboardOnlyFindsTheCustomerByTheLastFourDigitsAndSellsOneCoffee() {
        ProductView coffee = Products.create(products, "Drip Coffee " + tag, "Coffee", "2.50");
        CustomerView kim =
                customers.create(new CustomerDetails("Keyboard Kim " + tag, Fixtures.uniquePhone(), null, null));
        String lastFour = kim.phone().substring(kim.phone().length() - 4);
        Browser.logInAsAdmin(page, url(""), "/pos");
        int keys = 0;

        keys += press("F2");
        assertThat(page.locator("#customer-search")).isFocused();
        for (char digit : lastFour.toCharArray()) {
            keys += press(String.valueOf(digit));
        }
        keys += press("Enter"); // typed before the results for these digits arrived: it waits for them
        assertThat(page.locator("#customer-preview .customer-name")).hasText(kim.name());
        assertThat(page.locator("#menu-filter")).isFocused();
        for (char c : tag.toCharArray()) {
            keys += press(String.valueOf(c));
        }
        keys += press("Enter");
        assertThat(page.locator("#cart .line")).hasCount(1);
        assertThat(page.locator("#cart .line")).containsText(coffee.name());
        settle();
        keys += press("F9");

        assertThat(page.locator("#receipt-customer")).hasText(kim.name());
        assertThat(page.locator("#receipt")).containsText("1 × " + coffee.name());
        Assertions.assertThat(Sales.countOf(jdbc, kim.id())).isEqualTo(1);
        Assertions.assertThat(keys)
                .as("F2, four digits, Enter, the product's filter text, Enter, F9 (README: Keyboard at the till)")
                .isEqualTo(8 + tag.length());
    }

    @Test
    void confirmShowsItsKeyAndTheCustomerSearchIsReachedFromASelectedCustomerToo() {
        CustomerView kai = customers.create(new CustomerDetails("Key Kai " + tag, Fixtures.uniquePhone(), null, null));
        Browser.logInAsAdmin(page, url(""), "/pos");
        assertThat(page.locator("#confirm kbd")).hasText("F9");
        assertThat(page.locator("#confirm")).hasAttribute("aria-keyshortcuts", "F9");
        selectByLastFour(kai);
        page.locator("#menu-filter").focus();
        page.keyboard().press("F2");
        assertThat(page.locator("#customer-search")).isFocused();
        assertThat(page.locator("#customer-preview")).hasCount(0);
    }

    @Test
    void aRegularsUsualItemIsTappedAndSameAsLastTimeRepeatsTheLastOrderSkippingWhatIsNoLongerSold() {
        ProductView latte = Products.create(products, "Latte " + tag, "Regulars " + tag, "4.20");
        ProductView bagel = Products.create(products, "Bagel " + tag, "Regulars " + tag, "2.95");
        ProductView scone = Products.create(products, "Scone " + tag, "Regulars " + tag, "3.10");
        CustomerView rita =
                customers.create(new CustomerDetails("Regular Rita " + tag, Fixtures.uniquePhone(), null, null));
        Sales.of(latte, 4).forCustomer(rita).placeWith(orders, "cashier");
        Sales.of(latte, 2).and(bagel, 1).and(scone, 1).forCustomer(rita).placeWith(orders, "cashier");
        products.setActive(scone.id(), false);
        Browser.logInAsAdmin(page, url(""), "/pos");
        selectByLastFour(rita);

        page.locator("#customer-preview .favourite", new Page.LocatorOptions().setHasText(latte.name()))
                .click();
        assertThat(line(latte).locator(".line-qty")).hasText("1");
        assertThat(page.locator("#customer-preview .favourite", new Page.LocatorOptions().setHasText(scone.name())))
                .hasCount(0);
        settle();
        page.locator("#same-as-last").click();

        assertThat(line(latte).locator(".line-qty")).hasText("3");
        assertThat(line(bagel).locator(".line-qty")).hasText("1");
        assertThat(page.locator("#cart .line")).hasCount(2);
        assertThat(page.locator("#cart-skipped")).containsText(scone.name());
        assertThat(page.locator("#cart-subtotal")).hasText("$15.55");
    }

    @Test
    void theCustomersNoteIsShownWhenSelectedAndEditedAtTheTill() {
        CustomerView nora = customers.create(
                new CustomerDetails("Noted Nora " + tag, Fixtures.uniquePhone(), null, null, "oat milk, no nuts"));
        Browser.logInAsAdmin(page, url(""), "/pos");
        selectByLastFour(nora);
        assertThat(page.locator("#customer-notes")).isVisible();
        assertThat(page.locator("#customer-notes")).containsText("oat milk, no nuts");

        page.locator(".notes-edit summary").click();
        page.locator("#notes-input").fill("oat milk, no nuts, extra hot");
        page.locator("#notes-form button[type=submit]").click();

        assertThat(page.locator("#customer-notes")).containsText("oat milk, no nuts, extra hot");
        assertThat(page.locator("#customer-preview")).containsText("Note saved.");
        Assertions.assertThat(customers.get(nora.id()).notes()).isEqualTo("oat milk, no nuts, extra hot");
    }

    @Test
    void aDeliveryGoesToOneOfTheCustomersPreviousAddressesPickedAtCheckout() {
        ProductView pizza = Products.create(products, "Pizza " + tag, "Kitchen " + tag, "12.50");
        CustomerView dev = customers.create(
                new CustomerDetails("Delivery Dev " + tag, Fixtures.uniquePhone(), null, "1 Home Street"));
        deliver(dev, pizza, "22 Office Park, Floor 3");
        deliver(dev, pizza, "9 Parents Road");
        Browser.logInAsAdmin(page, url(""), "/pos");
        tile(pizza).click();
        assertThat(page.locator("#cart .line")).hasCount(1);
        selectByLastFour(dev);

        page.locator("label.choice", new Page.LocatorOptions().setHasText("Delivery"))
                .click();
        assertThat(page.locator("#delivery-address")).hasValue("1 Home Street");
        page.locator(".address-choice", new Page.LocatorOptions().setHasText("22 Office Park"))
                .click();
        assertThat(page.locator("#delivery-address")).hasValue("22 Office Park, Floor 3");
        page.locator("#confirm").click();

        assertThat(page.locator("#receipt")).containsText("22 Office Park, Floor 3");
    }

    private void deliver(CustomerView customer, ProductView product, String address) {
        OrderView placed = orders.place(
                        new PlaceOrder(
                                List.of(new PlaceOrder.Line(product.id(), 1)),
                                customer.id(),
                                null,
                                OrderType.DELIVERY,
                                PaymentMethod.CARD,
                                address,
                                null),
                        null,
                        "cashier")
                .order();
        Assertions.assertThat(placed.deliveryAddress()).isEqualTo(address);
    }

    private void selectByLastFour(CustomerView customer) {
        page.locator("#customer-search")
                .fill(customer.phone().substring(customer.phone().length() - 4));
        Locator result =
                page.locator("#customer-results .result", new Page.LocatorOptions().setHasText(customer.name()));
        assertThat(result).isVisible();
        settle();
        result.click();
        assertThat(page.locator("#customer-preview .customer-name")).hasText(customer.name());
        settle();
    }

    /** Presses one key, as a cashier would, and counts it. */
    private int press(String key) {
        page.keyboard().press(key);
        return 1;
    }

    private static void assertInViewport(Locator element, int width, int height) {
        BoundingBox box = element.boundingBox();
        Assertions.assertThat(box).as("%s is rendered", element).isNotNull();
        Assertions.assertThat(box.y).as("top of %s", element).isGreaterThanOrEqualTo(0);
        Assertions.assertThat(box.x).as("left of %s", element).isGreaterThanOrEqualTo(0);
        Assertions.assertThat(box.y + box.height).as("bottom of %s", element).isLessThanOrEqualTo(height);
        Assertions.assertThat(box.x + box.width).as("right of %s", element).isLessThanOrEqualTo(width);
    }

    private Locator line(ProductView product) {
        return page.locator("#cart .line", new Page.LocatorOptions().setHasText(product.name()));
    }

    private Locator tile(ProductView product) {
        return page.locator("#menu .tile", new Page.LocatorOptions().setHasText(product.name()));
    }

    private void settle() {
        Browser.settle(page);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder("k");
        for (int i = 1; i < n; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
