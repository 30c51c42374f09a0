package app.pos.privacy;

import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditEntry;
import app.pos.audit.AuditLog;
import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerMerge;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import app.pos.order.SalesReport;
import app.pos.shared.CustomerDetails;
import app.pos.support.Api;
import app.pos.support.Fixtures;
import app.pos.support.Json;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Erasure that keeps the books: a customer with orders (a delivery with address and note), a merge on either side,
 * legacy orders, a stored import file and marketing consents is erased, and then no text column of any table holds
 * their name, phone digits or e-mail, while the revenue figures are what they were.
 */
@PostgresIntegrationTest
class ErasurePostgresIntegrationTests {

    private static final OffsetDateTime FROM = OffsetDateTime.parse("2000-01-01T00:00:00Z");
    private static final OffsetDateTime TO = OffsetDateTime.parse("2100-01-01T00:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerService customers;

    @Autowired
    CustomerMerge merge;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    @Autowired
    SalesReport sales;

    @Autowired
    AuditLog audit;

    @Test
    void anErasedCustomerIsInNoTextColumnOfAnyTableWhileRevenueIsUnchanged() throws Exception {
        ErasureFixture zen = ErasureFixture.person();
        ProductView latte = Products.create(products, "Latte", "Erasure " + ErasureFixture.tag(), "4.20");

        // imported from a Shopify export (consents, external id, note), and the same file left on the import page
        mvc.perform(multipart("/api/v1/customers/imports")
                        .file(new MockMultipartFile(
                                "file", "c.csv", "text/csv", zen.shopifyCsv().getBytes(StandardCharsets.UTF_8)))
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));
        ErasureFixture.upload(mvc, zen.shopifyCsv());
        ErasureFixture other = ErasureFixture.person();
        ErasureFixture.upload(mvc, other.shopifyCsv());
        CustomerView customer = customers.lookupByPhone(zen.phone());
        assertThat(customer.notes()).contains(zen.last());
        // profile fields: a tag naming them, a birthday
        mvc.perform(Api.mergePatch(
                                "/api/v1/customers/" + customer.id(),
                                "{\"birthday\": \"1980-03-04\", \"tags\": [\"family of " + zen.last() + "\"]}")
                        .with(manager()))
                .andExpect(status().isOk());
        assertThat(count("SELECT COUNT(*) FROM customer_marketing_consents WHERE customer_id = :id", customer.id()))
                .as("the import recorded consents")
                .isPositive();

        // a duplicate merged into them, and they into nothing: the merge row keeps the duplicate's details
        String otherPhone = Fixtures.e164(uniquePhone());
        CustomerView duplicate = customers.create(
                new CustomerDetails(zen.first() + " Q. " + zen.last(), otherPhone, zen.email(), zen.address()));
        merge.merge(
                new CustomerMerge.Command(
                        customer.id(),
                        duplicate.id(),
                        new CustomerDetails(
                                customer.name(),
                                customer.phone(),
                                customer.email(),
                                customer.address(),
                                customer.notes())),
                "admin");

        // orders: a delivery with address and note, a takeaway; legacy orders linked by the backfill; one legacy
        // order the backfill has not linked yet
        OrderView delivery = orders.place(
                        new PlaceOrder(
                                List.of(new PlaceOrder.Line(latte.id(), 2)),
                                customer.id(),
                                null,
                                OrderType.DELIVERY,
                                PaymentMethod.CARD,
                                zen.address(),
                                zen.note()),
                        null,
                        "cashier")
                .order();
        OrderView takeaway = orders.place(
                        new PlaceOrder(
                                List.of(new PlaceOrder.Line(latte.id(), 2)),
                                customer.id(),
                                null,
                                OrderType.TAKEAWAY,
                                PaymentMethod.CASH,
                                null,
                                "for " + zen.first()),
                        null,
                        "cashier")
                .order();
        // a refund whose reason names them
        mvc.perform(Api.postJson(
                                "/api/v1/orders/" + takeaway.id() + "/refunds",
                                "{\"lines\": [{\"productId\": \"" + latte.id() + "\", \"quantity\": 1}], "
                                        + "\"reason\": \"" + zen.name() + " spilt it\"}")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .with(manager()))
                .andExpect(status().isCreated());
        ErasureFixture.legacyOrder(jdbc, zen.name(), zen.phone(), "9.00", OffsetDateTime.parse("2023-04-01T10:00:00Z"));
        ErasureFixture.legacyOrder(
                jdbc,
                zen.first(),
                Fixtures.national(zen.phone()),
                "6.50",
                OffsetDateTime.parse("2023-05-01T10:00:00Z"));
        mvc.perform(post("/api/v1/admin/legacy-orders/link").with(manager())).andExpect(status().isOk());
        ErasureFixture.legacyOrder(
                jdbc,
                zen.name(),
                Fixtures.international(zen.phone()),
                "3.00",
                OffsetDateTime.parse("2023-06-01T10:00:00Z"));
        assertThat(PersonalDataScan.find(jdbc, zen.needles(), zen.digits()))
                .as("before: the person is everywhere the test put them")
                .contains(
                        "customers.name",
                        "customers.email",
                        "customers.notes",
                        "customer_tags.tag",
                        "customer_tags.tag_key",
                        "orders.customer_name",
                        "orders.customer_number",
                        "customer_merges.merged_name",
                        "customer_merges.merged_email",
                        "import_uploads.content",
                        "order_refunds.reason");
        assertThat(PersonalDataScan.find(jdbc, addressAndNote(zen), otherPhone.substring(2)))
                .contains(
                        "orders.delivery_address", "orders.note", "customers.address", "customer_merges.merged_phone");
        Figures before = figures();

        MvcResult erased = mvc.perform(Api.postJson(
                                "/api/v1/customers/" + customer.id() + "/erasure",
                                "{\"reason\": \"Request by e-mail, ticket 77\"}")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.customerId").value(customer.id().toString()))
                .andExpect(jsonPath("$.erasedAt").isString())
                .andReturn();
        assertThat((Integer) Json.read(erased, "$.ordersScrubbed"))
                .as("2 placed + 2 legacy linked + 1 legacy unlinked")
                .isEqualTo(5);

        assertThat(PersonalDataScan.find(jdbc, zen.needles(), zen.digits()))
                .as("no table holds their name, phone digits or e-mail")
                .isEmpty();
        assertThat(PersonalDataScan.find(jdbc, addressAndNote(zen), otherPhone.substring(2)))
                .as("nor their address, order note, or the merged duplicate's phone")
                .isEmpty();
        assertThat(PersonalDataScan.find(jdbc, other.needles(), other.digits()))
                .as("another person's upload stays")
                .contains("import_uploads.content");
        assertThat(figures())
                .as("revenue, tax, cash-up, payment split, top products unchanged")
                .isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM customer_marketing_consents WHERE customer_id = :id", customer.id()))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM customer_external_ids WHERE customer_id = :id", customer.id()))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM erased_customers WHERE customer_id = :id", customer.id()))
                .as("the tombstone")
                .isOne();
        assertThat(jdbc.sql("SELECT total, order_type, payment_method FROM orders WHERE id = :id")
                        .param("id", delivery.id())
                        .query()
                        .singleRow())
                .containsEntry("order_type", "DELIVERY")
                .containsEntry("payment_method", "CARD");

