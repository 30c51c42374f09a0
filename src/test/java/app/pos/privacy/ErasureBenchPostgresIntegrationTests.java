package app.pos.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import app.pos.shared.CustomerDetails;
import app.pos.support.Fixtures;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The erasure's figures (run by {@code bench/erasure.sh}, not by the build: it fills its run's database with
 * 100,000 customers): erasing a customer with 10,000 orders, and a retention run erasing 20,000 inactive customers
 * of 100,000 while a till keeps selling. Prints the figures; fails when erasure takes 1 s or more.
 */
@PostgresIntegrationTest
@EnabledIfSystemProperty(named = "pos.bench.erasure", matches = "true")
class ErasureBenchPostgresIntegrationTests {

    private static final int CUSTOMERS = Integer.getInteger("pos.bench.customers", 100_000);
    private static final int INACTIVE = Integer.getInteger("pos.bench.inactive", 20_000);
    private static final int ORDERS_EACH = 2;
    private static final int HEAVY_ORDERS = 10_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderService orders;

    @Autowired
    ProductService products;

    @Autowired
    Erasure erasure;

    @Autowired
    Retention retention;

    @Test
    void erasureOfACustomerWith10000OrdersAndARetentionRunOverALargeDatabase() throws Exception {
        List<Long> heavy = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CustomerView c = customers.create(
                    new CustomerDetails("Heavy " + ErasureFixture.tag(), Fixtures.uniquePhone(), null, "1 Main St"));
            insertOrders(
                    "SELECT id, name, phone, address, created_at FROM customers WHERE id = '" + c.id() + "'",
                    HEAVY_ORDERS);
            jdbc.sql("ANALYZE orders").update();
            long start = System.nanoTime();
            Erasure.Result result = erasure.erase(c.id(), "bench");
            heavy.add((System.nanoTime() - start) / 1_000_000);
            assertThat(result.ordersScrubbed()).isEqualTo(HEAVY_ORDERS);
        }
        Collections.sort(heavy);
        System.out.printf(
                "BENCH erasure of a customer with %,d orders: median %d ms, max %d ms (runs %s)%n",
                HEAVY_ORDERS, heavy.get(heavy.size() / 2), heavy.get(heavy.size() - 1), heavy);
        assertThat(heavy.get(heavy.size() / 2)).as("median erasure time (ms)").isLessThan(1000);

        jdbc.sql("""
                INSERT INTO customers (id, name, phone, email, address, notes, name_search, phone_digits,
                                       phone_digits_rev, total_spent, visit_count, last_visit_at, created_at,
                                       updated_at)
                SELECT gen_random_uuid(), 'Bench ' || g, '+1999' || lpad(g::text, 7, '0'),
                       'bench' || g || '@bench.example.com', g || ' Bench Street', 'likes tea',
                       'bench ' || g, '999' || lpad(g::text, 7, '0'), reverse('999' || lpad(g::text, 7, '0')),
                       21.60, 2, CASE WHEN g <= :inactive THEN TIMESTAMPTZ '1901-01-01 10:00:00+00' ELSE now() END,
                       CASE WHEN g <= :inactive THEN TIMESTAMPTZ '1901-01-01 10:00:00+00' ELSE now() END,
                       CASE WHEN g <= :inactive THEN TIMESTAMPTZ '1901-01-01 10:00:00+00' ELSE now() END
                FROM generate_series(1, :n) g
                """).param("inactive", INACTIVE).param("n", CUSTOMERS).update();
        insertOrders(
                "SELECT id, name, phone, address, created_at FROM customers WHERE name LIKE 'Bench %'", ORDERS_EACH);
        jdbc.sql("ANALYZE").update();
        jdbc.sql("UPDATE retention_policy SET inactive_months = 1200 WHERE id = 1")
                .update();
        assertThat(retention.preview().count()).isEqualTo(INACTIVE);
        jdbc.sql("EXPLAIN SELECT id FROM customers WHERE COALESCE(last_visit_at, created_at) < :cutoff "
                        + "AND updated_at < :cutoff LIMIT 1000 FOR UPDATE SKIP LOCKED")
                .param("cutoff", java.time.OffsetDateTime.parse("1926-01-01T00:00:00Z"))
                .query(String.class)
                .list()
                .forEach(line -> System.out.println("BENCH plan " + line));

        ProductView latte = Products.create(products, "Latte", "Bench " + ErasureFixture.tag(), "4.20");
        List<UUID> active = jdbc.sql(
                        "SELECT id FROM customers WHERE name LIKE 'Bench %' AND last_visit_at > :t LIMIT 1000")
                .param("t", java.time.OffsetDateTime.parse("2000-01-01T00:00:00Z"))
                .query(UUID.class)
                .list();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> sales = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> till = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                UUID customer = active.get(ThreadLocalRandom.current().nextInt(active.size()));
                long start = System.nanoTime();
                orders.place(
                        new PlaceOrder(
                                List.of(new PlaceOrder.Line(latte.id(), 1)),
                                customer,
                                null,
                                OrderType.TAKEAWAY,
                                PaymentMethod.CARD,
                                null,
                                null),
                        null,
                        "cashier");
                sales.add((System.nanoTime() - start) / 1_000);
            }
        });
        long start = System.nanoTime();
        Retention.Outcome outcome = retention.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        running.set(false);
        till.join();

        assertThat(outcome.erased()).isEqualTo(INACTIVE);
        List<Long> sorted = new ArrayList<>(sales);
        Collections.sort(sorted);
        System.out.printf(
                "BENCH retention: %,d of %,d customers (%,d orders each) erased in %,d ms = %,d customers/s;"
                        + " %,d sales meanwhile: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                INACTIVE,
                CUSTOMERS + 5,
                ORDERS_EACH,
                millis,
                INACTIVE * 1000L / Math.max(1, millis),
                sorted.size(),
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                percentile(sorted, 1.0));
        assertThat(retention.preview().count()).isZero();
    }

    /** {@code perCustomer} delivery orders with a note for each customer the query returns, one line each. */
    private void insertOrders(String customerQuery, int perCustomer) {
        jdbc.sql("""
                CREATE TABLE bench_orders AS
                SELECT gen_random_uuid() AS id, c.id AS customer_id, c.name, c.phone, c.address, c.created_at
                FROM (%s) c, generate_series(1, %d)
                """.formatted(customerQuery, perCustomer)).update();
        jdbc.sql("""
                INSERT INTO orders (id, number, customer_id, customer_name, customer_number, customer_address,
                                    order_type, payment_method, status, delivery_address, note, subtotal, discount,
                                    tax, total, placed_in_pos, created_at)
                SELECT id, nextval('order_number_seq'), customer_id, name, phone, address, 'DELIVERY', 'CARD',
                       'COMPLETED', address, 'ring twice', 10.00, 0, 0.80, 10.80, TRUE, created_at
                FROM bench_orders
                """).update();
        jdbc.sql("""
                INSERT INTO order_items (order_id, line_no, product_name, unit_price, quantity, line_total)
                SELECT id, 1, 'Latte', 10.00, 1, 10.00 FROM bench_orders
                """).update();
        jdbc.sql("DROP TABLE IF EXISTS bench_orders").update();
    }

    private static double percentile(List<Long> sortedMicros, double p) {
        if (sortedMicros.isEmpty()) {
            return 0;
        }
        int i = (int) Math.min(sortedMicros.size() - 1, Math.ceil(p * sortedMicros.size()) - 1);
        return sortedMicros.get(Math.max(0, i)) / 1000.0;
    }
}
