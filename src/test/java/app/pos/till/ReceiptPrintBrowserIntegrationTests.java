package app.pos.till;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import app.pos.support.Browser;
import app.pos.support.BrowserIntegrationTest;
import app.pos.support.BrowserPage;
import app.pos.support.Fixtures;
import app.pos.support.Products;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What only a browser shows: the print stylesheet keeps the receipt alone, 80 mm paper wide; the cash field. */
@BrowserIntegrationTest
class ReceiptPrintBrowserIntegrationTests {

    /** 80 mm paper at the CSS 96 px per inch. */
    static final double PAPER_PX = 80 / 25.4 * 96;

    @RegisterExtension
    static final BrowserPage browser = new BrowserPage();

    @LocalServerPort
    int port;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    Page page;
    ProductView latte;

    @BeforeEach
    void logIn() {
        latte = Products.create(products, Fixtures.uniqueName("Print Latte"), "Print", "4.20");
        page = browser.page();
        Browser.logInAsAdmin(page, "http://localhost:" + port, "/pos");
    }

    @Test
    void printingTheOrderPageShowsOnlyTheReceiptNoNavigationOrButtons() {
        OrderView order = orders.place(
                        new PlaceOrder(
                                List.of(new PlaceOrder.Line(latte.id(), 2)),
                                null,
                                null,
                                OrderType.TAKEAWAY,
                                PaymentMethod.CASH,
                                null,
                                null,
                                new BigDecimal("20.00")),
                        null,
                        "admin")
                .order();
        page.navigate("http://localhost:" + port + "/pos/orders/" + order.id());
        assertThat(page.locator(".topbar nav")).isVisible();
        assertThat(page.locator("#reprint")).isVisible();

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        Browser.screenshot(page, "receipt-print");

        assertThat(page.locator(".topbar")).isHidden();
        assertThat(page.locator("#reprint")).isHidden();
        assertThat(page.locator("#receipt")).isVisible();
        assertThat(page.locator("#receipt-change")).isVisible();
        assertThat(page.locator("#receipt").boundingBox().width).isLessThan(PAPER_PX);
    }

    @Test
    void theCashTenderedFieldShowsOnlyForACashPayment() {
        page.locator("#menu .tile", new Page.LocatorOptions().setHasText(latte.name()))
                .click();
        assertThat(page.locator("#cash-tendered")).isHidden();
        page.locator("input[name=paymentMethod][value=CASH]").check();
        assertThat(page.locator("#cash-tendered")).isVisible();
        page.locator("#cash-tendered").fill("50");
        Browser.settle(page);
        page.locator("#confirm").click();
        assertThat(page.locator("#receipt-tendered")).hasText("$50.00");

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("#menu")).isHidden();
        assertThat(page.locator(".topbar")).isHidden();
        assertThat(page.locator("#receipt")).isVisible();
    }
}