        mvc.perform(get("/api/v1/customers/" + customer.id()).with(cashier()))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(Api.postJson("/api/v1/customers/" + customer.id() + "/erasure", "{\"reason\": \"again\"}")
                        .with(admin()))
                .andExpect(status().isGone());
        for (String q : new String[] {zen.last(), zen.digits().substring(6), zen.email()}) {
            mvc.perform(get("/api/v1/customers").param("q", q).with(cashier()))
                    .andExpect(jsonPath("$.items.length()").value(0));
        }

        // the backfill finds nothing to bring back
        mvc.perform(post("/api/v1/admin/legacy-orders/link").with(manager())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/lookup").param("phone", zen.phone()).with(cashier()))
                .andExpect(status().isNotFound());
        assertThat(PersonalDataScan.find(jdbc, zen.needles(), zen.digits())).isEmpty();

        List<AuditEntry> entries = audit.about(customer.id());
        assertThat(entries)
                .filteredOn(e -> e.action() == AuditAction.CUSTOMER_ERASED)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.staff()).isEqualTo("admin");
                    assertThat(e.detail()).isEqualTo("request: Request by e-mail, ticket 77");
                });
    }

    @Test
    void aReasonNamingThePersonIsRefusedAndNothingIsErased() throws Exception {
        ErasureFixture zen = ErasureFixture.person();
        CustomerView customer =
                customers.create(new CustomerDetails(zen.name(), zen.phone(), zen.email(), zen.address()));
        for (String reason : new String[] {
            "Asked by " + zen.last(),
            "mail from " + zen.email(),
            "called from " + Fixtures.national(zen.phone()),
            "number ending " + zen.digits().substring(6),
            ""
        }) {
            mvc.perform(Api.postJson(
                                    "/api/v1/customers/" + customer.id() + "/erasure",
                                    "{\"reason\": \"" + reason + "\"}")
                            .with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));
        }
        assertThat(customers.find(customer.id())).isPresent();
    }

    @Test
    void onlyAnAdminErasesAndAnUnknownIdIsNotFound() throws Exception {
        CustomerView customer =
                customers.create(new CustomerDetails("Ray " + ErasureFixture.tag(), uniquePhone(), null, null));
        for (var who : List.of(cashier(), manager())) {
            mvc.perform(Api.postJson("/api/v1/customers/" + customer.id() + "/erasure", "{\"reason\": \"asked\"}")
                            .with(who))
                    .andExpect(status().isForbidden());
        }
        assertThat(customers.find(customer.id())).isPresent();
        mvc.perform(Api.postJson("/api/v1/customers/" + UUID.randomUUID() + "/erasure", "{\"reason\": \"asked\"}")
                        .with(admin()))
                .andExpect(status().isNotFound());
        mvc.perform(Api.postJson("/api/v1/customers/" + customer.id() + "/erasure", "{\"reason\": \"asked\"}")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ordersScrubbed").value(0));
    }

    /** What the books say: revenue and tax totals, the cash-up, the payment split and the daily revenue. */
    private record Figures(
            Object summaryRevenue, long summaryOrders, Object cashUp, Object split, Object topProducts, Object sums) {}

    private Figures figures() {
        SalesReport.Summary summary = sales.summary(FROM, TO);
        return new Figures(
                summary.revenue().stripTrailingZeros(),
                summary.orders(),
                sales.cashUp(FROM, TO),
                sales.paymentSplit(FROM, TO),
                sales.topProducts(FROM, TO, 10),
                jdbc.sql("SELECT SUM(total) AS t, SUM(tax) AS x, COUNT(*) AS n FROM orders")
                        .query()
                        .singleRow()
                        .toString());
    }

    private static List<String> addressAndNote(ErasureFixture person) {
        return List.of(person.address().toLowerCase(Locale.ROOT), person.note().toLowerCase(Locale.ROOT));
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}
