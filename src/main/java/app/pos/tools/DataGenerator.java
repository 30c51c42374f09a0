package app.pos.tools;

import app.pos.catalog.NewProduct;
import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.SearchColumns;
import app.pos.order.OrderPricing;
import app.pos.shared.PhoneNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
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
    private static final String[] FIRST = {
        "James",
        "Mary",
        "John",
        "Patricia",
        "Robert",
        "Jennifer",
        "Michael",
        "Linda",
        "William",
        "Elizabeth",
        "David",
        "Barbara",
        "Richard",
        "Susan",
        "Joseph",
        "Jessica",
        "Thomas",
        "Sarah",
        "Charles",
        "Karen",
        "Christopher",
        "Nancy",
        "Daniel",
        "Lisa",
        "Matthew",
        "Betty",
        "Anthony",
        "Margaret",
        "Mark",
        "Sandra",
        "Donald",
        "Ashley",
        "Steven",
        "Kimberly",
        "Paul",
        "Emily",
        "Andrew",
        "Donna",
        "Joshua",
        "Michelle",
        "Kenneth",
        "Carol",
        "Kevin",
        "Amanda",
        "Brian",
        "Melissa",
        "George",
        "Deborah",
        "Timothy",
        "Stephanie",
        "José",
        "María",
        "Luis",
        "Sofía",
        "Wei",
        "Mei",
        "Aarav",
        "Priya",
        "Mohammed",
        "Fatima",
        "Zoë",
        "Chloé",
        "Björn",
        "Noah",
        "Olivia",
        "Liam",
        "Emma",
        "Ava",
        "Ethan",
        "Mia"
    };
    private static final String[] LAST = {
        "Smith",
        "Johnson",
        "Williams",
        "Brown",
        "Jones",
        "Garcia",
        "Miller",
        "Davis",
        "Rodriguez",
        "Martinez",
        "Hernandez",
        "Lopez",
        "Gonzalez",
        "Wilson",
        "Anderson",
        "Thomas",
        "Taylor",
        "Moore",
        "Jackson",
        "Martin",
        "Lee",
        "Perez",
        "Thompson",
        "White",
        "Harris",
        "Sanchez",
        "Clark",
        "Ramirez",
        "Lewis",
        "Robinson",
        "Walker",
        "Young",
        "Allen",
        "King",
        "Wright",
        "Scott",
        "Torres",
        "Nguyen",
        "Hill",
        "Flores",
        "Green",
        "Adams",
        "Nelson",
        "Baker",
        "Hall",
        "Rivera",
        "Campbell",
        "Mitchell",
        "Carter",
        "Roberts",
        "O'Brien",
        "Müller",
        "Álvarez",
        "Kowalski",
        "Chen",
        "Wang",
        "Patel",
        "Kim",
        "Nakamura",
        "Dubois"
    };
    private static final String[] STREETS = {
        "Main St",
        "Oak Ave",
        "Maple Dr",
        "Cedar Ln",
        "Pine St",
        "Elm St",
        "Washington Blvd",
        "Lake Rd",
        "Hill St",
        "Park Ave",
        "Sunset Blvd",
        "Mission St",
        "Market St",
        "Broadway",
        "2nd Ave",
        "5th St",
        "Valencia St",
        "Church St",
        "Folsom St",
        "Howard St"
    };
    private static final String[] CITIES = {
        "San Francisco, CA", "Oakland, CA", "Berkeley, CA", "San Jose, CA", "Daly City, CA"
    };
    private static final int[] AREAS = {
        415, 628, 510, 650, 408, 925, 707, 212, 646, 718, 312, 773, 213, 310, 323, 818, 206, 503, 512, 617, 303, 305,
        404, 602, 702, 713, 214, 215, 202, 619
    };
    private static final int PHONE_SPACE = AREAS.length * 800 * 10_000;
    private static final long SCRAMBLE = 1_000_003L;
    private static final int BATCH = 1 << 20;

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

    private record Customer(UUID id, String name, String phone, String address) {}

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
            Customer[] people = copyCustomers(pg, start, now);
            log.info("{} customers written in {}", customers, Duration.between(started, Instant.now()));
            copyOrders(pg, people, menu, start, now, false);
            log.info("{} orders written in {}", orders, Duration.between(started, Instant.now()));
            copyOrders(pg, people, menu, start, now, true);
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

    private Customer[] copyCustomers(PGConnection pg, OffsetDateTime start, OffsetDateTime now) throws SQLException {
        Customer[] people = new Customer[customers];
        CopyIn copy = pg.getCopyAPI().copyIn("""
                COPY customers (id, name, phone, email, address, total_spent, visit_count, name_search, phone_digits,
                                phone_digits_rev, created_at, updated_at) FROM STDIN (FORMAT csv)""");
        StringBuilder out = new StringBuilder(BATCH + 4096);
        long span = Duration.between(start, now).getSeconds();
        for (int i = 0; i < customers; i++) {
            SplittableRandom r = new SplittableRandom(seed * 31 + i);
            String name = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
            String phone = r.nextInt(100) < 3 ? null : phone(i);
            SearchColumns search = SearchColumns.of(name, phone);
            String email = r.nextInt(100) < 55
                    ? search.nameSearch().strip().replace(' ', '.') + "." + i + "@example.com"
                    : null;
            String address = (1 + r.nextInt(9999)) + " " + STREETS[r.nextInt(STREETS.length)] + ", "
                    + CITIES[r.nextInt(CITIES.length)];
            OffsetDateTime created = start.plusSeconds(r.nextLong(span));
            UUID id = new UUID(seed * 7919 + i, r.nextLong());
            people[i] = new Customer(id, name, phone, address);
            row(
                    out,
                    id,
                    name,
                    phone,
                    email,
                    address,
                    "0.00",
                    0,
                    search.nameSearch(),
                    search.phoneDigits(),
                    search.phoneDigitsReversed(),
                    created,
                    created);
            if (out.length() > BATCH) {
                flush(copy, out);
            }
        }
        flush(copy, out);
        copy.endCopy();
        return people;
    }

    /**
     * A unique US number for customer i: a bijective scramble of i over area × exchange × line, so no two
     * customers share one. The rare exchange that is not a valid one (N11, or rejected by libphonenumber) means
     * "no phone" for that customer rather than a retry that could collide.
     */
    private String phone(int i) {
        long k = (i * SCRAMBLE) % PHONE_SPACE;
        int area = AREAS[(int) (k % AREAS.length)];
        long rest = k / AREAS.length;
        int exchange = 200 + (int) (rest / 10_000 % 800);
        if (exchange % 100 == 11) {
            return null;
        }
        String candidate = String.format("+1%d%03d%04d", area, exchange, rest % 10_000);
        return phones.toE164(candidate).orElse(null);
    }

    /**
     * Writes the orders (items = false) or their lines (items = true). Both passes derive order o from the same
     * seeded random stream, so the lines match the orders without keeping five million orders in memory.
     */
    private void copyOrders(
            PGConnection pg,
            Customer[] people,
            List<ProductView> menu,
            OffsetDateTime start,
            OffsetDateTime now,
            boolean items)
            throws SQLException {
        CopyIn copy = pg.getCopyAPI()
                .copyIn(
                        items
                                ? "COPY order_items (order_id, line_no, product_id, product_name, unit_price, quantity, line_total) FROM STDIN (FORMAT csv)"
                                : """
                COPY orders (id, number, customer_id, customer_name, customer_number, customer_address, order_type,
                             payment_method, status, delivery_address, subtotal, discount, tax, total, created_by,
                             placed_in_pos, created_at) FROM STDIN (FORMAT csv)""");
        StringBuilder out = new StringBuilder(BATCH + 4096);
        long span = Duration.between(start, now).getSeconds();
        String[] types = {
            "TAKEAWAY",
            "TAKEAWAY",
            "TAKEAWAY",
            "TAKEAWAY",
            "TAKEAWAY",
            "TAKEAWAY",
            "DINE_IN",
            "DINE_IN",
            "DINE_IN",
            "DELIVERY"
        };
        String[] payments = {"CARD", "CARD", "CARD", "CASH", "CASH", "OTHER"};
        for (int o = 0; o < orders; o++) {
            SplittableRandom r = new SplittableRandom(seed * 104_729 + o);
            UUID id = new UUID(seed * 15_485_863L + o, r.nextLong());
            OffsetDateTime at = start.plusSeconds(span * o / orders + r.nextInt(60));
            Customer customer =
                    r.nextInt(100) < 10 ? null : people[(int) (people.length * Math.pow(r.nextDouble(), 2.5))];
            int lineCount = 1 + r.nextInt(3);
            List<String[]> lines = new ArrayList<>();
            BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
            for (int l = 0; l < lineCount; l++) {
                ProductView p = menu.get(r.nextInt(menu.size()));
                int quantity = 1 + (r.nextInt(4) == 0 ? 1 : 0);
                BigDecimal lineTotal =
                        p.price().multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
                subtotal = subtotal.add(lineTotal);
                lines.add(new String[] {
                    p.id().toString(),
                    p.name(),
                    p.price().toPlainString(),
                    String.valueOf(quantity),
                    lineTotal.toPlainString()
                });
            }
            String type = types[r.nextInt(types.length)];
            String payment = payments[r.nextInt(payments.length)];
            String status = r.nextInt(100) < 2 ? "VOIDED" : "COMPLETED";
            if (items) {
                for (int l = 0; l < lines.size(); l++) {
                    String[] line = lines.get(l);
                    row(out, id, l + 1, line[0], line[1], line[2], line[3], line[4]);
                }
            } else {
                BigDecimal tax = subtotal.multiply(pricing.taxRate()).setScale(2, RoundingMode.HALF_UP);
                String delivery = "DELIVERY".equals(type) && customer != null ? customer.address() : null;
                if ("DELIVERY".equals(type) && customer == null) {
                    type = "TAKEAWAY";
                }
                row(
                        out,
                        id,
                        1001L + o,
                        customer == null ? null : customer.id(),
                        customer == null ? null : customer.name(),
                        customer == null ? null : customer.phone(),
                        customer == null ? null : customer.address(),
                        type,
                        payment,
                        status,
                        delivery,
                        subtotal.toPlainString(),
                        "0.00",
                        tax.toPlainString(),
                        subtotal.add(tax).toPlainString(),
                        "generator",
                        true,
                        at);
            }
            if (out.length() > BATCH) {
                flush(copy, out);
            }
        }
        flush(copy, out);
        copy.endCopy();
    }

    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values[i];
            if (v == null) {
                continue;
            }
            String text = v.toString();
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.isEmpty()) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                out.append(text);
            }
        }
        out.append('\n');
    }

    private static void flush(CopyIn copy, StringBuilder out) throws SQLException {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        out.setLength(0);
    }
}
