package app.pos.backoffice;

import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerSort;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.shared.CustomerDetails;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the tests of the back office's customer pages share, on PostgreSQL: a two-product menu, customers and
 * orders, the page as a manager sees it, seven customers with different statistics, the statistics as the orders
 * add up, and a strict CSV reader. The database is shared by every test of the run, so each test creates its own
 * customers under a unique name tag and filters the list by it; nothing here counts rows globally.
 */
abstract class CustomerBackOfficeTest {

    private static final Pattern CUSTOMER_LINK =
            Pattern.compile("href=\"/admin/customers/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"");

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

    ProductView latte;
    ProductView muffin;

    @BeforeEach
    void menu() {
        String category = "BackOffice " + tag();
        latte = Products.create(products, "Latte", category, "4.20");
        muffin = Products.create(products, "Muffin", category, "3.35");
    }

    /** A unique lower-case word that search matches as a name-word prefix: the test's own slice of the list. */
    static String tag() {
        StringBuilder sb = new StringBuilder("tg");
        for (int i = 0; i < 10; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    CustomerView customer(String name, String phone, String email, String address) {
        return customers.create(new CustomerDetails(name, phone, email, address));
    }

    OrderView order(UUID customerId, ProductView product, int quantity) {
        return Sales.of(product, quantity)
                .forCustomer(customerId)
                .paidBy(PaymentMethod.CARD)
                .placeWith(orders, "manager");
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String page(String url) throws Exception {
        return body(mvc.perform(get(URI.create(url)).with(manager()))
                .andExpect(status().isOk())
                .andReturn());
    }

    /** The customers that {@code html} links to, in order. */
    static List<UUID> customerLinks(String html) {
        List<UUID> ids = new ArrayList<>();
        Matcher m = CUSTOMER_LINK.matcher(html);
        while (m.find()) {
            ids.add(UUID.fromString(m.group(1)));
        }
        return ids;
    }

    static List<UUID> ids(List<CustomerView> views) {
        return views.stream().map(CustomerView::id).toList();
    }

    List<CustomerView> reload(List<CustomerView> views) {
        return views.stream().map(c -> customers.get(c.id())).toList();
    }

    /** PostgreSQL orders uuids bytewise, which is the order of their lower-case text. */
    static final Comparator<CustomerView> BY_ID = Comparator.comparing(c -> c.id().toString());

    static Comparator<CustomerView> ascending(CustomerSort sort) {
        Comparator<CustomerView> key = switch (sort) {
            case NAME -> Comparator.comparing(c -> c.name().toLowerCase(Locale.ROOT));
            case TOTAL_SPENT -> Comparator.comparing(CustomerView::totalSpent);
            case VISITS -> Comparator.comparingInt(CustomerView::visitCount);
            case LAST_VISIT ->
                Comparator.comparing(c -> c.lastVisitAt() == null
                        ? Instant.EPOCH
                        : c.lastVisitAt().toInstant());
            case CREATED -> Comparator.comparing(c -> c.createdAt().toInstant());
        };
        return key.thenComparing(BY_ID);
    }

    /**
     * Seven customers sharing a tag, with different statistics and ties: two with the same spend (and visits), two
     * without orders, one without phone but with email, one with neither.
     */
    record Seven(String tag, List<CustomerView> all) {
        CustomerView get(int i) {
            return all.get(i - 1);
        }
    }

    Seven seven() {
        String tag = tag();
        CustomerView c1 = customer("Alpha " + tag, uniquePhone(), "alpha." + tag + "@example.com", "1 Alpha Road");
        CustomerView c2 = customer("Bravo " + tag, uniquePhone(), null, null);
        CustomerView c3 = customer("Charlie " + tag, null, "charlie." + tag + "@example.com", null);
        CustomerView c4 = customer("Delta " + tag, uniquePhone(), "delta." + tag + "@example.com", null);
        CustomerView c5 = customer("Delta " + tag, uniquePhone(), null, "5 Delta Lane");
        CustomerView c6 = customer("Echo " + tag, null, null, null);
        CustomerView c7 = customer("Foxtrot " + tag, uniquePhone(), "foxtrot." + tag + "@example.com", null);
        order(c1.id(), latte, 1);
        order(c1.id(), muffin, 2);
        order(c1.id(), latte, 1);
        order(c2.id(), muffin, 1);
        order(c4.id(), latte, 2);
        order(c4.id(), muffin, 1);
        order(c5.id(), latte, 2);
        order(c5.id(), muffin, 1);
        for (int i = 0; i < 5; i++) {
            order(c7.id(), latte, 1);
        }
        return new Seven(tag, reload(List.of(c1, c2, c3, c4, c5, c6, c7)));
    }

    record Totals(BigDecimal spent, int visits, OffsetDateTime lastVisit) {}

    /** What the customer's completed orders add up to, straight from the orders table. */
    Totals totalsFromOrders(UUID customerId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(total), 0) AS spent, COUNT(*) AS visits, MAX(created_at) AS last_visit
                FROM orders WHERE customer_id = :id AND status = 'COMPLETED'
                """)
                .param("id", customerId)
                .query((rs, n) -> new Totals(
                        rs.getBigDecimal("spent"),
                        rs.getInt("visits"),
                        rs.getObject("last_visit", OffsetDateTime.class)))
                .single();
    }

    static void assertStatsMatch(CustomerView c, Totals t) {
        assertThat(c.totalSpent()).as("total spent of %s", c.name()).isEqualByComparingTo(t.spent());
        assertThat(c.visitCount()).as("visits of %s", c.name()).isEqualTo(t.visits());
        if (t.lastVisit() == null) {
            assertThat(c.lastVisitAt()).as("last visit of %s", c.name()).isNull();
        } else {
            assertThat(c.lastVisitAt()).as("last visit of %s", c.name()).isNotNull();
            assertThat(c.lastVisitAt().toInstant())
                    .as("last visit of %s", c.name())
                    .isEqualTo(t.lastVisit().toInstant());
        }
    }

    /** A strict RFC 4180 reader: CRLF record ends, quoted fields with doubled quotes, no quote inside a bare field. */
    static List<List<String>> rfc4180(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    assertThat(i == text.length() || text.charAt(i) == ',' || text.charAt(i) == '\r')
                            .as("a closing quote ends the field at offset %d", i)
                            .isTrue();
                    continue;
                }
                cell.append(c);
                i++;
                continue;
            }
            if (c == '"') {
                assertThat(cell.length() == 0 && !wasQuoted)
                        .as("a quote opens a field only at its start (offset %d)", i)
                        .isTrue();
                quoted = true;
                wasQuoted = true;
                i++;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
                i++;
            } else if (c == '\r') {
                assertThat(i + 1 < text.length() && text.charAt(i + 1) == '\n')
                        .as("CR is followed by LF at %d", i)
                        .isTrue();
                row.add(cell.toString());
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
                i += 2;
            } else {
                assertThat(c)
                        .as("a bare line feed outside quotes at offset %d", i)
                        .isNotEqualTo('\n');
                cell.append(c);
                i++;
            }
        }
        assertThat(quoted).as("unterminated quoted field").isFalse();
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** Uploads a file on the import page. */
    String upload(MockHttpSession session, byte[] bytes) throws Exception {
        return body(mvc.perform(multipart("/admin/customers/import")
                        .file(new MockMultipartFile("file", "customers.csv", "text/csv", bytes))
                        .session(session)
                        .with(manager())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn());
    }

    MvcResult run(MockHttpSession session) throws Exception {
        return mvc.perform(post("/admin/customers/import/run")
                        .session(session)
                        .with(manager())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/customers/import"))
                .andReturn();
    }

    /** Checks the uploaded file under the mapping the upload page proposed (its selected options). */
    String checkAsGuessed(MockHttpSession session, String uploadPage) throws Exception {
        MockHttpServletRequestBuilder request = post("/admin/customers/import/check")
                .session(session)
                .with(manager())
                .with(csrf());
        for (Element select : Jsoup.parse(uploadPage).select("#mapping-form select")) {
            for (Element chosen : select.select("option[selected]")) {
                request.param(select.attr("name"), chosen.attr("value"));
            }
        }
        return body(mvc.perform(request).andExpect(status().isOk()).andReturn());
    }
}
