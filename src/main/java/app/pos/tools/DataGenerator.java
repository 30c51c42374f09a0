package app.pos.tools;

import app.pos.catalog.NewProduct;
import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.order.OrderPricing;
import app.pos.shared.PhoneNumbers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills an empty PostgreSQL database with a shop's history: {@code --pos.generate.customers=N} (default 1,000,000)
 * and {@code --pos.generate.orders=M} (default 5,000,000) over the last three years, then exits. US-style names,
 * valid phone numbers (a few percent of customers without one), addresses, and repeat visits following a long
 * tail (a few regulars, many one-off visitors); ~10% walk-in orders and ~2% voided ones. Customer statistics
 * are computed from the generated orders at the end, so they are consistent. Deterministic for a given
 * {@code --pos.generate.seed}.
 */
@Component
@Order(100)
@ConditionalOnProperty("pos.generate.customers")
class DataGenerator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DataGenerator.class);

    private final DataSource dataSource;
    private final ProductService products;
    private final PhoneNumbers phones;
    private final OrderPricing pricing;
    private final ApplicationContext context;
    private final int customers;
    private final int orders;
    private final long seed;

    DataGenerator(
            DataSource dataSource,
            ProductService products,
            PhoneNumbers phones,
            OrderPricing pricing,
            ApplicationContext context,
            @Value("${pos.generate.customers:1000000}") int customers,
            @Value("${pos.generate.orders:5000000}") int orders,
            @Value("${pos.generate.seed:42}") long seed) {
        this.dataSource = dataSource;
        this.products = products;
        this.phones = phones;
        this.pricing = pricing;
        this.context = context;
        this.customers = customers;
        this.orders = orders;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Instant started = Instant.now();
        List<ProductView> menu = menu();
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
                throw new IllegalStateException("The data generator writes with PostgreSQL's COPY; point "
                        + "SPRING_DATASOURCE_URL at a PostgreSQL database");
            }
            try (Statement s = connection.createStatement();
                    var rs = s.executeQuery("SELECT COUNT(*) FROM customers")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("The database already has customers; generate into an empty one");
                }
            }
            connection.setAutoCommit(false);
            PGConnection pg = connection.unwrap(PGConnection.class);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
            OffsetDateTime start = now.minusYears(3);
            GeneratedCustomers.Customer[] people = new GeneratedCustomers(phones, seed).copy(pg, customers, start, now);
            log.info("{} customers written in {}", customers, Duration.between(started, Instant.now()));
            GeneratedOrders generated = new GeneratedOrders(pricing, seed);
            generated.copy(pg, orders, people, menu, start, now, false);
            log.info("{} orders written in {}", orders, Duration.between(started, Instant.now()));
            generated.copy(pg, orders, people, menu, start, now, true);
            log.info("order items written in {}", Duration.between(started, Instant.now()));
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT setval('order_number_seq', " + (1000L + orders) + ")");
                s.execute("""
                        UPDATE customers c SET total_spent = s.spent, visit_count = s.visits, last_visit_at = s.last_visit,
                               created_at = LEAST(c.created_at, s.first_visit)
                        FROM (SELECT customer_id, SUM(total) AS spent, COUNT(*) AS visits, MAX(created_at) AS last_visit,
                                     MIN(created_at) AS first_visit
                              FROM orders WHERE status = 'COMPLETED' AND customer_id IS NOT NULL GROUP BY customer_id) s
                        WHERE c.id = s.customer_id
                        """);
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("VACUUM ANALYZE customers");
                s.execute("VACUUM ANALYZE orders");
                s.execute("VACUUM ANALYZE order_items");
            }
        }
        log.info(
                "Generated {} customers and {} orders in {}",
                customers,
                orders,
                Duration.between(started, Instant.now()));
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    private List<ProductView> menu() {
        if (products.activeMenu().isEmpty()) {
            String[][] items = {
                {"Espresso", "Coffee", "2.80"},
                {"Cappuccino", "Coffee", "3.90"},
                {"Latte", "Coffee", "4.20"},
                {"Chai Latte", "Tea", "4.00"},
                {"Orange Juice", "Cold drinks", "4.50"},
                {"Croissant", "Bakery", "3.20"},
                {"Muffin", "Bakery", "3.40"},
                {"Avocado Toast", "Kitchen", "9.50"},
                {"Club Sandwich", "Kitchen", "11.90"},
                {"Margherita Pizza", "Kitchen", "12.50"},
                {"Caesar Salad", "Kitchen", "10.80"},
                {"Cheesecake", "Desserts", "5.20"}
            };
            for (String[] item : items) {
                products.create(new NewProduct(item[0], item[1], new BigDecimal(item[2]), null));
            }
        }
        return products.activeMenu();
    }
}
