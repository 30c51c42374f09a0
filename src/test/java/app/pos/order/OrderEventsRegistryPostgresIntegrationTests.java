package app.pos.order;

import static org.assertj.core.api.Assertions.assertThat;

import app.pos.PosApplication;
import app.pos.catalog.NewProduct;
import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.support.Fixtures;
import app.pos.support.PostgresTestDatabase;
import app.pos.support.RequiresPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * What may happen later goes through Spring Modulith's event publication registry: the publication of an
 * {@link OrderPlaced} to an asynchronous listener is stored in the order's transaction, stays outstanding when
 * the listener fails (or the app stops before it ran), and is delivered again when the application starts next;
 * once delivered, it is removed. Two real application starts on a database of the test's own.
 */
@ExtendWith(RequiresPostgres.class)
class OrderEventsRegistryPostgresIntegrationTests {

    private static String url;

    @BeforeAll
    static void createDatabase() throws Exception {
        String database =
                "pos_events_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        execute("CREATE DATABASE " + database);
        String admin = PostgresTestDatabase.url();
        url = admin.substring(0, admin.lastIndexOf('/') + 1) + database;
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (url != null) {
            execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1) + " WITH (FORCE)");
        }
    }

    @Test
    void aPublicationWhoseListenerFailedIsKeptAndDeliveredOnTheNextStart() throws Exception {
        UUID orderId;
        LaterListener.failing.set(true);
        try (ConfigurableApplicationContext first = start()) {
            ProductView soup = first.getBean(ProductService.class)
                    .create(new NewProduct(Fixtures.uniqueName("Soup"), "Food", new BigDecimal("4.50"), null));
            orderId = first.getBean(OrderService.class)
                    .place(
                            new PlaceOrder(
                                    List.of(new PlaceOrder.Line(soup.id(), 1)),
                                    null,
                                    null,
                                    OrderType.TAKEAWAY,
                                    PaymentMethod.CASH,
                                    null,
                                    null),
                            null,
                            "cashier")
                    .order()
                    .id();
            awaitTrue(() -> LaterListener.attempts.containsKey(orderId));
            // The listener failed: the order is placed, its publication is outstanding.
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM orders WHERE id = :id")
                            .param("id", orderId)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(outstanding(jdbc)).singleElement().satisfies(row -> {
                assertThat(row.get("event_type")).isEqualTo(OrderPlaced.class.getName());
                assertThat((String) row.get("serialized_event")).contains(orderId.toString());
                assertThat(row.get("completion_date")).isNull();
            });
        }
        assertThat(LaterListener.delivered).doesNotContain(orderId);

        LaterListener.failing.set(false);
        try (ConfigurableApplicationContext second = start()) {
            awaitTrue(() -> LaterListener.delivered.contains(orderId));
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            awaitTrue(() -> outstanding(jdbc).isEmpty());
        }
        assertThat(LaterListener.deliveries).containsOnlyOnce(orderId);
    }

    private static List<Map<String, Object>> outstanding(JdbcClient jdbc) {
        return jdbc.sql("SELECT event_type, serialized_event, completion_date FROM event_publication")
                .query()
                .listOfRows();
    }

    private static ConfigurableApplicationContext start() {
        // command-line arguments, not default properties: those lose to application.yml's embedded H2 database
        return new SpringApplicationBuilder(PosApplication.class, LaterListener.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + PostgresTestDatabase.user(),
                        "--spring.datasource.password=" + PostgresTestDatabase.password(),
                        "--pos.admin.password=registry-test-password");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void execute(String sql) throws Exception {
        String admin = PostgresTestDatabase.url();
        try (Connection c = DriverManager.getConnection(
                        admin.substring(0, admin.lastIndexOf('/') + 1) + "postgres",
                        PostgresTestDatabase.user(),
                        PostgresTestDatabase.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** An asynchronous listener of the kind mail or analytics will be; fails while told to. */
    static class LaterListener {

        static final AtomicBoolean failing = new AtomicBoolean();
        static final Map<UUID, Integer> attempts = new ConcurrentHashMap<>();
        static final Set<UUID> delivered = ConcurrentHashMap.newKeySet();
        static final List<UUID> deliveries = new java.util.concurrent.CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(OrderPlaced placed) {
            attempts.merge(placed.orderId(), 1, Integer::sum);
            if (failing.get()) {
                throw new IllegalStateException("the mail server is down (test)");
            }
            delivered.add(placed.orderId());
            deliveries.add(placed.orderId());
        }
    }
}
