package app.pos.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
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
 * The reconciliation's figures (run by {@code bench/reconciliation.sh}, not by the build): fills its run's database
 * with {@code pos.bench.customers} customers (100,000) and five orders each (2% voided, 1% refunded, a walk-in for
 * every tenth), one member in five with a ledger entry per order, then reconciles everything while a till keeps
 * selling. Prints the figures; fails on a mismatch or when it takes 60 s or more.
 */
@PostgresIntegrationTest
@EnabledIfSystemProperty(named = "pos.bench.reconciliation", matches = "true")
class ReconciliationBenchPostgresIntegrationTests {

    private static final int CUSTOMERS = Integer.getInteger("pos.bench.customers", 100_000);
    private static final int ORDERS = CUSTOMERS * 5;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    OrderService orders;

    @Autowired
    ProductService products;

    @Test
    void reconcilesTheWholeShopInUnderAMinuteWhileATillSells() throws Exception {
        long filling = System.nanoTime();
        fill();
        System.out.printf(
                "BENCH filled %,d customers and %,d orders in %,d s%n",
                CUSTOMERS, ORDERS, (System.nanoTime() - filling) / 1_000_000_000);

        ProductView latte = Products.create(products, "Latte", Fixtures.uniqueName("Bench"), "4.20");
        List<UUID> regulars = jdbc.sql("SELECT id FROM customers ORDER BY random() LIMIT 1000")
                .query(UUID.class)
                .list();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> sales = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> till = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                UUID customer = regulars.get(ThreadLocalRandom.current().nextInt(regulars.size()));
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
        ReconciliationReport report = reconciliation.run("bench");
        running.set(false);
        till.join();

        List<Long> sorted = new ArrayList<>(sales);
        Collections.sort(sorted);
        System.out.printf(
                "BENCH reconciliation of %,d customers (%,d orders, %,d loyalty accounts) in %,d ms = %,d customers/s;"
                        + " %,d stats and %,d points mismatches; %,d sales meanwhile: p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms%n",
                report.customersChecked(),
                ORDERS,
                report.loyaltyAccountsChecked(),
                report.durationMillis(),
                report.customersChecked() * 1000L / Math.max(1, report.durationMillis()),
                report.statsMismatches(),
                report.pointsMismatches(),
                sorted.size(),
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                percentile(sorted, 1.0));
        assertThat(report.customersChecked()).isGreaterThanOrEqualTo(CUSTOMERS);
        assertThat(report.consistent())
                .as("no mismatch, even with sales going on")
                .isTrue();
        assertThat(report.durationMillis()).isLessThan(60_000);
    }

    private void fill() {
        jdbc.sql("""
                CREATE TABLE bench_customers AS
                SELECT g AS n, gen_random_uuid() AS id FROM generate_series(1, :n) g
                """).param("n", CUSTOMERS).update();
        jdbc.sql("""
                INSERT INTO customers (id, name, phone, name_search, phone_digits, phone_digits_rev, total_spent,
                                       visit_count, created_at, updated_at)
                SELECT id, 'Bench ' || n, '+1998' || lpad(n::text, 7, '0'), 'bench ' || n,
                       '998' || lpad(n::text, 7, '0'), reverse('998' || lpad(n::text, 7, '0')), 0, 0,
                       now() - interval '3 years', now() - interval '3 years'
                FROM bench_customers
                """).update();
        // five orders per customer, in time order across customers (as a shop's history is); every tenth a walk-in
        jdbc.sql("""
                INSERT INTO orders (id, number, customer_id, order_type, payment_method, status, subtotal, discount,
                                    tax, total, placed_in_pos, created_at)
                SELECT gen_random_uuid(), 1000000 + g, CASE WHEN g % 10 = 0 THEN NULL ELSE c.id END, 'DINE_IN',
                       'CARD', CASE WHEN g % 50 = 0 THEN 'VOIDED' ELSE 'COMPLETED' END, 5.00 + g % 37, 0, 0.40,
                       5.40 + g % 37, TRUE, now() - (:orders - g) * interval '10 seconds'
                FROM generate_series(1, :orders) g JOIN bench_customers c ON c.n = 1 + (g::bigint * 7919) % :n
                """).param("orders", ORDERS).param("n", CUSTOMERS).update();
        jdbc.sql("SELECT setval('order_number_seq', 1000000 + :orders + 1)")
                .param("orders", ORDERS)
                .query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO order_refunds (id, order_id, amount, created_by, created_at)
                SELECT gen_random_uuid(), id, 1.00, 'bench', created_at + interval '1 hour'
                FROM orders WHERE status = 'COMPLETED' AND number % 100 = 7
                """).update();
        jdbc.sql("""
                UPDATE customers c SET total_spent = s.spent - COALESCE(r.refunded, 0), visit_count = s.visits,
                       last_visit_at = s.last_visit
                FROM (SELECT customer_id, SUM(total) AS spent, COUNT(*) AS visits, MAX(created_at) AS last_visit
                      FROM orders WHERE status = 'COMPLETED' AND customer_id IS NOT NULL GROUP BY customer_id) s
                LEFT JOIN (SELECT o.customer_id, SUM(r.amount) AS refunded FROM order_refunds r
                           JOIN orders o ON o.id = r.order_id GROUP BY o.customer_id) r
                       ON r.customer_id = s.customer_id
                WHERE c.id = s.customer_id
                """).update();
        jdbc.sql("""
                INSERT INTO loyalty_entries (customer_id, type, points, basis, spend_at, order_id, created_at)
                SELECT o.customer_id, 'EARN', FLOOR(o.subtotal), o.subtotal, o.created_at, o.id, o.created_at
                FROM orders o JOIN bench_customers c ON c.id = o.customer_id
                WHERE c.n % 5 = 0 AND o.status = 'COMPLETED'
                """).update();
        jdbc.sql("""
                INSERT INTO loyalty_balances (customer_id, balance, lifetime_earned, tier)
                SELECT customer_id, SUM(points), SUM(points), 'Bronze' FROM loyalty_entries
                WHERE customer_id IN (SELECT id FROM bench_customers WHERE n % 5 = 0)
                GROUP BY customer_id
                ON CONFLICT DO NOTHING
                """).update();
        jdbc.sql("DROP TABLE bench_customers").update();
        jdbc.sql("VACUUM ANALYZE customers").update();
        jdbc.sql("VACUUM ANALYZE orders").update();
        jdbc.sql("VACUUM ANALYZE order_refunds").update();
        jdbc.sql("VACUUM ANALYZE loyalty_entries").update();
        jdbc.sql("VACUUM ANALYZE loyalty_balances").update();
    }

    private static double percentile(List<Long> sortedMicros, double p) {
        if (sortedMicros.isEmpty()) {
            return 0;
        }
        int i = (int) Math.min(sortedMicros.size() - 1, Math.ceil(p * sortedMicros.size()) - 1);
        return sortedMicros.get(Math.max(0, i)) / 1000.0;
    }
}
