package app.pos.backoffice;

import static app.pos.support.Fixtures.e164;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.NewProduct;
import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerNotFound;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerSort;
import app.pos.customer.CustomerView;
import app.pos.order.CustomerOrders;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import app.pos.order.SalesReport;
import app.pos.shared.CustomerDetails;
import app.pos.support.DatabaseState;
import app.pos.support.PostgresIntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The back office's customer pages on PostgreSQL: the filtered keyset list, CSV export, profile (in-place edit,
 * statistics, chart, history, recompute), duplicates and merge, CSV import, and the dashboard. The database is
 * shared by every test of the run, so each test creates its own customers under a unique name tag and filters the
 * list by it; nothing here counts rows globally.
 */
@PostgresIntegrationTest
class CustomerBackOfficePostgresIntegrationTests {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

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

    @Autowired
    CustomerOrders customerOrders;

    @Autowired
    SalesReport sales;

    @Value("${pos.time-zone:}")
    String configuredZone;

    ProductView latte;
    ProductView muffin;

    @BeforeEach
    void menu() {
        String category = "BackOffice " + tag();
        latte = products.create(new NewProduct("Latte", category, new BigDecimal("4.20"), null));
        muffin = products.create(new NewProduct("Muffin", category, new BigDecimal("3.35"), null));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** A unique lower-case word that search matches as a name-word prefix: the test's own slice of the list. */
    static String tag() {
        StringBuilder sb = new StringBuilder("tg");
        for (int i = 0; i < 10; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    ZoneId zone() {
        return configuredZone == null || configuredZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(configuredZone);
    }

    CustomerView customer(String name, String phone, String email, String address) {
        return customers.create(new CustomerDetails(name, phone, email, address));
    }

    OrderView order(UUID customerId, ProductView product, int quantity) {
        return orders.place(
                        new PlaceOrder(
                                List.of(new PlaceOrder.Line(product.id(), quantity)),
                                customerId,
                                null,
                                OrderType.DINE_IN,
                                PaymentMethod.CARD,
                                null,
                                null),
                        null,
                        "manager")
                .order();
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String page(String url) throws Exception {
        return body(mvc.perform(get(URI.create(url)).with(manager()))
                .andExpect(status().isOk())
                .andReturn());
    }

    /** The customer ids of the list table's rows, in order. */
    static List<UUID> listed(String html) {
        int table = html.indexOf("id=\"customers\"");
        if (table < 0) {
            return List.of();
        }
        String tbody = html.substring(html.indexOf("<tbody>", table), html.indexOf("</tbody>", table));
        List<UUID> ids = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"/admin/customers/(" + UUID_PATTERN.pattern() + ")\"")
                .matcher(tbody);
        while (m.find()) {
            ids.add(UUID.fromString(m.group(1)));
        }
        return ids;
    }

    /** The href of the "next page" link, unescaped, or null on the last page. */
    static String nextPage(String html) {
        Matcher m =
                Pattern.compile("<a[^>]*id=\"next-page\"[^>]*href=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            return null;
        }
        return m.group(1).replace("&amp;", "&");
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

    /** Follows the next-page links from {@code first} to the end, checking every page's size. */
    List<UUID> allPages(String first, int size) throws Exception {
        List<UUID> seen = new ArrayList<>();
        String url = first;
        for (int pages = 0; url != null; pages++) {
            assertThat(pages).as("pages followed from %s", first).isLessThan(20);
            String html = page(url);
            List<UUID> rows = listed(html);
            assertThat(rows.size()).as("rows on %s", url).isBetween(1, size);
            seen.addAll(rows);
            url = nextPage(html);
            if (url != null) {
                assertThat(rows)
                        .as("a page followed by another is full: %s", url)
                        .hasSize(size);
            }
        }
        return seen;
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

    static String money(BigDecimal amount) {
        return "$" + String.format(Locale.US, "%,.2f", amount);
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

    long orderCount(UUID customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE customer_id = :id")
                .param("id", customerId)
                .query(Long.class)
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

    record Export(String raw, List<List<String>> rows) {
        List<List<String>> data() {
            return rows.subList(1, rows.size());
        }

        List<UUID> ids() {
            return data().stream().map(r -> UUID.fromString(r.get(0))).toList();
        }

        List<String> rowOf(UUID id) {
            List<List<String>> matching =
                    data().stream().filter(r -> r.get(0).equals(id.toString())).toList();
            assertThat(matching).as("export rows of %s", id).hasSize(1);
            return matching.get(0);
        }
    }

    static final List<String> CSV_HEADER = List.of(
            "id", "name", "phone", "email", "address", "total_spent", "visit_count", "last_visit_at", "created_at");

    Export export(String query) throws Exception {
        MvcResult result = mvc.perform(
                        get(URI.create("/admin/customers/export.csv?" + query)).with(manager()))
                .andExpect(status().isOk())
                .andReturn();
        MediaType type = MediaType.parseMediaType(result.getResponse().getContentType());
        assertThat(type.isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .as("content type %s", type)
                .isTrue();
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOfRange(bytes, 0, 3))
                .as("UTF-8 byte order mark")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", CSV_HEADER) + "\r\n");
        List<List<String>> rows = rfc4180(text);
        assertThat(rows.get(0)).containsExactlyElementsOf(CSV_HEADER);
        for (List<String> row : rows) {
            assertThat(row).as("every record has 9 fields: %s", row).hasSize(CSV_HEADER.size());
        }
        return new Export(text, rows);
    }

    // --- list -----------------------------------------------------------------------------------------------

    @Test
    void theListSortsByTotalSpentAndItsNextPageLinksWalkEveryTaggedCustomerOnce() throws Exception {
        Seven seven = seven();
        List<UUID> expected = seven.all().stream()
                .sorted(ascending(CustomerSort.TOTAL_SPENT).reversed())
                .map(CustomerView::id)
                .toList();
        // the fixture has ties exactly at the page boundaries (positions 3/4 and 6/7)
        assertThat(seven.get(4).totalSpent()).isEqualByComparingTo(seven.get(5).totalSpent());
        assertThat(seven.get(3).totalSpent()).isEqualByComparingTo("0");
        assertThat(expected.subList(0, 2))
                .containsExactly(seven.get(7).id(), seven.get(1).id());

        String first = "/admin/customers?q=" + seven.tag() + "&sort=TOTAL_SPENT&dir=desc&size=3";
        String html = page(first);
        assertThat(listed(html)).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(html).contains("id=\"result-count\">7 customers<");
        String next = nextPage(html);
        assertThat(next)
                .isNotNull()
                .contains("q=" + seven.tag())
                .contains("sort=TOTAL_SPENT")
                .contains("dir=desc")
                .contains("size=3")
                .contains("after=");

        List<UUID> walked = allPages(first, 3);
        assertThat(walked).as("every tagged customer exactly once, in order").containsExactlyElementsOf(expected);
    }

    @Test
    void keysetPagingIsExactForEverySortInBothDirections() throws Exception {
        Seven seven = seven();
        // make creation times distinct and known, out of insertion order
        OffsetDateTime base = OffsetDateTime.parse("2021-06-01T12:00:00Z");
        int[] dayOffsets = {5, 3, 6, 1, 1, 0, 2};
        for (int i = 0; i < 7; i++) {
            jdbc.sql("UPDATE customers SET created_at = :at WHERE id = :id")
                    .param("at", base.plusDays(dayOffsets[i]))
                    .param("id", seven.all().get(i).id())
                    .update();
        }
        List<CustomerView> all = reload(seven.all());
        for (CustomerSort sort : CustomerSort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                Comparator<CustomerView> order = descending ? ascending(sort).reversed() : ascending(sort);
                List<UUID> expected =
                        all.stream().sorted(order).map(CustomerView::id).toList();
                String first = "/admin/customers?q=" + seven.tag() + "&sort=" + sort + "&dir="
                        + (descending ? "desc" : "asc") + "&size=2";
                assertThat(allPages(first, 2))
                        .as("%s %s", sort, descending ? "desc" : "asc")
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void filtersNarrowTheList() throws Exception {
        Seven seven = seven();
        CustomerView c1 = seven.get(1);
        CustomerView c2 = seven.get(2);
        CustomerView c7 = seven.get(7);
        jdbc.sql("UPDATE customers SET created_at = :at WHERE id = :id")
                .param("at", OffsetDateTime.parse("2020-03-10T12:00:00Z"))
                .param("id", c1.id())
                .update();
        jdbc.sql("UPDATE customers SET created_at = :at WHERE id = :id")
                .param("at", OffsetDateTime.parse("2020-03-12T12:00:00Z"))
                .param("id", c2.id())
                .update();
        jdbc.sql("UPDATE customers SET last_visit_at = :at WHERE id = :id")
                .param("at", OffsetDateTime.parse("2021-05-05T12:00:00Z"))
                .param("id", c7.id())
                .update();
        List<CustomerView> all = reload(seven.all());
        BigDecimal low = seven.get(4).totalSpent();
        BigDecimal high = c1.totalSpent();
        assertThat(low).isLessThan(high);

        Map<String, Predicate<CustomerView>> filters = new LinkedHashMap<>();
        filters.put("minSpent=" + low, c -> c.totalSpent().compareTo(low) >= 0);
        filters.put("maxSpent=" + low, c -> c.totalSpent().compareTo(low) <= 0);
        filters.put(
                "minSpent=" + low + "&maxSpent=" + high,
                c -> c.totalSpent().compareTo(low) >= 0 && c.totalSpent().compareTo(high) <= 0);
        filters.put("minVisits=2", c -> c.visitCount() >= 2);
        filters.put("maxVisits=1", c -> c.visitCount() <= 1);
        filters.put("minVisits=2&maxVisits=3", c -> c.visitCount() >= 2 && c.visitCount() <= 3);
        filters.put("hasPhone=false", c -> c.phone() == null);
        filters.put("hasPhone=true", c -> c.phone() != null);
        filters.put("hasEmail=true", c -> c.email() != null);
        filters.put("hasEmail=false", c -> c.email() == null);
        filters.put("hasPhone=false&hasEmail=true", c -> c.phone() == null && c.email() != null);
        filters.put("createdFrom=2020-03-10&createdTo=2020-03-10", c -> c.id().equals(c1.id()));
        filters.put("createdFrom=2020-03-11&createdTo=2020-03-12", c -> c.id().equals(c2.id()));
        filters.put("createdTo=2020-03-12", c -> c.id().equals(c1.id()) || c.id().equals(c2.id()));
        filters.put("createdFrom=2020-03-13", c -> !c.id().equals(c1.id()) && !c.id().equals(c2.id()));
        filters.put("lastVisitFrom=2021-05-05&lastVisitTo=2021-05-05", c -> c.id().equals(c7.id()));
        filters.put(
                "minVisits=1&hasEmail=true&maxSpent=" + low,
                c -> c.visitCount() >= 1 && c.email() != null && c.totalSpent().compareTo(low) <= 0);

        for (var filter : filters.entrySet()) {
            Set<UUID> expected =
                    all.stream().filter(filter.getValue()).map(CustomerView::id).collect(Collectors.toSet());
            assertThat(expected)
                    .as("the fixture makes %s meaningful", filter.getKey())
                    .isNotEmpty()
                    .hasSizeLessThan(7);
            String html = page("/admin/customers?q=" + seven.tag() + "&size=50&" + filter.getKey());
            assertThat(listed(html))
                    .as(filter.getKey())
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(html).as(filter.getKey()).contains("id=\"result-count\">" + expected.size() + " customers<");
        }
    }

    @Test
    void anHtmxRequestGetsOnlyTheResultsFragment() throws Exception {
        Seven seven = seven();
        String html = body(mvc.perform(get("/admin/customers")
                        .param("q", seven.tag())
                        .param("sort", "VISITS")
                        .param("dir", "desc")
                        .header("HX-Request", "true")
                        .with(manager()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(html)
                .doesNotContain("<html")
                .doesNotContain("<head")
                .doesNotContain("customer-filters")
                .contains("id=\"results\"");
        assertThat(listed(html)).hasSize(7);
        String full = page("/admin/customers?q=" + seven.tag());
        assertThat(full).contains("<html").contains("id=\"customer-filters\"").contains("id=\"results\"");
    }

    @Test
    void aForgedCursorOrAMalformedFilterIsA400() throws Exception {
        Seven seven = seven();
        String id = UUID.randomUUID().toString();
        List<String> forged = List.of(
                "not-a-cursor!!",
                base64url("12.50"),
                base64url("abc|" + id),
                base64url("12.50|not-a-uuid"),
                base64url("|" + id),
                base64url("12.50|" + id + "|x"),
                "%00%01");
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String after : forged) {
            statuses.put(
                    "after=" + after,
                    mvc.perform(get(URI.create("/admin/customers?q=" + seven.tag()
                                            + "&sort=TOTAL_SPENT&dir=desc&size=3&after=" + after))
                                    .with(manager()))
                            .andReturn()
                            .getResponse()
                            .getStatus());
        }
        statuses.put(
                "LAST_VISIT after=yesterday|id",
                mvc.perform(get("/admin/customers")
                                .param("sort", "LAST_VISIT")
                                .param("after", base64url("yesterday|" + id))
                                .with(manager()))
                        .andReturn()
                        .getResponse()
                        .getStatus());
        for (String bad : List.of(
                "minSpent=abc",
                "maxSpent=1,5x",
                "minVisits=two",
                "maxVisits=1.5",
                "createdFrom=31/12/2024",
                "lastVisitTo=tomorrow",
                "hasPhone=maybe",
                "sort=BOGUS",
                "size=many")) {
            statuses.put(
                    bad,
                    mvc.perform(get(URI.create("/admin/customers?q=" + seven.tag() + "&" + bad))
                                    .with(manager()))
                            .andReturn()
                            .getResponse()
                            .getStatus());
        }
        assertThat(statuses)
                .as("status per forged or malformed parameter")
                .allSatisfy((param, status) -> assertThat(status).as(param).isEqualTo(400));

        // a well-formed cursor is only a position in the list (cursors are not signed): it pages, it never errs
        String beyondTheEnd = base64url("0.00|00000000-0000-0000-0000-000000000000");
        assertThat(listed(page("/admin/customers?q=" + seven.tag() + "&sort=TOTAL_SPENT&dir=desc&size=3&after="
                        + beyondTheEnd)))
                .isEmpty();
    }

    static String base64url(String raw) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    // --- export ---------------------------------------------------------------------------------------------

    @Test
    void theExportIsACsvOfTheFilteredListWithAByteOrderMark() throws Exception {
        Seven seven = seven();
        Export everyone = export("q=" + seven.tag() + "&sort=TOTAL_SPENT&dir=desc");
        assertThat(everyone.ids())
                .as("one record per tagged customer, in list order")
                .containsExactlyElementsOf(seven.all().stream()
                        .sorted(ascending(CustomerSort.TOTAL_SPENT).reversed())
                        .map(CustomerView::id)
                        .toList());

        CustomerView c1 = seven.get(1);
        assertThat(everyone.rowOf(c1.id()))
                .containsExactly(
                        c1.id().toString(),
                        c1.name(),
                        "'" + c1.phone(),
                        c1.email(),
                        c1.address(),
                        c1.totalSpent().toPlainString(),
                        String.valueOf(c1.visitCount()),
                        c1.lastVisitAt().toString(),
                        c1.createdAt().toString());
        CustomerView c6 = seven.get(6);
        assertThat(everyone.rowOf(c6.id()))
                .containsExactly(
                        c6.id().toString(),
                        c6.name(),
                        "",
                        "",
                        "",
                        "0.00",
                        "0",
                        "",
                        c6.createdAt().toString());

        assertThat(export("q=" + seven.tag() + "&hasPhone=false").ids())
                .containsExactlyInAnyOrder(seven.get(3).id(), seven.get(6).id());
        assertThat(export("q=" + seven.tag() + "&minVisits=2").ids())
                .containsExactlyInAnyOrder(
                        seven.get(1).id(),
                        seven.get(4).id(),
                        seven.get(5).id(),
                        seven.get(7).id());
        assertThat(export("q=" + seven.tag() + "&hasEmail=true&maxVisits=2").ids())
                .containsExactlyInAnyOrder(seven.get(3).id(), seven.get(4).id());
        // a cursor never cuts the export short: it is the whole filtered list
        String html = page("/admin/customers?q=" + seven.tag() + "&size=2");
        Matcher link = Pattern.compile("id=\"export\"[^>]*href=\"([^\"]*)\"").matcher(html);
        assertThat(link.find()).isTrue();
        assertThat(export(link.group(1)
                                .replace("&amp;", "&")
                                .substring(link.group(1).replace("&amp;", "&").indexOf('?') + 1))
                        .ids())
                .hasSize(7);
    }

    @Test
    void exportedCellsThatASpreadsheetWouldRunAsFormulasAreNeutralizedAndQuotingIsRfc4180() throws Exception {
        String tag = tag();
        CustomerView hyperlink = customer("=HYPERLINK(\"http://x\",\"y\") " + tag, null, null, null);
        CustomerView plus = customer("+cmd " + tag, null, "+" + tag + "@example.com", null);
        CustomerView minus = customer("-2+3 " + tag, null, null, "@SUM(1+1) street");
        CustomerView at = customer("@SUM(A1) " + tag, null, null, "=1+2");
        CustomerView quoted = customer("Comma, \"Quoted\" " + tag, null, null, "Flat 1\n2 Line Street");
        CustomerView plain = customer("Plain " + tag, null, null, "3 Plain Road");

        Export csv = export("q=" + tag);
        assertThat(csv.ids())
                .containsExactlyInAnyOrderElementsOf(ids(List.of(hyperlink, plus, minus, at, quoted, plain)));
        assertThat(csv.raw())
                .contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\") " + tag + "\",")
                .contains(",'+cmd " + tag + ",")
                .contains(",'-2+3 " + tag + ",")
                .contains(",'@SUM(A1) " + tag + ",")
                .contains(",\"Comma, \"\"Quoted\"\" " + tag + "\",")
                .contains(",\"Flat 1\n2 Line Street\",");
        assertThat(csv.rowOf(hyperlink.id()).get(1)).isEqualTo("'=HYPERLINK(\"http://x\",\"y\") " + tag);
        assertThat(csv.rowOf(plus.id()).get(1)).isEqualTo("'+cmd " + tag);
        assertThat(csv.rowOf(plus.id()).get(3)).isEqualTo("'+" + tag + "@example.com");
        assertThat(csv.rowOf(minus.id()).get(1)).isEqualTo("'-2+3 " + tag);
        assertThat(csv.rowOf(minus.id()).get(4)).isEqualTo("'@SUM(1+1) street");
        assertThat(csv.rowOf(at.id()).get(1)).isEqualTo("'@SUM(A1) " + tag);
        assertThat(csv.rowOf(at.id()).get(4)).isEqualTo("'=1+2");
        assertThat(csv.rowOf(quoted.id()).get(1)).isEqualTo("Comma, \"Quoted\" " + tag);
        assertThat(csv.rowOf(quoted.id()).get(4)).isEqualTo("Flat 1\n2 Line Street");
        assertThat(csv.rowOf(plain.id()).get(1)).isEqualTo("Plain " + tag);
        assertThat(csv.rowOf(plain.id()).get(4)).isEqualTo("3 Plain Road");
    }

    // --- profile --------------------------------------------------------------------------------------------

    @Test
    void theProfileShowsNameStatsAndATwelveMonthChart() throws Exception {
        String tag = tag();
        CustomerView ada = customer("Ada " + tag, uniquePhone(), "ada." + tag + "@example.com", "1 Loop Lane");
        order(ada.id(), latte, 2);
        order(ada.id(), muffin, 1);
        OrderView voided = order(ada.id(), latte, 5);
        orders.voidOrder(voided.id(), "manager");
        ada = customers.get(ada.id());
        assertThat(ada.visitCount()).isEqualTo(2);

        String html = page("/admin/customers/" + ada.id());
        assertThat(html)
                .contains("id=\"customer-title\">Ada " + tag + "<")
                .contains("id=\"stat-spent\">" + money(ada.totalSpent()) + "<")
                .contains("id=\"stat-visits\">2<");
        Matcher chart = Pattern.compile(
                        "<canvas[^>]*id=\"spend-chart\"[^>]*data-labels=\"([^\"]*)\"[^>]*data-values=\"([^\"]*)\"")
                .matcher(html);
        assertThat(chart.find())
                .as("the spend chart canvas with labels and values")
                .isTrue();
        List<String> labels = Arrays.asList(chart.group(1).split(","));
        List<String> values = Arrays.asList(chart.group(2).split(","));
        YearMonth now = YearMonth.now(zone());
        List<String> expectedLabels = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            expectedLabels.add(now.minusMonths(i).toString());
        }
        assertThat(labels).containsExactlyElementsOf(expectedLabels);
        assertThat(values).hasSize(12);
        assertThat(new BigDecimal(values.get(11)))
                .as("this month: completed orders only")
                .isEqualByComparingTo(ada.totalSpent());
        assertThat(values.subList(0, 11))
                .allSatisfy(v -> assertThat(new BigDecimal(v)).isEqualByComparingTo("0"));

        mvc.perform(get("/admin/customers/" + UUID.randomUUID()).with(manager()))
                .andExpect(status().isNotFound());
    }

    @Test
    void editingContactDetailsInPlaceValidatesNormalizesAndRefusesATakenPhone() throws Exception {
        String tag = tag();
        String phone = uniquePhone();
        CustomerView ada = customer("Ada " + tag, phone, null, "1 Loop Lane");
        CustomerView other = customer("Other " + tag, uniquePhone(), null, null);

        DatabaseState before = DatabaseState.of(jdbc);
        String bad = body(mvc.perform(edit(ada.id(), "Ada Renamed " + tag, "12", "ada@example.com", "2 New Road"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(bad)
                .doesNotContain("<html")
                .contains("id=\"contact\"")
                .containsPattern(
                        "class=\"field-error\"[^>]*data-field=\"phone\"|data-field=\"phone\"[^>]*class=\"field-error\"")
                .contains("is not a valid phone number")
                .doesNotContain("id=\"contact-saved\"");
        assertThat(customers.get(ada.id())).isEqualTo(ada);
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);

        String taken =
                body(mvc.perform(edit(ada.id(), "Ada " + tag, other.phone().substring(2), null, null))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(taken)
                .contains("already belongs to another customer")
                .contains("href=\"/admin/customers/" + other.id() + "\"")
                .doesNotContain("id=\"contact-saved\"");
        assertThat(customers.get(ada.id())).isEqualTo(ada);
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);

        String newPhone = uniquePhone();
        String digits = newPhone.replaceAll("[^0-9]", "");
        String typed = digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6);
        String saved = body(mvc.perform(
                        edit(ada.id(), "  Ada Saved " + tag + " ", typed, "ADA." + tag + "@Example.com", "2 New Road"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(saved)
                .doesNotContain("<html")
                .contains("id=\"contact-saved\"")
                .doesNotContain("field-error\"");
        CustomerView after = customers.get(ada.id());
        assertThat(after.name()).isEqualTo("Ada Saved " + tag);
        assertThat(after.phone()).isEqualTo(e164(newPhone));
        assertThat(after.email()).isEqualTo("ada." + tag + "@example.com");
        assertThat(after.address()).isEqualTo("2 New Road");
        assertThat(saved).contains("value=\"" + e164(newPhone) + "\"");
        assertThat(customers.lookupByPhone(newPhone).id()).isEqualTo(ada.id());
    }

    MockHttpServletRequestBuilder edit(UUID id, String name, String phone, String email, String address) {
        MockHttpServletRequestBuilder request = post("/admin/customers/" + id)
                .with(manager())
                .with(csrf())
                .header("HX-Request", "true")
                .param("name", name);
        if (phone != null) {
            request.param("phone", phone);
        }
        if (email != null) {
            request.param("email", email);
        }
        if (address != null) {
            request.param("address", address);
        }
        return request;
    }

    static List<Long> orderNumbers(String html) {
        List<Long> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("id=\"order-(\\d+)\"").matcher(html);
        while (m.find()) {
            numbers.add(Long.valueOf(m.group(1)));
        }
        return numbers;
    }

    @Test
    void theHistoryPagesTenOrdersAtATimeNewestFirst() throws Exception {
        CustomerView regular = customer("Regular " + tag(), uniquePhone(), null, null);
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            placed.add(order(regular.id(), i % 2 == 0 ? latte : muffin, 1).number());
        }
        List<Long> newestFirst = new ArrayList<>(placed);
        newestFirst.sort(Comparator.reverseOrder());

        String profile = page("/admin/customers/" + regular.id());
        assertThat(orderNumbers(profile)).containsExactlyElementsOf(newestFirst.subList(0, 10));
        assertThat(profile).contains("/admin/customers/" + regular.id() + "/orders?page=1");

        String second = body(mvc.perform(get("/admin/customers/" + regular.id() + "/orders")
                        .param("page", "1")
                        .header("HX-Request", "true")
                        .with(manager()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(second).doesNotContain("<html");
        assertThat(orderNumbers(second)).containsExactlyElementsOf(newestFirst.subList(10, 12));
        assertThat(second).doesNotContain("orders?page=2");
    }

    @Test
    void recomputeRepairsCorruptedStatsAndSaysWhetherTheyWereOff() throws Exception {
        CustomerView ada = customer("Recompute " + tag(), uniquePhone(), null, null);
        order(ada.id(), latte, 1);
        order(ada.id(), muffin, 3);
        OrderView voided = order(ada.id(), latte, 2);
        orders.voidOrder(voided.id(), "manager");
        Totals truth = totalsFromOrders(ada.id());
        assertStatsMatch(customers.get(ada.id()), truth);

        jdbc.sql("UPDATE customers SET total_spent = 999.99, visit_count = 42, last_visit_at = NULL WHERE id = :id")
                .param("id", ada.id())
                .update();

        String first = body(mvc.perform(post("/admin/customers/" + ada.id() + "/recompute")
                        .with(manager())
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(first)
                .contains("The stats were off and have been rebuilt from the orders.")
                .doesNotContain("nothing changed");
        assertStatsMatch(customers.get(ada.id()), truth);

        DatabaseState before = DatabaseState.of(jdbc);
        String second = body(mvc.perform(post("/admin/customers/" + ada.id() + "/recompute")
                        .with(manager())
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(second)
                .contains("The stats matched the orders; nothing changed.")
                .doesNotContain("were off");
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertStatsMatch(customers.get(ada.id()), truth);
    }

    // --- duplicates and merge -------------------------------------------------------------------------------

    MockHttpServletRequestBuilder mergeForm(UUID a, UUID b, UUID survivor, CustomerDetails values) {
        MockHttpServletRequestBuilder request = post("/admin/customers/merge")
                .with(manager())
                .with(csrf())
                .param("a", a.toString())
                .param("b", b.toString())
                .param("survivorId", survivor.toString());
        request.param("name", values.name());
        request.param("phone", values.phone() == null ? "" : values.phone());
        request.param("email", values.email() == null ? "" : values.email());
        request.param("address", values.address() == null ? "" : values.address());
        return request;
    }

    long mergeRecords(UUID mergedId) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_merges WHERE merged_id = :id")
                .param("id", mergedId)
                .query(Long.class)
                .single();
    }

    @Test
    void mergingMovesEveryOrderRebuildsStatsDeletesTheOtherRecordAndCannotRunTwice() throws Exception {
        String tag = tag();
        CustomerView a =
                customer("Merge Keeper " + tag, uniquePhone(), "keeper." + tag + "@example.com", "1 Keep Street");
        CustomerView b = customer("Merge Gone " + tag, uniquePhone(), "gone." + tag + "@example.com", "2 Gone Street");
        order(a.id(), latte, 1);
        order(a.id(), muffin, 2);
        orders.voidOrder(order(a.id(), latte, 3).id(), "manager");
        order(b.id(), latte, 2);
        orders.voidOrder(order(b.id(), muffin, 1).id(), "manager");
        order(b.id(), muffin, 4);
        order(b.id(), latte, 1);
        Totals ta = totalsFromOrders(a.id());
        Totals tb = totalsFromOrders(b.id());
        long ordersA = orderCount(a.id());
        long ordersB = orderCount(b.id());
        assertThat(ordersA).isEqualTo(3);
        assertThat(ordersB).isEqualTo(4);

        String form = page("/admin/customers/merge?a=" + a.id() + "&b=" + b.id());
        assertThat(form).contains("id=\"merge-form\"").contains(a.name()).contains(b.name());

        CustomerDetails chosen = new CustomerDetails(a.name(), a.phone(), b.email(), a.address());
        mvc.perform(mergeForm(a.id(), b.id(), a.id(), chosen))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/customers/" + a.id()))
                .andExpect(flash().attribute("message", containsString(ordersB + " orders moved")));

        assertThat(orderCount(a.id())).isEqualTo(ordersA + ordersB);
        assertThat(orderCount(b.id())).isZero();
        assertThatThrownBy(() -> customers.get(b.id())).isInstanceOf(CustomerNotFound.class);
        mvc.perform(get("/admin/customers/" + b.id()).with(manager())).andExpect(status().isNotFound());

        CustomerView merged = customers.get(a.id());
        assertThat(merged.name()).isEqualTo(a.name());
        assertThat(merged.phone()).isEqualTo(a.phone());
        assertThat(merged.email()).isEqualTo(b.email());
        assertThat(merged.address()).isEqualTo(a.address());
        assertThat(merged.totalSpent()).isEqualByComparingTo(ta.spent().add(tb.spent()));
        assertThat(merged.visitCount()).isEqualTo(ta.visits() + tb.visits()).isEqualTo(5);
        OffsetDateTime latest = ta.lastVisit().isAfter(tb.lastVisit()) ? ta.lastVisit() : tb.lastVisit();
        assertThat(merged.lastVisitAt().toInstant()).isEqualTo(latest.toInstant());
        assertStatsMatch(merged, totalsFromOrders(a.id()));

        Map<String, Object> record = jdbc.sql(
                        "SELECT survivor_id, merged_name, orders_moved, merged_by FROM customer_merges "
                                + "WHERE merged_id = :id")
                .param("id", b.id())
                .query()
                .singleRow();
        assertThat(record.get("survivor_id")).isEqualTo(a.id());
        assertThat(record.get("merged_name")).isEqualTo(b.name());
        assertThat(((Number) record.get("orders_moved")).longValue()).isEqualTo(ordersB);
        assertThat(record.get("merged_by")).isEqualTo("manager");

        DatabaseState before = DatabaseState.of(jdbc);
        CustomerView survivorBefore = customers.get(a.id());
        mvc.perform(mergeForm(a.id(), b.id(), a.id(), chosen))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/customers/duplicates"))
                .andExpect(flash().attribute("problem", containsString("already")));
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(customers.get(a.id())).isEqualTo(survivorBefore);
        assertThat(mergeRecords(b.id())).isEqualTo(1);
    }

    @Test
    void aMergeOfTwoThousandOrdersOnEachSideMovesThemAll() throws Exception {
        String tag = tag();
        CustomerView a = customer("Big Keeper " + tag, uniquePhone(), null, null);
        CustomerView b = customer("Big Gone " + tag, uniquePhone(), null, null);
        insertOrders(a, 2_000, OffsetDateTime.parse("2024-01-01T08:00:00Z"));
        insertOrders(b, 2_000, OffsetDateTime.parse("2024-02-01T08:00:00Z"));
        customers.recomputeStats(a.id());
        customers.recomputeStats(b.id());
        Totals ta = totalsFromOrders(a.id());
        Totals tb = totalsFromOrders(b.id());
        assertThat(ta.visits()).isEqualTo(1_800);

        long started = System.nanoTime();
        mvc.perform(mergeForm(a.id(), b.id(), a.id(), new CustomerDetails(a.name(), a.phone(), null, null)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/customers/" + a.id()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("merging 4,000 orders").isLessThan(Duration.ofSeconds(15));

        assertThat(orderCount(a.id())).isEqualTo(4_000);
        assertThat(orderCount(b.id())).isZero();
        assertThatThrownBy(() -> customers.get(b.id())).isInstanceOf(CustomerNotFound.class);
        CustomerView merged = customers.get(a.id());
        assertThat(merged.totalSpent()).isEqualByComparingTo(ta.spent().add(tb.spent()));
        assertThat(merged.visitCount()).isEqualTo(3_600);
        assertThat(merged.lastVisitAt().toInstant()).isEqualTo(tb.lastVisit().toInstant());
        assertThat(jdbc.sql("SELECT orders_moved FROM customer_merges WHERE merged_id = :id")
                        .param("id", b.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2_000);
    }

    /** Inserts n orders (every tenth voided) for the customer in one statement. */
    void insertOrders(CustomerView customer, int n, OffsetDateTime from) {
        jdbc.sql("""
                INSERT INTO orders (id, number, customer_id, customer_name, customer_number, order_type, payment_method,
                                    status, subtotal, discount, tax, total, placed_in_pos, created_at, voided_at)
                SELECT gen_random_uuid(), nextval('order_number_seq'), :customer, :name, :phone, 'DINE_IN', 'CASH',
                       CASE WHEN g % 10 = 0 THEN 'VOIDED' ELSE 'COMPLETED' END,
                       (g % 50) + 1.25, 0, 0, (g % 50) + 1.25, TRUE,
                       CAST(:from AS TIMESTAMP WITH TIME ZONE) + g * INTERVAL '1 minute',
                       CASE WHEN g % 10 = 0 THEN CAST(:from AS TIMESTAMP WITH TIME ZONE) + g * INTERVAL '1 minute' END
                FROM generate_series(1, :n) AS g
                """)
                .param("customer", customer.id())
                .param("name", customer.name())
                .param("phone", customer.phone())
                .param("from", from)
                .param("n", n)
                .update();
    }

    @Test
    void aCustomerCannotBeMergedWithThemselves() throws Exception {
        CustomerView a = customer("Self " + tag(), uniquePhone(), null, null);
        order(a.id(), latte, 1);
        CustomerView stored = customers.get(a.id());
        DatabaseState before = DatabaseState.of(jdbc);
        mvc.perform(mergeForm(a.id(), a.id(), a.id(), new CustomerDetails(a.name(), a.phone(), null, null)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/customers/duplicates"))
                .andExpect(flash().attribute("problem", containsString("different")));
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(customers.get(a.id())).isEqualTo(stored);
        assertThat(orderCount(a.id())).isEqualTo(1);
        assertThat(mergeRecords(a.id())).isZero();
    }

    /** The duplicate-group section that lists this customer. */
    static String groupOf(String html, UUID id) {
        Matcher m = Pattern.compile("<section class=\"block duplicate-group\">.*?</section>", Pattern.DOTALL)
                .matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            if (m.group().contains("/admin/customers/" + id + "\"")) {
                found.add(m.group());
            }
        }
        assertThat(found).as("duplicate groups listing %s", id).hasSize(1);
        return found.get(0);
    }

    static Set<UUID> customersIn(String section) {
        Set<UUID> ids = new HashSet<>();
        Matcher m = Pattern.compile("href=\"/admin/customers/(" + UUID_PATTERN.pattern() + ")\"")
                .matcher(section);
        while (m.find()) {
            ids.add(UUID.fromString(m.group(1)));
        }
        return ids;
    }

    @Test
    void theDuplicatesPageGroupsTheSameEmailAndSimilarNamesAtTheSameAddress() throws Exception {
        String tag = tag();
        // sort early among the groups, so the page's group limit never hides them in a busy shared database
        String email = "0" + tag + "@example.com";
        CustomerView first = customer("Maria " + tag, uniquePhone(), email, null);
        CustomerView second = customer("M. Lopez " + tag, uniquePhone(), email.toUpperCase(Locale.ROOT), null);
        String address = "0 " + tag + " Lane";
        CustomerView jon = customer("Jon Smyth", uniquePhone(), null, address);
        CustomerView john = customer("John Smyth", null, null, address.toUpperCase(Locale.ROOT));
        CustomerView jane = customer("Jane Doe", null, null, address);

        String html = page("/admin/customers/duplicates");
        String sameEmail = groupOf(html, first.id());
        assertThat(sameEmail).contains("Same email");
        assertThat(customersIn(sameEmail)).containsExactlyInAnyOrder(first.id(), second.id());

        String similar = groupOf(html, jon.id());
        assertThat(similar).contains("Similar name, same address");
        assertThat(customersIn(similar)).containsExactlyInAnyOrder(jon.id(), john.id());
        assertThat(html).doesNotContain("/admin/customers/" + jane.id() + "\"");

        Matcher link =
                Pattern.compile("class=\"merge-link\"[^>]*href=\"([^\"]*)\"").matcher(sameEmail);
        assertThat(link.find()).isTrue();
        String mergePage = page(link.group(1).replace("&amp;", "&"));
        assertThat(mergePage)
                .contains("id=\"merge-form\"")
                .contains(first.name())
                .contains(second.name());
    }

    // --- import ---------------------------------------------------------------------------------------------

    record ImportFile(String tag, byte[] bytes, String p1, String p2, String p5, CustomerView existing) {}

    static String otherFormat(String phone) {
        String d = phone.replaceAll("[^0-9]", "");
        return "+1 " + d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
    }

    ImportFile importFile() {
        String tag = tag();
        String p1 = uniquePhone();
        String p2 = uniquePhone();
        String p5 = uniquePhone();
        CustomerView existing = customer("Existing " + tag, uniquePhone(), null, null);
        String csv = "Full Name;Mobile;E-mail;Street\r\n"
                + "Imp Alpha " + tag + ";" + p1 + ";alpha." + tag + "@example.com;1 First Street\r\n"
                + "Imp Bravo " + tag + ";" + p2 + ";;2 Second Street\r\n"
                + "Bad Phone " + tag + ";12;badphone." + tag + "@example.com;3 Third Street\r\n"
                + "Bad Email " + tag + ";" + uniquePhone() + ";not-an-email;4 Fourth Street\r\n"
                + ";" + uniquePhone() + ";noname." + tag + "@example.com;5 Fifth Street\r\n"
                + "Dup Alpha " + tag + ";" + otherFormat(p1) + ";dup." + tag + "@example.com;6 Sixth Street\r\n"
                + "Existing Again " + tag + ";" + otherFormat(existing.phone().substring(2)) + ";again." + tag
                + "@example.com;7 Seventh Street\r\n"
                + "\"Smith; John " + tag + "\";" + p5 + ";\"john." + tag + "@example.com\";\"Flat 2\n9 Long Road\"\r\n";
        return new ImportFile(tag, csv.getBytes(StandardCharsets.UTF_8), p1, p2, p5, existing);
    }

    static final Map<Integer, String> EXPECTED_REJECTIONS = Map.of(
            4, "phone ",
            5, "email must be a valid email address",
            6, "name is required",
            7, "duplicate of an earlier row in the file (same phone)",
            8, "already a customer (same phone)");

    String upload(MockHttpSession session, byte[] bytes) throws Exception {
        return body(mvc.perform(multipart("/admin/customers/import")
                        .file(new MockMultipartFile("file", "customers.csv", "text/csv", bytes))
                        .session(session)
                        .with(manager())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn());
    }

    String check(MockHttpSession session) throws Exception {
        return body(mvc.perform(post("/admin/customers/import/check")
                        .session(session)
                        .with(manager())
                        .with(csrf())
                        .param("map_name", "0")
                        .param("map_phone", "1")
                        .param("map_email", "2")
                        .param("map_address", "3"))
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

    /** The report's data rows by line number: (name, reason). */
    Map<Integer, List<String>> report(MockHttpSession session) throws Exception {
        MvcResult result = mvc.perform(get("/admin/customers/import/report.csv")
                        .session(session)
                        .with(manager()))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOfRange(bytes, 0, 3)).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<List<String>> rows = rfc4180(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactly("line", "name", "phone", "email", "address", "reason");
        Map<Integer, List<String>> byLine = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(byLine.put(Integer.valueOf(row.get(0)), row))
                    .as("line %s reported once", row.get(0))
                    .isNull();
        }
        return byLine;
    }

    static void assertRejections(Map<Integer, List<String>> report) {
        assertThat(report.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED_REJECTIONS.keySet());
        EXPECTED_REJECTIONS.forEach(
                (line, reason) -> assertThat(report.get(line).get(5))
                        .as("reason for line %d", line)
                        .startsWith(reason));
    }

    long tagged(String tag) {
        return jdbc.sql("SELECT COUNT(*) FROM customers WHERE name LIKE :pattern")
                .param("pattern", "%" + tag + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void importCreatesExactlyTheGoodRowsAndReportsEveryRejectedLineWithItsReason() throws Exception {
        ImportFile file = importFile();
        MockHttpSession session = new MockHttpSession();

        String preview = upload(session, file.bytes());
        assertThat(preview)
                .contains("id=\"mapping-form\"")
                .contains("Full Name")
                .contains("E-mail")
                .contains("Smith; John " + file.tag());
        String checked = check(session);
        assertThat(checked)
                .contains("id=\"valid-count\">3 rows can be imported<")
                .contains("id=\"rejected-count\">5 rows are rejected<");
        assertRejections(report(session));
        assertThat(tagged(file.tag())).as("checking imports nothing").isEqualTo(1);

        MvcResult ran = run(session);
        assertThat(ran.getFlashMap().get("imported")).isEqualTo(3);
        assertThat((String) ran.getFlashMap().get("message"))
                .contains("Imported 3 customers")
                .contains("5 rows were rejected");

        assertThat(tagged(file.tag())).isEqualTo(1 + 3);
        CustomerView alpha = customers.lookupByPhone(file.p1());
        assertThat(alpha.name()).isEqualTo("Imp Alpha " + file.tag());
        assertThat(alpha.phone()).isEqualTo(e164(file.p1()));
        assertThat(alpha.email()).isEqualTo("alpha." + file.tag() + "@example.com");
        assertThat(alpha.address()).isEqualTo("1 First Street");
        CustomerView bravo = customers.lookupByPhone(file.p2());
        assertThat(bravo.name()).isEqualTo("Imp Bravo " + file.tag());
        assertThat(bravo.email()).isNull();
        CustomerView smith = customers.lookupByPhone(file.p5());
        assertThat(smith.name()).isEqualTo("Smith; John " + file.tag());
        assertThat(smith.email()).isEqualTo("john." + file.tag() + "@example.com");
        assertThat(smith.address()).isEqualTo("Flat 2\n9 Long Road");
        assertThat(customers.get(file.existing().id())).isEqualTo(file.existing());

        MockHttpSession again = new MockHttpSession();
        DatabaseState before = DatabaseState.of(jdbc);
        upload(again, file.bytes());
        assertThat(check(again)).contains("id=\"valid-count\">0 rows can be imported<");
        MvcResult second = run(again);
        assertThat(second.getFlashMap().get("imported")).isEqualTo(0);
        assertThat(DatabaseState.of(jdbc))
                .as("importing the same file again creates nothing")
                .isEqualTo(before);
        assertThat(tagged(file.tag())).isEqualTo(4);
    }

    @Test
    void theReportAfterAnImportListsTheRowsThatImportRejectedNotTheRowsItJustCreated() throws Exception {
        ImportFile file = importFile();
        MockHttpSession session = new MockHttpSession();
        upload(session, file.bytes());
        check(session);
        MvcResult ran = run(session);
        assertThat((String) ran.getFlashMap().get("message")).contains("5 rows were rejected (see the report)");
        assertRejections(report(session));
    }

    // --- dashboard ------------------------------------------------------------------------------------------

    record Today(BigDecimal revenue, long orders) {}

    Today todayOnDashboard() throws Exception {
        String html = page("/admin");
        int start = html.indexOf("id=\"summary-today\"");
        assertThat(start).isPositive();
        String block = html.substring(start, html.indexOf("id=\"summary-month\""));
        Matcher revenue = Pattern.compile("class=\"value revenue\">\\$([0-9,]+\\.\\d{2})<")
                .matcher(block);
        Matcher count = Pattern.compile("class=\"value orders\">(\\d+)<").matcher(block);
        assertThat(revenue.find()).isTrue();
        assertThat(count.find()).isTrue();
        return new Today(new BigDecimal(revenue.group(1).replace(",", "")), Long.parseLong(count.group(1)));
    }

    @Test
    void theDashboardCountsTodaysOrdersRevenueAndNewAndReturningCustomers() throws Exception {
        ZoneId zone = zone();
        LocalDate today = LocalDate.now(zone);
        OffsetDateTime from = today.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = today.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        String tag = tag();
        CustomerView newcomer = customer("Newcomer " + tag, uniquePhone(), null, null);
        CustomerView regular = customer("Regular " + tag, uniquePhone(), null, null);
        jdbc.sql("""
                INSERT INTO orders (id, number, customer_id, customer_name, order_type, payment_method, status,
                                    subtotal, discount, tax, total, placed_in_pos, created_at)
                VALUES (:id, nextval('order_number_seq'), :customer, :name, 'DINE_IN', 'CASH', 'COMPLETED',
                        10.00, 0, 0, 10.00, TRUE, :at)
                """)
                .param("id", UUID.randomUUID())
                .param("customer", regular.id())
                .param("name", regular.name())
                .param("at", from.minusDays(40))
                .update();

        SalesReport.Summary before = sales.summary(from, to);
        Today pageBefore = todayOnDashboard();
        assertThat(pageBefore.revenue()).isEqualByComparingTo(before.revenue());
        assertThat(pageBefore.orders()).isEqualTo(before.orders());

        OrderView first = order(newcomer.id(), latte, 2);
        OrderView second = order(regular.id(), muffin, 1);
        OrderView walkIn = orders.place(
                        new PlaceOrder(
                                List.of(new PlaceOrder.Line(latte.id(), 1)),
                                null,
                                null,
                                OrderType.TAKEAWAY,
                                PaymentMethod.CASH,
                                null,
                                null),
                        null,
                        "manager")
                .order();
        OrderView voided = order(newcomer.id(), muffin, 3);
        orders.voidOrder(voided.id(), "manager");
        BigDecimal added = first.total().add(second.total()).add(walkIn.total());

        SalesReport.Summary after = sales.summary(from, to);
        assertThat(after.revenue()).isEqualByComparingTo(before.revenue().add(added));
        assertThat(after.orders()).isEqualTo(before.orders() + 3);
        assertThat(after.newCustomers())
                .as("a customer whose first order is today is new")
                .isEqualTo(before.newCustomers() + 1);
        assertThat(after.returningCustomers())
                .as("a customer who bought before today returns")
                .isEqualTo(before.returningCustomers() + 1);

        Today pageAfter = todayOnDashboard();
        assertThat(pageAfter.revenue())
                .isEqualByComparingTo(pageBefore.revenue().add(added));
        assertThat(pageAfter.orders()).isEqualTo(pageBefore.orders() + 3);
        assertThat(page("/admin")).contains("id=\"revenue-chart\"");
    }
}
