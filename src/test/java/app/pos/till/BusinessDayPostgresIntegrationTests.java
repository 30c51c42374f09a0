package app.pos.till;

import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.order.OrderService;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.order.SalesReport;
import app.pos.shared.ShopTime;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import app.pos.support.TestClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Today's orders and the cash-up follow the business day (day start 04:00, the default) on PostgreSQL, with the
 * clock set to the night in question. Each test sells on a day of its own far in the future, which no other test
 * touches, so the day's figures are exactly the orders the test placed.
 */
@PostgresIntegrationTest
class BusinessDayPostgresIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @Autowired
    ShopTime time;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    @Autowired
    SalesReport sales;

    LocalDate day;
    ProductView latte;
    ProductView muffin;

    @BeforeEach
    void aDayOfItsOwn() {
        assertThat(time.dayStart()).as("the default day start").isEqualTo(LocalTime.of(4, 0));
        day = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
        latte = Products.create(products, uniqueName("Night Latte"), "Business Day", "4.20");
        muffin = Products.create(products, uniqueName("Night Muffin"), "Business Day", "3.35");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    void at(LocalDate date, int hour, int minute) {
        clock.set(date.atTime(hour, minute).atZone(time.zone()).toInstant());
    }

    OrderView sell(ProductView product, int quantity, PaymentMethod payment) {
        return Sales.of(product, quantity).paidBy(payment).placeWith(orders, "cashier");
    }

    String page(String url, RequestPostProcessor user) throws Exception {
        return mvc.perform(get(url).with(user))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anOrderAt2358IsListedAndVoidableAt0005AndGoneTheNextBusinessDay() throws Exception {
        at(day, 23, 58);
        OrderView late = sell(latte, 2, PaymentMethod.CARD);

        at(day.plusDays(1), 0, 5);
        String list = page("/pos/orders", manager());
        assertThat(list)
                .as("at 00:05 the list is still the business day that began at 04:00 the day before")
                .contains("<span class=\"muted\">" + day + "</span>")
                .contains("id=\"order-" + late.id() + "\"")
                .contains("hx-post=\"/pos/orders/" + late.id() + "/void\"");
        assertThat(row(list, late)).contains("<td class=\"payment\">Card</td>").contains(">23:58<");
        String dashboard = page("/admin", manager());
        String today = dashboard.substring(
                dashboard.indexOf("id=\"summary-today\""), dashboard.indexOf("id=\"summary-month\""));
        assertThat(today)
                .as("the dashboard's today is the same business day")
                .contains("class=\"value orders\">1<")
                .contains(money(late.total()));

        String voided = mvc.perform(post("/pos/orders/" + late.id() + "/void")
                        .session(new MockHttpSession())
                        .with(manager())
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(voided).contains("id=\"order-" + late.id() + "\"").contains("VOIDED");
        assertThat(orders.get(late.id()).voidedAt()).isNotNull();

        at(day.plusDays(1), 3, 59);
        assertThat(page("/pos/orders", cashier())).contains("id=\"order-" + late.id() + "\"");
        at(day.plusDays(1), 4, 0);
        assertThat(page("/pos/orders", cashier()))
                .as("from 04:00 it is the next business day")
                .contains("<span class=\"muted\">" + day.plusDays(1) + "</span>")
                .doesNotContain("id=\"order-" + late.id() + "\"");
    }

    @Test
    void theCashUpCountsTheBusinessDaysCompletedOrdersPerPaymentMethodAndTheVoidsApart() throws Exception {
        at(day, 3, 59);
        OrderView dayBefore = sell(latte, 1, PaymentMethod.CASH);
        at(day, 10, 0);
        OrderView cash1 = sell(latte, 2, PaymentMethod.CASH);
        OrderView cash2 = sell(muffin, 1, PaymentMethod.CASH);
        OrderView card = sell(latte, 3, PaymentMethod.CARD);
        at(day.plusDays(1), 1, 30);
        OrderView other = sell(muffin, 1, PaymentMethod.OTHER);
        OrderView voided = sell(muffin, 2, PaymentMethod.CARD);
        orders.voidOrder(voided.id(), "manager");
        at(day.plusDays(1), 4, 30);
        OrderView nextDay = sell(latte, 1, PaymentMethod.CASH);

        List<OrderView> completed = List.of(cash1, cash2, card, other);
        at(day.plusDays(1), 2, 0);
        SalesReport.CashUp cashUp = sales.cashUp(time.startOf(day), time.startOf(day.plusDays(1)));
        assertThat(time.dayOf(dayBefore.createdAt())).isEqualTo(day.minusDays(1));
        assertThat(time.dayOf(nextDay.createdAt())).isEqualTo(day.plusDays(1));

        assertThat(cashUp.orders()).isEqualTo(completed.size());
        assertThat(cashUp.revenue()).isEqualByComparingTo(sum(completed, OrderView::total));
        assertThat(cashUp.tax()).isEqualByComparingTo(sum(completed, OrderView::tax));
        assertThat(cashUp.voids()).isEqualTo(1);
        assertThat(cashUp.voidedTotal()).isEqualByComparingTo(voided.total());
        for (PaymentMethod method : PaymentMethod.values()) {
            List<OrderView> paid =
                    completed.stream().filter(o -> o.paymentMethod() == method).toList();
            SalesReport.PaymentTotal line = cashUp.byPayment().stream()
                    .filter(p -> p.method() == method)
                    .findFirst()
                    .orElseThrow();
            assertThat(line.orders()).as(method.name()).isEqualTo(paid.size());
            assertThat(line.total()).as(method.name()).isEqualByComparingTo(sum(paid, OrderView::total));
        }

        String html = page("/pos/cash-up", cashier());
        assertThat(html).contains("<h1>").contains(day.toString());
        assertThat(cell(html, "cash-up-orders")).isEqualTo(String.valueOf(completed.size()));
        assertThat(cell(html, "cash-up-revenue")).isEqualTo(money(sum(completed, OrderView::total)));
        assertThat(cell(html, "cash-up-tax")).isEqualTo(money(sum(completed, OrderView::tax)));
        assertThat(line(html, "cash-up-cash"))
                .contains("Cash · 2 orders", money(cash1.total().add(cash2.total())));
        assertThat(line(html, "cash-up-card")).contains("Card · 1 order", money(card.total()));
        assertThat(line(html, "cash-up-other")).contains("Other · 1 order", money(other.total()));
        assertThat(line(html, "cash-up-voids")).contains("1 order", money(voided.total()));
    }

    static BigDecimal sum(List<OrderView> orders, Function<OrderView, BigDecimal> amount) {
        return orders.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String money(BigDecimal amount) {
        return "$" + String.format(Locale.ROOT, "%,.2f", amount);
    }

    static String row(String html, OrderView order) {
        int start = html.indexOf("id=\"order-" + order.id() + "\"");
        assertThat(start).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    static String line(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("#" + id).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    static String cell(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("#" + id).isTrue();
        return m.group(1);
    }
}
