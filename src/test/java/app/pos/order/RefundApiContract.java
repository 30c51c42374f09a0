package app.pos.order;

import static app.pos.support.Api.postJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Json.object;
import static app.pos.support.Json.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.support.Customers;
import app.pos.support.Json;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The refund API contract, run against PostgreSQL and H2 by the two subclasses. */
abstract class RefundApiContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderService orders;

    @Autowired
    SalesReport sales;

    @Autowired
    CustomerOrders customerOrders;

    ProductView latte;
    ProductView muffin;
    CustomerView ada;
    OrderView order;

    /** Two lattes (4.20) and a muffin (3.35): subtotal 11.75, tax 0.94, total 12.69. */
    @BeforeEach
    void anOrder() {
        latte = Products.create(products, "Latte", "Coffee", "4.20");
        muffin = Products.create(products, "Muffin", "Bakery", "3.35");
        ada = Customers.withPhone(customers, "Refund Ada");
        order = Sales.of(latte, 2).and(muffin, 1).forCustomer(ada).placeWith(orders, "cashier");
    }

    static String refund(String reason, Object... productAndQuantity) {
        StringBuilder lines = new StringBuilder("[");
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.append(i > 0 ? "," : "")
                    .append(object(
                            "productId", productAndQuantity[i].toString(), "quantity", productAndQuantity[i + 1]));
        }
        return object("lines", raw(lines.append(']').toString()), "reason", reason);
    }

    /** A refund request; a null key stands for a request of its own (a fresh key: the API requires one). */
    ResultActions refundOf(UUID orderId, String body, String key, RequestPostProcessor who) throws Exception {
        return mvc.perform(postJson("/api/v1/orders/" + orderId + "/refunds", body)
                .header("Idempotency-Key", key != null ? key : UUID.randomUUID().toString())
                .with(who));
    }

    @Test
    void aRefundWithoutAnIdempotencyKeyIsRefusedAndRefundsNothing() throws Exception {
        mvc.perform(postJson("/api/v1/orders/" + order.id() + "/refunds", refund(null, latte.id(), 1))
                        .with(manager()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("Idempotency-Key")));
        mvc.perform(get("/api/v1/orders/" + order.id()).with(manager())).andExpect(jsonPath("$.refunds", hasSize(0)));
    }

    @Test
    void aRefundGivesBackTheLinesShareAndLowersTheCustomersSpendButNotTheVisits() throws Exception {
        String location = refundOf(order.id(), refund("cold", latte.id(), 1), "r-1-" + order.id(), manager())
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/orders/" + order.id() + "/refunds/")))
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.orderId").value(order.id().toString()))
                .andExpect(content().string(containsString("\"amount\":4.54"))) // 9.07 of 12.69 for 2 lattes
                .andExpect(jsonPath("$.lines[0].productId").value(latte.id().toString()))
                .andExpect(jsonPath("$.lines[0].quantity").value(1))
                .andExpect(jsonPath("$.pointsReversed").value(0))
                .andExpect(jsonPath("$.createdAt").isString())
                .andExpect(jsonPath("$.staff").value("manager"))
                .andExpect(jsonPath("$.reason").value("cold"))
                .andReturn()
                .getResponse()
                .getHeader("Location");

        mvc.perform(get(location).with(cashier()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"amount\":4.54")));
        mvc.perform(get("/api/v1/orders/" + order.id()).with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refunds.length()").value(1))
                .andExpect(content().string(containsString("\"refundedTotal\":4.54")))
                .andExpect(jsonPath("$.items[0].quantity").value(2));
        CustomerView after = customers.get(ada.id());
        assertThat(after.totalSpent()).isEqualByComparingTo("8.15");
        assertThat(after.visitCount()).isEqualTo(1);
        assertThat(customerOrders.completedTotals(ada.id()).totalSpent()).isEqualByComparingTo("8.15");
        // the customer's data export and order history show the refund too
        java.util.List<OrderView> exported = new java.util.ArrayList<>();
        customerOrders.everyOrder(ada.id(), exported::add);
        assertThat(exported)
                .singleElement()
                .satisfies(o -> assertThat(o.refundedTotal()).isEqualByComparingTo("4.54"));
        mvc.perform(get("/api/v1/customers/" + ada.id() + "/orders").with(manager()))
                .andExpect(content().string(containsString("\"refundedTotal\":4.54")));
    }

    @Test
    void refundingEverythingInPartsGivesBackExactlyTheTotal() throws Exception {
        refundOf(order.id(), refund(null, latte.id(), 1), null, manager()).andExpect(status().isCreated());
        refundOf(order.id(), refund(null, muffin.id(), 1), null, admin()).andExpect(status().isCreated());
        refundOf(order.id(), refund(null, latte.id(), 1), null, manager())
                .andExpect(status().isCreated())
                .andExpect(content().string(containsString("\"amount\":4.53")));
        mvc.perform(get("/api/v1/orders/" + order.id()).with(manager()))
                .andExpect(content().string(containsString("\"refundedTotal\":12.69")));
        assertThat(customers.get(ada.id()).totalSpent()).isEqualByComparingTo("0.00");
        assertThat(customers.get(ada.id()).visitCount()).isEqualTo(1);
        refundOf(order.id(), refund(null, muffin.id(), 1), null, manager())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.remaining").value(0));
    }

    @Test
    void aReplayReturnsTheSameRefundOnceAndAnotherBodyUnderTheKeyIsRefused() throws Exception {
        String key = "replay-" + order.id();
        String first = Json.read(
                refundOf(order.id(), refund(null, latte.id(), 1), key, manager())
                        .andReturn(),
                "$.id");
        refundOf(order.id(), refund(null, latte.id(), 1), key, manager())
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(first));
        assertThat(customers.get(ada.id()).totalSpent()).isEqualByComparingTo("8.15");

        refundOf(order.id(), refund(null, muffin.id(), 1), key, manager())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.refundId").value(first));
        // keys are per staff user: the admin's identical key is a refund of their own
        refundOf(order.id(), refund(null, latte.id(), 1), key, admin())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(org.hamcrest.Matchers.not(first)));
    }

    @Test
    void refundsThatCannotBeAreProblems() throws Exception {
        refundOf(order.id(), refund(null, latte.id(), 3), null, manager())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("More than remains"))
                .andExpect(jsonPath("$.remaining").value(2));
        refundOf(order.id(), refund(null, UUID.randomUUID(), 1), null, manager())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Product not in the order"));
        refundOf(order.id(), object("lines", raw("[]")), null, manager())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Nothing to refund"));
        refundOf(order.id(), refund(null, latte.id(), 0), null, manager()).andExpect(status().isUnprocessableContent());
        refundOf(order.id(), refund(null, latte.id(), 1, latte.id(), 1), null, manager())
                .andExpect(status().isUnprocessableContent());
        refundOf(UUID.randomUUID(), refund(null, latte.id(), 1), null, manager())
                .andExpect(status().isNotFound());
        refundOf(order.id(), refund(null, latte.id(), 1), null, cashier()).andExpect(status().isForbidden());
        assertThat(customers.get(ada.id()).totalSpent()).isEqualByComparingTo("12.69");
    }

    @Test
    void aVoidedOrderIsNotRefundedAndARefundedOrderIsNotVoided() throws Exception {
        OrderView other = Sales.of(muffin, 1).forCustomer(ada).placeWith(orders, "cashier");
        mvc.perform(post("/api/v1/orders/" + other.id() + "/void").with(manager()))
                .andExpect(status().isOk());
        refundOf(other.id(), refund(null, muffin.id(), 1), null, manager())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Order voided"));

        refundOf(order.id(), refund(null, muffin.id(), 1), null, manager()).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/orders/" + order.id() + "/void").with(manager()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Order already partly refunded"));
        CustomerView after = customers.get(ada.id());
        assertThat(after.visitCount()).isEqualTo(1);
        assertThat(after.totalSpent()).isEqualByComparingTo("9.07"); // 12.69 - 3.62
    }

    @Test
    void theCashUpAndTheDashboardTakeRefundsOffRevenue() throws Exception {
        java.time.OffsetDateTime from = order.createdAt().minusHours(1);
        java.time.OffsetDateTime to = order.createdAt().plusHours(1);
        SalesReport.CashUp before = sales.cashUp(from, to);
        SalesReport.Summary summaryBefore = sales.summary(from, to);
        java.math.BigDecimal splitBefore = cashOf(sales.paymentSplit(from, to));

        refundOf(order.id(), refund(null, muffin.id(), 1), null, manager()).andExpect(status().isCreated());

        SalesReport.CashUp after = sales.cashUp(from, to);
        assertThat(after.refunds()).isEqualTo(before.refunds() + 1);
        assertThat(after.refundedTotal())
                .isEqualByComparingTo(before.refundedTotal().add(new java.math.BigDecimal("3.62")));
        assertThat(after.revenue()).isEqualByComparingTo(before.revenue().subtract(new java.math.BigDecimal("3.62")));
        assertThat(after.tax()).isEqualByComparingTo(before.tax());
        assertThat(cash(after)).isEqualByComparingTo(cash(before).subtract(new java.math.BigDecimal("3.62")));
        assertThat(sales.summary(from, to).revenue())
                .isEqualByComparingTo(summaryBefore.revenue().subtract(new java.math.BigDecimal("3.62")));
        assertThat(cashOf(sales.paymentSplit(from, to)))
                .isEqualByComparingTo(splitBefore.subtract(new java.math.BigDecimal("3.62")));
    }

    private static java.math.BigDecimal cash(SalesReport.CashUp cashUp) {
        return cashUp.byPayment().stream()
                .filter(p -> p.method() == PaymentMethod.CASH)
                .findFirst()
                .orElseThrow()
                .total();
    }

    private static java.math.BigDecimal cashOf(java.util.List<SalesReport.PaymentShare> split) {
        return split.stream()
                .filter(p -> p.method() == PaymentMethod.CASH)
                .findFirst()
                .orElseThrow()
                .amount();
    }
}
