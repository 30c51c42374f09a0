package app.pos.loyalty;

import static app.pos.support.Api.postJson;
import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderRefunds;
import app.pos.order.OrderService;
import app.pos.order.OrderView;
import app.pos.order.PlacedRefund;
import app.pos.order.RefundOrder;
import app.pos.support.Customers;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Concurrent refunds of one order's different lines reverse exactly, on PostgreSQL. */
@PostgresIntegrationTest
class RefundPointsConcurrencyPostgresIntegrationTests {

    private static final int LINES = 8;

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
    OrderRefunds refunds;

    @AfterEach
    void backToTheDefaultProgram() throws Exception {
        mvc.perform(putJson("/api/v1/loyalty/program", "{}").with(admin())).andExpect(status().isOk());
    }

    @Test
    void concurrentRefundsOfDifferentLinesReverseExactlyAndTheRestLeavesNothing() throws Exception {
        mvc.perform(putJson("/api/v1/loyalty/program", object("enabled", true, "pointsPerUnit", new BigDecimal("1.5")))
                        .with(admin()))
                .andExpect(status().isOk());
        CustomerView ada = Customers.withPhone(customers, uniqueName("Ada Concurrent"));
        mvc.perform(postJson("/api/v1/customers/" + ada.id() + "/loyalty/enrolment", "{}")
                        .with(cashier()))
                .andExpect(status().isOk());
        List<ProductView> lines = new ArrayList<>();
        Sales.Sale sale = null;
        for (int i = 0; i < LINES; i++) {
            ProductView product = Products.create(
                    products,
                    uniqueName("Racing"),
                    uniqueName("Race"),
                    new BigDecimal("1.37").multiply(BigDecimal.valueOf(i + 1)).toPlainString());
            lines.add(product);
            sale = sale == null ? Sales.of(product, 2) : sale.and(product, 2);
        }
        OrderView order = sale.forCustomer(ada).placeWith(orders, "cashier");
        // before tax, no discount: each line's share of the basis is its total, half of it a unit's (rounded up)
        BigDecimal basis = order.subtotal();
        long earned = floor(basis);
        assertThat(ledgerSum(ada)).isEqualTo(earned);

        long first = refundConcurrently(order, lines);
        BigDecimal left = basis;
        for (OrderView.Line line : order.items()) {
            left = left.subtract(line.lineTotal().divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
        }
        assertThat(first).isEqualTo(earned - floor(left));
        assertThat(ledgerSum(ada)).isEqualTo(floor(left)).isEqualTo(balance(ada));

        long second = refundConcurrently(order, lines);
        assertThat(first + second).isEqualTo(earned);
        assertThat(ledgerSum(ada)).isZero();
        assertThat(balance(ada)).isZero();
        assertThat(jdbc.sql("SELECT COALESCE(SUM(basis), 0) FROM loyalty_entries WHERE customer_id = :id")
                        .param("id", ada.id())
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_entries WHERE order_id = :id AND type = 'REVERSAL'")
                        .param("id", order.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2L * LINES);
    }

    /** One unit of each line, each by its own thread at once; the points they took back in all. */
    private long refundConcurrently(OrderView order, List<ProductView> lines) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(LINES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PlacedRefund>> results = new ArrayList<>();
        try {
            for (ProductView product : lines) {
                results.add(pool.submit(() -> {
                    start.await();
                    return refunds.refund(
                            order.id(),
                            new RefundOrder(List.of(new RefundOrder.Line(product.id(), 1)), null),
                            null,
                            "manager");
                }));
            }
            start.countDown();
            long reversed = 0;
            for (Future<PlacedRefund> result : results) {
                reversed += result.get().refund().pointsReversed();
            }
            return reversed;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long floor(BigDecimal basis) {
        return basis.multiply(new BigDecimal("1.5"))
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }

    private long ledgerSum(CustomerView customer) {
        return jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM loyalty_entries WHERE customer_id = :id")
                .param("id", customer.id())
                .query(Long.class)
                .single();
    }

    private long balance(CustomerView customer) {
        return jdbc.sql("SELECT balance FROM loyalty_balances WHERE customer_id = :id")
                .param("id", customer.id())
                .query(Long.class)
                .single();
    }
}
