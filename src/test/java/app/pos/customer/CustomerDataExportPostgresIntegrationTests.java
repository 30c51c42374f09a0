package app.pos.customer;

import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditEntry;
import app.pos.audit.AuditLog;
import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.order.CustomerOrders;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import app.pos.shared.CustomerDetails;
import app.pos.support.Customers;
import app.pos.support.Fixtures;
import app.pos.support.Json;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code GET /api/v1/customers/{id}/data-export}: everything held about a customer, each section with its values,
 * for MANAGER and ADMIN only, recorded in the audit log.
 */
@PostgresIntegrationTest
class CustomerDataExportPostgresIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerService customers;

    @Autowired
    CustomerMerge merge;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    @Autowired
    CustomerOrders customerOrders;

    @Autowired
    AuditLog audit;

    @Autowired
    Consents consents;

    @Autowired
    DataExportRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /** A customer imported from a Square file (external id, email consent), with a note. */
    CustomerView imported(String name, String phone, String squareId) throws Exception {
        String csv = "First Name,Last Name,Email Address,Phone Number,Square Customer ID,Email Subscription Status\r\n"
                + name + ",Export," + squareId.toLowerCase() + "@example.com," + phone + "," + squareId
                + ",subscribed\r\n";
        mvc.perform(multipart("/api/v1/customers/imports")
                        .file(new MockMultipartFile(
                                "file", "customers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));
        CustomerView found = customers.lookupByPhone(phone);
        return customers.update(
                found.id(),
                new CustomerDetails(found.name(), found.phone(), found.email(), "1 Home Street", "oat milk"));
    }

    MvcResult exportAs(UUID id, RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/api/v1/customers/{id}/data-export", id).with(who))
                .andReturn();
    }

    @Test
    void theExportHoldsTheRecordOrdersAddressesMergesConsentAndAuditEntries() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String squareId = "SQEXPORT" + tag.toUpperCase();
        CustomerView ada = imported("Ada" + tag, Fixtures.uniquePhone(), squareId);
        ProductView latte = Products.create(products, "Latte", "Export " + tag, "4.20");
        ProductView muffin = Products.create(products, "Muffin", "Export " + tag, "3.35");
        OrderView dineIn = Sales.of(latte, 2).and(muffin, 1).forCustomer(ada).placeWith(orders, "manager");
        OrderView delivery = orders.place(
                        new PlaceOrder(
                                List.of(new PlaceOrder.Line(muffin.id(), 3)),
                                ada.id(),
                                null,
                                OrderType.DELIVERY,
                                PaymentMethod.CARD,
                                "9 Delivery Way",
                                "ring twice"),
                        null,
                        "cashier")
                .order();
        OrderView voided = Sales.of(latte, 1).forCustomer(ada).placeWith(orders, "manager");
        orders.voidOrder(voided.id(), "manager");
        CustomerView duplicate = Customers.withPhone(customers, "Ada Duplicate " + tag);
        Sales.of(latte, 1).forCustomer(duplicate).placeWith(orders, "cashier");
        audit.record(AuditAction.PROFILE_VIEWED, duplicate.id(), null);
        merge.merge(
                new CustomerMerge.Command(
                        ada.id(),
                        duplicate.id(),
                        new CustomerDetails(ada.name(), ada.phone(), ada.email(), ada.address(), ada.notes())),
                "manager");
        audit.record(AuditAction.PROFILE_VIEWED, ada.id(), null);
        consents.record(ada.id(), ConsentChannel.SMS, ConsentState.WITHDRAWN, ConsentSource.TILL);

        MvcResult result = mvc.perform(
                        get("/api/v1/customers/{id}/data-export", ada.id()).with(manager()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"customer-" + ada.id() + ".json\""))
                .andReturn();
        String json = result.getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat((Integer) Json.read(json, "$.header.formatVersion")).isEqualTo(1);
        assertThat((String) Json.read(json, "$.header.exportedBy")).isEqualTo("manager");
        assertThat((String) Json.read(json, "$.header.shopName")).isEqualTo("Test Café & Bar");
        assertThat((String) Json.read(json, "$.header.customerId"))
                .isEqualTo(ada.id().toString());
        assertThat((String) Json.read(json, "$.header.exportedAt")).isNotBlank();

        assertThat((String) Json.read(json, "$.customer.name")).isEqualTo("Ada" + tag + " Export");
        assertThat((String) Json.read(json, "$.customer.notes")).startsWith("oat milk");
        assertThat((String) Json.read(json, "$.customer.address")).isEqualTo("1 Home Street");
        assertThat((String) Json.read(json, "$.customer.email")).isEqualTo(ada.email());
        assertThat((List<Map<String, Object>>) Json.read(json, "$.externalIds"))
                .singleElement()
                .satisfies(id -> {
                    assertThat(id).containsEntry("source", "square").containsEntry("externalId", squareId);
                    assertThat(id.get("recordedAt")).isNotNull();
                });
        assertThat((List<Map<String, Object>>) Json.read(json, "$.importedMarketingConsents"))
                .singleElement()
                .satisfies(c -> assertThat(c)
                        .containsEntry("source", "square")
                        .containsEntry("channel", "EMAIL")
                        .containsEntry("status", "subscribed"));
        assertThat((List<Map<String, Object>>) Json.read(json, "$.consents"))
                .as("the consent history, newest first")
                .satisfiesExactly(
                        c -> assertThat(c)
                                .containsEntry("channel", "SMS")
                                .containsEntry("state", "WITHDRAWN")
                                .containsEntry("source", "TILL")
                                .hasEntrySatisfying(
                                        "wordingVersion", v -> assertThat(v).isNotNull()),
                        c -> assertThat(c)
                                .containsEntry("channel", "EMAIL")
                                .containsEntry("state", "GRANTED")
                                .containsEntry("source", "IMPORT")
                                .containsEntry("wordingVersion", null));

        List<Integer> numbers = Json.read(json, "$.orders[*].number");
        assertThat(numbers)
                .as("every order, the merged record's included, oldest first")
                .hasSize(4)
                .containsSubsequence((int) dineIn.number(), (int) delivery.number(), (int) voided.number());
        String first = "$.orders[?(@.number == " + dineIn.number() + ")]";
        assertThat((List<String>) Json.read(json, first + ".items[*].name")).containsExactly("Latte", "Muffin");
        assertThat((List<Integer>) Json.read(json, first + ".items[*].quantity"))
                .containsExactly(2, 1);
        assertThat((List<Double>) Json.read(json, first + ".items[*].unitPrice"))
                .containsExactly(4.20, 3.35);
        assertThat((List<Double>) Json.read(json, first + ".items[*].lineTotal"))
                .containsExactly(8.40, 3.35);
        assertThat((List<String>) Json.read(json, first + ".paymentMethod")).containsExactly("CASH");
        assertThat((List<String>) Json.read(json, first + ".orderType")).containsExactly("DINE_IN");
        assertThat((List<Double>) Json.read(json, first + ".total"))
                .containsExactly(dineIn.total().doubleValue());
        assertThat((List<String>) Json.read(json, first + ".createdAt")).hasSize(1);
        String delivered = "$.orders[?(@.number == " + delivery.number() + ")]";
        assertThat((List<String>) Json.read(json, delivered + ".orderType")).containsExactly("DELIVERY");
        assertThat((List<String>) Json.read(json, delivered + ".deliveryAddress"))
                .containsExactly("9 Delivery Way");
        assertThat((List<String>) Json.read(json, delivered + ".note")).containsExactly("ring twice");
        assertThat((List<String>) Json.read(json, delivered + ".status")).containsExactly("COMPLETED");
        String theVoid = "$.orders[?(@.number == " + voided.number() + ")]";
        assertThat((List<String>) Json.read(json, theVoid + ".status")).containsExactly("VOIDED");
        assertThat((List<Object>) Json.read(json, theVoid + ".voidedAt"))
                .singleElement()
                .isNotNull();

        assertThat((List<Map<String, Object>>) Json.read(json, "$.addresses[?(@.address == '9 Delivery Way')]"))
                .singleElement()
                .as("a delivery is sold under the address it goes to")
                .satisfies(a -> assertThat(a).containsEntry("deliveries", 1).containsEntry("onOrders", 1));
        assertThat((List<Map<String, Object>>) Json.read(json, "$.addresses[?(@.address == '1 Home Street')]"))
                .as("the customer address the two orders at the counter were sold under")
                .singleElement()
                .satisfies(a -> assertThat(a).containsEntry("deliveries", 0).containsEntry("onOrders", 2));
        assertThat((List<Map<String, Object>>) Json.read(json, "$.merges"))
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .containsEntry("survivorId", ada.id().toString())
                        .containsEntry("mergedId", duplicate.id().toString())
                        .containsEntry("mergedName", "Ada Duplicate " + tag)
                        .containsEntry("mergedPhone", duplicate.phone())
                        .containsEntry("ordersMoved", 1)
                        .containsEntry("mergedBy", "manager"));

        List<String> actions = Json.read(json, "$.audit[*].action");
        assertThat(actions)
                .as("the merged record's view, this record's view, then this export, last")
                .containsSubsequence("PROFILE_VIEWED", "PROFILE_VIEWED", "DATA_EXPORTED")
                .last()
                .isEqualTo("DATA_EXPORTED");
        assertThat((List<String>) Json.read(json, "$.audit[-1:].staff")).containsExactly("manager");
        assertThat((List<String>) Json.read(json, "$.audit[-1:].detail")).containsExactly("json");
        assertThat((Map<String, Object>) Json.read(json, "$.sections"))
                .as("the loyalty feature's section")
                .containsOnlyKeys("loyalty");
    }

    @Test
    void theExportIsRecordedInTheAuditLogAndListedInTheNextOne() throws Exception {
        CustomerView bob = Customers.withPhone(customers, "Bob Export");

        assertThat(exportAs(bob.id(), admin()).getResponse().getStatus()).isEqualTo(200);

        assertThat(audit.about(bob.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.DATA_EXPORTED);
            assertThat(e.staff()).isEqualTo("admin");
            assertThat(e.detail()).isEqualTo("json");
        });
        MvcResult second = exportAs(bob.id(), manager());
        assertThat((List<String>) Json.read(second, "$.audit[*].staff")).containsExactly("admin", "manager");
        assertThat(audit.about(bob.id()))
                .extracting(AuditEntry::action)
                .containsExactly(AuditAction.DATA_EXPORTED, AuditAction.DATA_EXPORTED);
    }

    @Test
    void aCashierMayNotExportAndNothingIsRecorded() throws Exception {
        CustomerView carol = Customers.withPhone(customers, "Carol Export");

        MvcResult refused = exportAs(carol.id(), cashier());

        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(refused.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(audit.about(carol.id())).isEmpty();
    }

    @Test
    void anUnknownCustomerIsA404ProblemAndNothingIsRecorded() throws Exception {
        UUID nobody = UUID.randomUUID();

        MvcResult missing = exportAs(nobody, manager());

        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(missing.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat((String) Json.read(missing, "$.title")).isEqualTo("Customer not found");
        assertThat(audit.about(nobody)).isEmpty();
    }

    @Test
    void aRecordMergedIntoOneThatWasLaterMergedIntoThisCustomerIsListedToo() throws Exception {
        CustomerView kept = Customers.withPhone(customers, "Eve Kept");
        CustomerView middle = Customers.withPhone(customers, "Eve Middle");
        CustomerView oldest = Customers.withPhone(customers, "Eve Oldest");
        CustomerView stranger = Customers.withPhone(customers, "Someone Else");
        mergeInto(middle, oldest);
        mergeInto(kept, middle);
        mergeInto(stranger, Customers.withPhone(customers, "Someone Else Too"));

        MvcResult result = exportAs(kept.id(), manager());

        assertThat((List<String>) Json.read(result, "$.merges[*].mergedName"))
                .containsExactly("Eve Oldest", "Eve Middle");
    }

    private void mergeInto(CustomerView survivor, CustomerView merged) {
        merge.merge(
                new CustomerMerge.Command(
                        survivor.id(),
                        merged.id(),
                        new CustomerDetails(survivor.name(), survivor.phone(), null, null, null)),
                "manager");
    }

    @Test
    void otherFeaturesAddTheirSectionByName() {
        CustomerView dora = Customers.withPhone(customers, "Dora Export");
        record Points(UUID customerId, int balance) {}
        DataExportSection loyalty = new DataExportSection() {
            @Override
            public String name() {
                return "loyalty";
            }

            @Override
            public Object export(UUID customerId) {
                return new Points(customerId, 42);
            }
        };
        CustomerDataExport export = new CustomerDataExport(
                customers, records, customerOrders, consents, audit, List.of(loyalty), "", clock);

        CustomerData data = export.export(dora.id(), "manager");

        assertThat(data.sections()).containsExactly(Map.entry("loyalty", new Points(dora.id(), 42)));
        assertThat(data.header().shopName()).as("no shop name configured").isNull();
    }
}
