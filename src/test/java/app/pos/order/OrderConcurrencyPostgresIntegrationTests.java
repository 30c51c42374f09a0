package app.pos.order;

import static org.assertj.core.api.Assertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.shared.CustomerDetails;
import app.pos.support.Customers;
import app.pos.support.Fixtures;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many tills selling to the same customer at once: the statistics must come out exact, to the cent. */
@PostgresIntegrationTest
class OrderConcurrencyPostgresIntegrationTests {

    private static final int THREADS = 32;
    private static final int ORDERS_PER_THREAD = 20;

    @Autowired
    OrderService orders;

    @Autowired
    CustomerService customers;

    @Autowired
    ProductService products;

    @Autowired
    JdbcClient jdbc;

    ProductView soup;
    ProductView bread;

    @BeforeEach
    void menu() {
        soup = Products.create(products, "Soup", "Kitchen", "6.95");
        bread = Products.create(products, "Bread", "Bakery", "1.15");
    }

    @Test
    void thirtyTwoTillsPlacingTwentyOrdersEachForOneCustomerKeepExactStats() throws Exception {
        CustomerView regular = Customers.withPhone(customers, "Regular Rita");
        List<Throwable> failures = runConcurrently(THREADS, thread -> {
            for (int i = 0; i < ORDERS_PER_THREAD; i++) {
                orders.place(orderFor(regular.id(), 1 + (thread + i) % 3, (thread * i) % 4), null, "till-" + thread);
            }
        });
        assertThat(failures).isEmpty();

        CustomerView after = customers.get(regular.id());
        assertThat(after.visitCount()).isEqualTo(THREADS * ORDERS_PER_THREAD);
        assertThat(after.totalSpent()).isEqualByComparingTo(sumOfCompletedOrders(regular.id()));
        assertThat(Sales.countOf(jdbc, regular.id())).isEqualTo(THREADS * ORDERS_PER_THREAD);
    }

    @Test
    void voidsMixedWithSalesKeepExactStats() throws Exception {
        CustomerView regular = Customers.withPhone(customers, "Busy Bob");
        List<UUID> placed = new CopyOnWriteArrayList<>();
        Set<UUID> voided = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = runConcurrently(THREADS, thread -> {
            for (int i = 0; i < ORDERS_PER_THREAD; i++) {
                if (thread % 4 == 3 && placed.size() > 4) {
                    // Voiders race each other for the same recent orders: exactly one void per order may win.
                    UUID target = placed.get(placed.size() - 1 - (i % 4));
                    try {
                        orders.voidOrder(target, "manager-" + thread);
                        assertThat(voided.add(target))
                                .as("an order was voided twice")
                                .isTrue();
                    } catch (OrderAlreadyVoided expected) {
                        // another voider won this order
                    }
                } else {
                    placed.add(orders.place(orderFor(regular.id(), 1 + i % 2, i % 3), null, "till-" + thread)
                            .order()
                            .id());
                }
            }
        });
        assertThat(failures).isEmpty();
        assertThat(voided).isNotEmpty();

        CustomerView after = customers.get(regular.id());
        long completed = placed.size() - voided.size();
        assertThat(after.visitCount()).isEqualTo(completed);
        assertThat(after.totalSpent()).isEqualByComparingTo(sumOfCompletedOrders(regular.id()));
        assertThat(after.lastVisitAt().toInstant())
                .isEqualTo(
                        jdbc.sql("SELECT MAX(created_at) FROM orders WHERE customer_id = :id AND status = 'COMPLETED'")
                                .param("id", regular.id())
                                .query(java.time.OffsetDateTime.class)
                                .single()
                                .toInstant());
    }

    @Test
    void theSameIdempotencyKeyFromManyTillsAtOnceMakesOneOrder() throws Exception {
        CustomerView regular = Customers.withPhone(customers, "Double Click Dan");
        String key = "double-click-" + UUID.randomUUID();
        PlaceOrder order = orderFor(regular.id(), 2, 1);
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = runConcurrently(
                16, thread -> ids.add(orders.place(order, key, "till").order().id()));
        assertThat(failures).isEmpty();
        assertThat(ids).hasSize(1);
        assertThat(Sales.countOf(jdbc, regular.id())).isEqualTo(1);
        assertThat(customers.get(regular.id()).visitCount()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyFromTwoStaffUsersMakesAnOrderForEach() throws Exception {
        CustomerView regular = Customers.withPhone(customers, "Shared Key Sam");
        String key = "shared-" + UUID.randomUUID();
        PlaceOrder order = orderFor(regular.id(), 1, 1);
        Set<UUID> anna = ConcurrentHashMap.newKeySet();
        Set<UUID> ben = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = runConcurrently(
                16,
                thread -> (thread % 2 == 0 ? anna : ben)
                        .add(orders.place(order, key, thread % 2 == 0 ? "anna" : "ben")
                                .order()
                                .id()));
        assertThat(failures).isEmpty();
        assertThat(anna).as("anna's orders").hasSize(1);
        assertThat(ben).as("ben's orders").hasSize(1);
        assertThat(anna).doesNotContainAnyElementsOf(ben);
        assertThat(Sales.countOf(jdbc, regular.id())).isEqualTo(2);

        PlacedOrder replay = orders.place(order, key, "ben");
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.order().id()).isEqualTo(ben.iterator().next());
    }

    @Test
    void manyTillsCreatingTheSameNewCustomerInlineMakeOneCustomer() throws Exception {
        String phone = Fixtures.uniquePhone();
        Set<UUID> customerIds = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = runConcurrently(
                8,
                thread -> customerIds.add(orders.place(
                                new PlaceOrder(
                                        List.of(new PlaceOrder.Line(soup.id(), 1)),
                                        null,
                                        new CustomerDetails("New Nina", phone, null, null),
                                        OrderType.TAKEAWAY,
                                        PaymentMethod.CASH,
                                        null,
                                        null),
                                null,
                                "till-" + thread)
                        .order()
                        .customerId()));
        assertThat(failures).isEmpty();
        assertThat(customerIds).hasSize(1);
        assertThat(customers.get(customerIds.iterator().next()).visitCount()).isEqualTo(8);
    }

    private PlaceOrder orderFor(UUID customerId, int soups, int breads) {
        Sales.Sale sale = Sales.of(soup, soups);
        if (breads > 0) {
            sale = sale.and(bread, breads);
        }
        return sale.forCustomer(customerId).paidBy(PaymentMethod.CARD).command();
    }

    private BigDecimal sumOfCompletedOrders(UUID customerId) {
        return jdbc.sql("SELECT COALESCE(SUM(total), 0) FROM orders WHERE customer_id = :id AND status = 'COMPLETED'")
                .param("id", customerId)
                .query(BigDecimal.class)
                .single();
    }

    interface Work {
        void run(int thread) throws Exception;
    }

    private static List<Throwable> runConcurrently(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                try {
                    start.await();
                    work.run(thread);
                } catch (Throwable e) {
                    failures.add(e);
                }
                return null;
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES))
                .as("all tills finished")
                .isTrue();
        return failures;
    }
}
