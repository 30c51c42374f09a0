package app.pos.dashboard;

import static app.pos.support.Fixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.order.SalesReport;
import app.pos.shared.ShopTime;
import app.pos.support.Customers;
import app.pos.support.Fixtures;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard on PostgreSQL: today's orders, revenue, and new and returning customers, on the page and in the
 * sales report behind it. Other tests sell at the same time in the shared database, so it compares before and
 * after its own sales, never absolute counts.
 */
@PostgresIntegrationTest
class DashboardPostgresIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerService customers;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    @Autowired
    SalesReport sales;

    /** The shop's business day (from 04:00 by default), which the dashboard's "today" is. */
    @Autowired
    ShopTime time;

    ProductView latte;
    ProductView muffin;

    @BeforeEach
    void menu() {
        String category = Fixtures.uniqueName("Dashboard");
        latte = Products.create(products, "Latte", category, "4.20");
        muffin = Products.create(products, "Muffin", category, "3.35");
    }

    OrderView order(UUID customerId, ProductView product, int quantity) {
        return Sales.of(product, quantity)
                .forCustomer(customerId)
                .paidBy(PaymentMethod.CARD)
                .placeWith(orders, "manager");
    }

    String page(String url) throws Exception {
        return mvc.perform(get(URI.create(url)).with(manager()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    record Today(BigDecimal revenue, long orders) {}

    Today todayOnDashboard() throws Exception {
        String html = page("/admin");
        int start = html.indexOf("id=\"summary-today\"");
        assertThat(start).isPositive();
        String block = html.substring(start, html.indexOf("id=\"summary-month\""));
        Matcher revenue = Pattern.compile("class=\"value revenue\">\\$([0-9,]+\\.\\d{2})<")
                .matcher(block);
        Matcher count = Pattern.compile("class=\"value orders\">(\\d+)<").matcher(block);
        assertThat(revenue.find()).isTrue();
        assertThat(count.find()).isTrue();
        return new Today(new BigDecimal(revenue.group(1).replace(",", "")), Long.parseLong(count.group(1)));
    }

    @Test
    void theDashboardCountsTodaysOrdersRevenueAndNewAndReturningCustomers() throws Exception {
        LocalDate today = time.today();
        OffsetDateTime from = time.startOf(today);
        OffsetDateTime to = time.startOf(today.plusDays(1));
        String tag = Fixtures.uniqueUsername("dashboard");
        CustomerView newcomer = Customers.withPhone(customers, "Newcomer " + tag);
        CustomerView regular = Customers.withPhone(customers, "Regular " + tag);
        jdbc.sql("""
                INSERT INTO orders (id, number, customer_id, customer_name, order_type, payment_method, status,
                                    subtotal, discount, tax, total, placed_in_pos, created_at)
                VALUES (:id, nextval('order_number_seq'), :customer, :name, 'DINE_IN', 'CASH', 'COMPLETED',
                        10.00, 0, 0, 10.00, TRUE, :at)
                """)
                .param("id", UUID.randomUUID())
                .param("customer", regular.id())
                .param("name", regular.name())
                .param("at", from.minusDays(40))
                .update();

        SalesReport.Summary before = sales.summary(from, to);
        Today pageBefore = todayOnDashboard();
        assertThat(pageBefore.revenue()).isEqualByComparingTo(before.revenue());
        assertThat(pageBefore.orders()).isEqualTo(before.orders());

        OrderView first = order(newcomer.id(), latte, 2);
        OrderView second = order(regular.id(), muffin, 1);
        OrderView walkIn = Sales.of(latte, 1).as(OrderType.TAKEAWAY).placeWith(orders, "manager");
        OrderView voided = order(newcomer.id(), muffin, 3);
        orders.voidOrder(voided.id(), "manager");
        BigDecimal added = first.total().add(second.total()).add(walkIn.total());

        SalesReport.Summary after = sales.summary(from, to);
        assertThat(after.revenue()).isEqualByComparingTo(before.revenue().add(added));
        assertThat(after.orders()).isEqualTo(before.orders() + 3);
        assertThat(after.newCustomers())
                .as("a customer whose first order is today is new")
                .isEqualTo(before.newCustomers() + 1);
        assertThat(after.returningCustomers())
                .as("a customer who bought before today returns")
                .isEqualTo(before.returningCustomers() + 1);

        Today pageAfter = todayOnDashboard();
        assertThat(pageAfter.revenue())
                .isEqualByComparingTo(pageBefore.revenue().add(added));
        assertThat(pageAfter.orders()).isEqualTo(pageBefore.orders() + 3);
        assertThat(page("/admin")).contains("id=\"revenue-chart\"");
    }

    void completedOrderAt(CustomerView customer, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO orders (id, number, customer_id, customer_name, order_type, payment_method, status,
                                    subtotal, discount, tax, total, placed_in_pos, created_at)
                VALUES (:id, nextval('order_number_seq'), :customer, :name, 'DINE_IN', 'CASH', 'COMPLETED',
                        10.00, 0, 0, 10.00, TRUE, :at)
                """)
                .param("id", UUID.randomUUID())
                .param("customer", customer.id())
                .param("name", customer.name())
                .param("at", at)
                .update();
    }

    @Test
    void aCustomerWhoComesTwiceTodayOrCameBeforeReturnsAFirstSingleOrderDoesNot() throws Exception {
        LocalDate today = time.today();
        OffsetDateTime from = time.startOf(today);
        OffsetDateTime to = time.startOf(today.plusDays(1));
        String tag = Fixtures.uniqueUsername("returning");
        CustomerView twice = Customers.withPhone(customers, "Twice " + tag);
        CustomerView once = Customers.withPhone(customers, "Once " + tag);
        CustomerView yesterday = Customers.withPhone(customers, "Yesterday " + tag);
        completedOrderAt(yesterday, from.minusHours(2));

        SalesReport.Summary before = sales.summary(from, to);
        order(twice.id(), latte, 1);
        order(twice.id(), muffin, 1);
        order(once.id(), latte, 1);
        order(yesterday.id(), muffin, 1);
        SalesReport.Summary after = sales.summary(from, to);

        assertThat(after.returningCustomers() - before.returningCustomers())
                .as("returning: twice today, and yesterday-then-today; not the single first order")
                .isEqualTo(2);
        assertThat(after.newCustomers() - before.newCustomers())
                .as("new: twice today and once today (first orders today); not the one from yesterday")
                .isEqualTo(2);
        assertThat(page("/admin"))
                .contains("Returning customers had an order before the period, or more than one in it");
    }

    record Share(long orders, BigDecimal amount) {}

    /** The dashboard's payment table of one period ("today", "month"): orders and amount per method. */
    static Map<PaymentMethod, Share> paymentsOnPage(Document page, String period) {
        Element table = page.getElementById("payments-" + period);
        assertThat(table).as("payments-" + period).isNotNull();
        return table.select("tr[data-method]").stream()
                .collect(Collectors.toMap(
                        tr -> PaymentMethod.valueOf(tr.attr("data-method")),
                        tr -> new Share(
                                Long.parseLong(tr.selectFirst(".orders").text().replaceAll("[^0-9]", "")),
                                amount(tr.selectFirst(".amount").text()))));
    }

    static BigDecimal amount(String shown) {
        assertThat(shown).startsWith("$");
        return new BigDecimal(shown.substring(1).replace(",", ""));
    }

    static Map<PaymentMethod, Share> shares(List<SalesReport.PaymentShare> split) {
        assertThat(split).extracting(SalesReport.PaymentShare::method).containsExactly(PaymentMethod.values());
        return split.stream()
                .collect(Collectors.toMap(SalesReport.PaymentShare::method, p -> new Share(p.orders(), p.amount())));
    }

    /** What the orders sold of one product: units and line totals. */
    static SalesReport.ProductSales sold(ProductView product, List<OrderView> placed) {
        List<OrderView.Line> lines = placed.stream()
                .flatMap(o -> o.items().stream())
                .filter(l -> l.productId().equals(product.id()))
                .toList();
        return new SalesReport.ProductSales(
                product.id(),
                product.name(),
                lines.stream().mapToLong(OrderView.Line::quantity).sum(),
                lines.stream().map(OrderView.Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void theDashboardShowsTopProductsAndTheSplitByPaymentMethodWithoutVoidedOrders() throws Exception {
        LocalDate today = time.today();
        OffsetDateTime from = time.startOf(today);
        OffsetDateTime to = time.startOf(today.plusDays(1));
        OffsetDateTime monthAgo = time.startOf(today.minusDays(29));
        CustomerView regular = Customers.withPhone(customers, "Regular " + Fixtures.uniqueUsername("split"));

        Map<PaymentMethod, Share> before = shares(sales.paymentSplit(from, to));
        Map<PaymentMethod, Share> monthBefore = shares(sales.paymentSplit(monthAgo, to));
        Document pageBefore = Jsoup.parse(page("/admin"));
        assertThat(paymentsOnPage(pageBefore, "today")).isEqualTo(before);
        assertThat(paymentsOnPage(pageBefore, "month")).isEqualTo(monthBefore);

        OrderView cash = Sales.of(latte, 400).paidBy(PaymentMethod.CASH).placeWith(orders, "manager");
        OrderView card = Sales.of(latte, 500)
                .and(muffin, 1)
                .forCustomer(regular)
                .paidBy(PaymentMethod.CARD)
                .placeWith(orders, "manager");
        OrderView other = Sales.of(muffin, 2).paidBy(PaymentMethod.OTHER).placeWith(orders, "manager");
        OrderView voided =
                Sales.of(latte, 999).and(muffin, 999).paidBy(PaymentMethod.CARD).placeWith(orders, "manager");
        orders.voidOrder(voided.id(), "manager");
        List<OrderView> completed = List.of(cash, card, other);

        Map<UUID, SalesReport.ProductSales> top = sales.topProducts(monthAgo, to, 10_000).stream()
                .collect(Collectors.toMap(SalesReport.ProductSales::productId, Function.identity(), (a, b) -> a));
        assertThat(top.get(latte.id())).isEqualTo(sold(latte, completed));
        assertThat(top.get(latte.id()).quantity())
                .as("400 + 500, not the voided 999")
                .isEqualTo(900);
        assertThat(top.get(muffin.id())).isEqualTo(sold(muffin, completed));
        assertThat(top.get(muffin.id()).revenue()).isEqualByComparingTo(new BigDecimal("10.05"));
        List<SalesReport.ProductSales> ranked = sales.topProducts(monthAgo, to, 10_000);
        assertThat(ranked.indexOf(top.get(latte.id()))).isLessThan(ranked.indexOf(top.get(muffin.id())));

        Map<PaymentMethod, Share> after = shares(sales.paymentSplit(from, to));
        Map<PaymentMethod, Share> expected = Map.of(
                PaymentMethod.CASH,
                        new Share(
                                before.get(PaymentMethod.CASH).orders() + 1,
                                before.get(PaymentMethod.CASH).amount().add(cash.total())),
                PaymentMethod.CARD,
                        new Share(
                                before.get(PaymentMethod.CARD).orders() + 1,
                                before.get(PaymentMethod.CARD).amount().add(card.total())),
                PaymentMethod.OTHER,
                        new Share(
                                before.get(PaymentMethod.OTHER).orders() + 1,
                                before.get(PaymentMethod.OTHER).amount().add(other.total())));
        assertThat(after).isEqualTo(expected);
        assertThat(after.values().stream().mapToLong(Share::orders).sum())
                .as("the split adds up to the day's order count")
                .isEqualTo(sales.summary(from, to).orders());
        assertThat(after.values().stream().map(Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(sales.summary(from, to).revenue());

        Document pageAfter = Jsoup.parse(page("/admin"));
        assertThat(paymentsOnPage(pageAfter, "today")).isEqualTo(after);
        assertThat(paymentsOnPage(pageAfter, "month")).isEqualTo(shares(sales.paymentSplit(monthAgo, to)));
        List<String> shownProducts = pageAfter.select("#top-products tr").stream()
                .map(tr -> tr.selectFirst(".name").text() + " | "
                        + tr.selectFirst(".quantity").text() + " | "
                        + tr.selectFirst(".revenue").text())
                .toList();
        assertThat(shownProducts)
                .as("the page lists the report's ten best sellers")
                .containsExactlyElementsOf(sales.topProducts(monthAgo, to, 10).stream()
                        .map(p -> p.name() + " | " + p.quantity() + " sold | $"
                                + String.format(java.util.Locale.US, "%,.2f", p.revenue()))
                        .toList())
                // other tests selling today (the load and fault tests) may push this test's products out of the ten
                .allMatch(row -> row.matches(".+ \\| \\d+ sold \\| \\$\\d{1,3}(,\\d{3})*\\.\\d{2}"));
        Element chart = pageAfter.getElementById("payment-chart");
        assertThat(chart).isNotNull();
        assertThat(pageAfter.select(chart.attr("data-labels-from")).eachText())
                .containsExactly("Cash", "Card", "Other");
        assertThat(chart.attr("data-values"))
                .isEqualTo(sales.paymentSplit(monthAgo, to).stream()
                        .map(p -> p.amount().toPlainString())
                        .collect(Collectors.joining(",")));
    }
}
