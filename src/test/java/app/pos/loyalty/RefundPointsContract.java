package app.pos.loyalty;

import static app.pos.support.Api.postJson;
import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Json.object;
import static app.pos.support.Json.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderRefunded;
import app.pos.order.OrderService;
import app.pos.order.OrderView;
import app.pos.support.Customers;
import app.pos.support.Json;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Points follow partial refunds, run on PostgreSQL and H2 by the two subclasses: after refunds the order keeps
 * what it would have earned without the refunded units, by the rules it earned under.
 */
abstract class RefundPointsContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderService orders;

    @Autowired
    RefundReversal reversal;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void backToTheDefaultProgram() throws Exception {
        mvc.perform(putJson("/api/v1/loyalty/program", "{}").with(admin())).andExpect(status().isOk());
    }

    void program(Object... fields) throws Exception {
        mvc.perform(putJson("/api/v1/loyalty/program", object(fields)).with(admin()))
                .andExpect(status().isOk());
    }

    CustomerView member(String name) throws Exception {
        CustomerView customer = Customers.withPhone(customers, uniqueName(name));
        mvc.perform(postJson("/api/v1/customers/" + customer.id() + "/loyalty/enrolment", "{}")
                        .with(cashier()))
                .andExpect(status().isOk());
        return customer;
    }

    ProductView product(String category, String price) {
        return Products.create(products, uniqueName("Refunded"), category, price);
    }

    ResultActions account(CustomerView customer) throws Exception {
        return mvc.perform(
                        get("/api/v1/customers/" + customer.id() + "/loyalty").with(cashier()))
                .andExpect(status().isOk());
    }

    long balance(CustomerView customer) throws Exception {
        return ((Number) Json.read(account(customer).andReturn(), "$.balance")).longValue();
    }

    long ledgerSum(UUID customerId) {
        return jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM loyalty_entries WHERE customer_id = :id")
                .param("id", customerId)
                .query(Long.class)
                .single();
    }

    static String refund(Object... productAndQuantity) {
        StringBuilder lines = new StringBuilder("[");
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.append(i > 0 ? "," : "")
                    .append(object(
                            "productId", productAndQuantity[i].toString(), "quantity", productAndQuantity[i + 1]));
        }
        return object("lines", raw(lines.append(']').toString()));
    }

    ResultActions refundOf(OrderView order, String body, String key) throws Exception {
        // a null key stands for a request of its own (a fresh key: the API requires one)
        return mvc.perform(postJson("/api/v1/orders/" + order.id() + "/refunds", body)
                .header("Idempotency-Key", key != null ? key : UUID.randomUUID().toString())
                .with(manager()));
    }

    /** Refunds and returns the 201 response's pointsReversed after checking the refund's id and status. */
    int pointsReversed(OrderView order, Object... productAndQuantity) throws Exception {
        return Json.<Number>read(
                        refundOf(order, refund(productAndQuantity), null)
                                .andExpect(status().isCreated())
                                .andReturn(),
                        "$.pointsReversed")
                .intValue();
    }

    @Test
    void severalPartialRefundsThenTheRestLeaveTheOrderNoPointsAndTheBalanceBack() throws Exception {
        program("enabled", true, "pointsPerUnit", new BigDecimal("1.50"));
        ProductView latte = product(uniqueName("Coffee"), "4.20");
        ProductView muffin = product(uniqueName("Bakery"), "3.35");
        CustomerView ada = member("Ada Refunds");
        OrderView order = Sales.of(latte, 3).and(muffin, 1).forCustomer(ada).placeWith(orders, "cashier");
        // basis 15.95 x 1.50 = 23.925: 23 points
        assertThat(balance(ada)).isEqualTo(23);

        // 11.75 x 1.5 = 17.625: 17 kept, 6 back
        assertThat(pointsReversed(order, latte.id(), 1)).isEqualTo(6);
        // 8.40 x 1.5 = 12.6: 12 kept, 5 back
        assertThat(pointsReversed(order, muffin.id(), 1)).isEqualTo(5);
        assertThat(pointsReversed(order, latte.id(), 2)).isEqualTo(12);

        account(ada)
                .andExpect(jsonPath("$.balance").value(0))
                .andExpect(jsonPath("$.lifetimeEarned").value(0))
                .andExpect(jsonPath("$.qualifyingSpend").value(0.0));
        assertThat(ledgerSum(ada.id())).isZero();
        mvc.perform(get("/api/v1/orders/" + order.id()).with(cashier()))
                .andExpect(jsonPath("$.refunds[*].pointsReversed", contains(6, 5, 12)));
        String refundId = Json.read(
                mvc.perform(get("/api/v1/orders/" + order.id()).with(cashier())).andReturn(), "$.refunds[0].id");
        mvc.perform(get("/api/v1/customers/" + ada.id() + "/loyalty/entries").with(cashier()))
                .andExpect(jsonPath("$.items[*].type", contains("REVERSAL", "REVERSAL", "REVERSAL", "EARN")))
                .andExpect(jsonPath("$.items[2].points").value(-6))
                .andExpect(jsonPath("$.items[2].orderId").value(order.id().toString()))
                .andExpect(jsonPath("$.items[2].refundId").value(refundId))
                .andExpect(jsonPath("$.items[3].refundId").doesNotExist());
        // the till's refund receipt shows the points taken back
        mvc.perform(get("/pos/orders/" + order.id() + "/refunds/" + refundId).with(manager()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"refund-points\"")))
                .andExpect(content().string(containsString("Loyalty points taken back")))
                .andExpect(content().string(containsString(">-6<")));
    }

    @Test
    void aPartialRefundReversesByTheRulesTheOrderEarnedUnderAfterTaxWithTheTierAndExclusions() throws Exception {
        String giftCards = uniqueName("Gift cards");
        ProductView hamper = product(uniqueName("Hampers"), "300.00");
        ProductView coffee = product(uniqueName("Coffee"), "3.33");
        ProductView tea = product(uniqueName("Tea"), "2.45");
        ProductView giftCard = product(giftCards, "20.00");
        program("enabled", true, "earnBasis", "AFTER_TAX", "excludedCategories", raw("[\"" + giftCards + "\"]"));
        CustomerView ada = member("Ada Silver");
        Sales.of(hamper, 1).forCustomer(ada).placeWith(orders, "cashier"); // 324.00: 324 points, Silver
        OrderView order = Sales.of(coffee, 3)
                .and(tea, 2)
                .and(giftCard, 1)
                .forCustomer(ada)
                .placeWith(orders, "cashier");
        // total 37.68 over 9.99, 4.90 and 20.00: shares 10.79, 5.29 (and 21.60 excluded); 16.08 x 1.25 = 20.1
        assertThat(order.total()).isEqualByComparingTo("37.68");
        assertThat(balance(ada)).isEqualTo(324 + 20);
        // today's program would count everything before tax at 2 points a unit: the order's own rules still hold
        program("enabled", true, "pointsPerUnit", 2);

        // a coffee's share: 10.79 / 3 = 3.60 (as the refund's amount); 12.48 x 1.25 = 15.6: 15 kept
        refundOf(order, refund(coffee.id(), 1), null)
                .andExpect(status().isCreated())
                .andExpect(content().string(containsString("\"amount\":3.60")))
                .andExpect(jsonPath("$.pointsReversed").value(5));
        // an excluded line earned nothing and takes nothing back, and writes no entry
        assertThat(pointsReversed(order, giftCard.id(), 1)).isZero();
        // a tea: 5.29 / 2 = 2.645, rounded up to 2.65; 9.83 x 1.25 = 12.2875: 12 kept
        assertThat(pointsReversed(order, tea.id(), 1)).isEqualTo(3);

        account(ada)
                .andExpect(jsonPath("$.balance").value(324 + 20 - 5 - 3))
                .andExpect(jsonPath("$.lifetimeEarned").value(324 + 20 - 5 - 3))
                .andExpect(jsonPath("$.qualifyingSpend").value(333.83)) // 324 + 16.08 - 3.60 - 2.65
                .andExpect(jsonPath("$.tier").value("Silver"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_entries WHERE order_id = :id AND type = 'REVERSAL'")
                        .param("id", order.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // the rest: nothing left of the order
        assertThat(pointsReversed(order, coffee.id(), 2, tea.id(), 1)).isEqualTo(12);
        assertThat(balance(ada)).isEqualTo(324).isEqualTo(ledgerSum(ada.id()));
        account(ada).andExpect(jsonPath("$.qualifyingSpend").value(324.0));
    }

    @Test
    void aRefundOfPointsAlreadySpentTakesTheBalanceBelowZero() throws Exception {
        program("enabled", true);
        ProductView hamper = product(uniqueName("Hampers"), "300.00");
        CustomerView ada = member("Ada Overdrawn");
        OrderView order = Sales.of(hamper, 2).forCustomer(ada).placeWith(orders, "cashier");
        mvc.perform(postJson(
                                "/api/v1/customers/" + ada.id() + "/loyalty/adjustments",
                                object("points", -590, "reason", "Spent in the old system"))
                        .with(manager()))
                .andExpect(status().isCreated());

        assertThat(pointsReversed(order, hamper.id(), 1)).isEqualTo(300);

        account(ada)
                .andExpect(jsonPath("$.balance").value(-290))
                .andExpect(jsonPath("$.tier").value("Silver"));
        assertThat(ledgerSum(ada.id())).isEqualTo(-290);
    }

    @Test
    void aReplayedRefundReversesOnceAndTheDatabaseRefusesASecondReversalOfOneRefund() throws Exception {
        program("enabled", true);
        ProductView soup = product(uniqueName("Soups"), "10.00");
        CustomerView ada = member("Ada Replay");
        OrderView order = Sales.of(soup, 2).forCustomer(ada).placeWith(orders, "cashier");
        String key = "points-" + order.id();

        refundOf(order, refund(soup.id(), 1), key)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.pointsReversed").value(10));
        String refundId = Json.read(
                refundOf(order, refund(soup.id(), 1), key)
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.pointsReversed").value(10))
                        .andReturn(),
                "$.id");
        assertThat(balance(ada)).isEqualTo(10).isEqualTo(ledgerSum(ada.id()));

        // the event handled again (a redelivery) changes nothing
        OrderRefunded again = new OrderRefunded(
                order.id(),
                UUID.fromString(refundId),
                ada.id(),
                new BigDecimal("10.80"),
                List.of(new OrderRefunded.Line(1, soup.id(), 1, 0, new BigDecimal("10.80"))),
                OffsetDateTime.now(),
                "manager");
        new TransactionTemplate(transactions).executeWithoutResult(status -> reversal.on(again));
        assertThat(balance(ada)).isEqualTo(10).isEqualTo(ledgerSum(ada.id()));
        // and the database itself keeps one REVERSAL per refund, and one void REVERSAL per order
        assertThatThrownBy(() -> insertReversal(ada.id(), order.id(), UUID.fromString(refundId)))
                .isInstanceOf(DataIntegrityViolationException.class);
        insertReversal(ada.id(), order.id(), null);
        assertThatThrownBy(() -> insertReversal(ada.id(), order.id(), null))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void insertReversal(UUID customerId, UUID orderId, UUID refundId) {
        jdbc.sql("INSERT INTO loyalty_entries (customer_id, type, points, order_id, refund_id, created_at) "
                        + "VALUES (:customer, 'REVERSAL', 0, :order, :refund, :at)")
                .param("customer", customerId)
                .param("order", orderId)
                .param("refund", refundId)
                .param("at", OffsetDateTime.now())
                .update();
    }

    @Test
    void aTierOneOrderAloneReachedIsLostWhenMostOfItIsRefunded() throws Exception {
        program("enabled", true);
        ProductView basket = product(uniqueName("Baskets"), "100.00");
        CustomerView ada = member("Ada Tier Lost");
        OrderView order = Sales.of(basket, 3).forCustomer(ada).placeWith(orders, "cashier");
        account(ada).andExpect(jsonPath("$.tier").value("Silver"));

        assertThat(pointsReversed(order, basket.id(), 2)).isEqualTo(200);

        account(ada)
                .andExpect(jsonPath("$.tier").value("Bronze"))
                .andExpect(jsonPath("$.qualifyingSpend").value(100.0))
                .andExpect(jsonPath("$.balance").value(100));
        // back to the tier held before the order (none), as a void does; the spend left reaches Bronze
        assertThat(tierChanges(ada)).containsExactly("Silver", null);
    }

    @Test
    void aTierTheRefundsAlreadyTookBackIsNotGivenBackByTheNextRefund() throws Exception {
        // tiers from 50.00: below it no tier at all
        program(
                "enabled",
                true,
                "tiers",
                raw("[{\"name\":\"Bronze\",\"qualifyingSpend\":50.00,\"multiplier\":1},"
                        + "{\"name\":\"Silver\",\"qualifyingSpend\":250.00,\"multiplier\":1}]"));
        ProductView snack = product(uniqueName("Snacks"), "60.00");
        ProductView basket = product(uniqueName("Baskets"), "100.00");
        CustomerView ada = member("Ada Tier Twice");
        OrderView small = Sales.of(snack, 1).forCustomer(ada).placeWith(orders, "cashier");
        OrderView big = Sales.of(basket, 3).forCustomer(ada).placeWith(orders, "cashier");
        pointsReversed(small, snack.id(), 1);
        pointsReversed(big, basket.id(), 2); // 100.00 left: back to Bronze

        pointsReversed(big, basket.id(), 1); // nothing left

        assertThat(tierChanges(ada)).containsExactly("Bronze", "Silver", "Bronze");
        account(ada)
                .andExpect(jsonPath("$.tier").value("Bronze"))
                .andExpect(jsonPath("$.qualifyingSpend").value(0.0))
                .andExpect(jsonPath("$.balance").value(0));
    }

    private List<String> tierChanges(CustomerView customer) {
        return new ArrayList<>(jdbc.sql("SELECT to_tier FROM loyalty_tier_changes WHERE customer_id = :id ORDER BY id")
                .param("id", customer.id())
                .query(String.class)
                .list());
    }

    @Test
    void walkInsAndNonMembersRefundNoPoints() throws Exception {
        program("enabled", true);
        ProductView soup = product(uniqueName("Soups"), "10.00");
        CustomerView bob = Customers.withPhone(customers, uniqueName("Bob Not A Member"));
        OrderView bobs = Sales.of(soup, 2).forCustomer(bob).placeWith(orders, "cashier");
        OrderView walkIn = Sales.of(soup, 2).placeWith(orders, "cashier");

        assertThat(pointsReversed(bobs, soup.id(), 1)).isZero();
        String refundId = Json.read(
                refundOf(walkIn, refund(soup.id(), 1), null)
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.pointsReversed").value(0))
                        .andReturn(),
                "$.id");

        assertThat(ledgerSum(bob.id())).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_entries WHERE order_id IN (:ids)")
                        .param("ids", List.of(bobs.id(), walkIn.id()))
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(get("/pos/orders/" + walkIn.id() + "/refunds/" + refundId).with(manager()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"refund-points\""))));
    }
}
