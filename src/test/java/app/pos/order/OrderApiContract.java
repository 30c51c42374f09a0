package app.pos.order;

import static app.pos.support.Api.postJson;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.e164;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static app.pos.support.Json.object;
import static app.pos.support.Json.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.shared.CustomerDetails;
import app.pos.support.Customers;
import app.pos.support.DatabaseState;
import app.pos.support.Json;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The order API contract, run against PostgreSQL and H2 by the two subclasses. */
abstract class OrderApiContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    ProductView latte;
    ProductView muffin;
    ProductView retired;

    @BeforeEach
    void menu() {
        latte = Products.create(products, "Latte", "Coffee", "4.20");
        muffin = Products.create(products, "Muffin", "Bakery", "3.35");
        retired = Products.create(products, "Old Special", "Kitchen", "9.00");
        jdbc.sql("UPDATE products SET active = FALSE WHERE id = :id")
                .param("id", retired.id())
                .update();
    }

    static String items(Object... productAndQuantity) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(object("productId", productAndQuantity[i].toString(), "quantity", productAndQuantity[i + 1]));
        }
        return sb.append(']').toString();
    }

    MvcResult place(String body, String idempotencyKey) throws Exception {
        var request = postJson("/api/v1/orders", body).with(cashier());
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request).andReturn();
    }

    CustomerView customer(String address) {
        return customers.create(new CustomerDetails("Order Customer", uniquePhone(), null, address));
    }

    @Test
    void anOrderIsPricedFromTheCatalogAndUpdatesTheCustomersStats() throws Exception {
        CustomerView ada = customer("1 Loop Lane");
        mvc.perform(postJson(
                                "/api/v1/orders",
                                object(
                                        "items",
                                        raw("[{\"productId\":\"" + latte.id() + "\",\"quantity\":2,\"unitPrice\":0.01},"
                                                + "{\"productId\":\"" + muffin.id()
                                                + "\",\"quantity\":1,\"lineTotal\":0.01}]"),
                                        "customerId",
                                        ada.id().toString(),
                                        "orderType",
                                        "TAKEAWAY",
                                        "paymentMethod",
                                        "CARD",
                                        "total",
                                        0.01,
                                        "subtotal",
                                        0.01))
                        .with(manager()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/orders/")))
                .andExpect(jsonPath("$.number").isNumber())
                .andExpect(jsonPath("$.customerId").value(ada.id().toString()))
                .andExpect(jsonPath("$.customerName").value("Order Customer"))
                .andExpect(jsonPath("$.customerNumber").value(ada.phone()))
                .andExpect(jsonPath("$.customerAddress").value("1 Loop Lane"))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.items[0].name").value("Latte"))
                .andExpect(content().string(containsString("\"unitPrice\":4.20")))
                .andExpect(content().string(containsString("\"lineTotal\":8.40")))
                .andExpect(content().string(containsString("\"subtotal\":11.75")))
                .andExpect(content().string(containsString("\"discount\":0.00")))
                .andExpect(content().string(containsString("\"tax\":0.94")))
                .andExpect(content().string(containsString("\"total\":12.69")));

        CustomerView after = customers.get(ada.id());
        assertThat(after.visitCount()).isEqualTo(1);
        assertThat(after.totalSpent()).isEqualByComparingTo("12.69");
        assertThat(after.lastVisitAt()).isNotNull();
    }

    @Test
    void orderNumbersAreSequential() throws Exception {
        String body = Sales.of(latte, 1).json();
        Number first = Json.read(place(body, null), "$.number");
        Number second = Json.read(place(body, null), "$.number");
        assertThat(second.longValue()).isGreaterThan(first.longValue());
    }

    @Test
    void aWalkInSaleHasNoCustomer() throws Exception {
        MvcResult result = place(Sales.of(muffin, 3).json(), null);
        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        assertThat((Object) Json.read(result, "$.customerId")).isNull();
        assertThat(result.getResponse().getContentAsString()).contains("\"total\":10.85");
    }

    @Test
    void anInlineCustomerIsCreatedOnceAndMatchedByPhoneAfterwards() throws Exception {
        String phone = uniquePhone();
        MvcResult first = place(
                object(
                        "items",
                        raw(items(latte.id(), 1)),
                        "customer",
                        Map.of("name", "Inline Ian", "phone", phone),
                        "orderType",
                        "TAKEAWAY",
                        "paymentMethod",
                        "CASH"),
                null);
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        String customerId = Json.read(first, "$.customerId");

        String digits = phone.replaceAll("[^0-9]", "");
        MvcResult second = place(
                object(
                        "items",
                        raw(items(latte.id(), 1)),
                        "customer",
                        Map.of("name", "Someone Else", "phone", "+1 " + digits, "email", "ian@example.com"),
                        "orderType",
                        "TAKEAWAY",
                        "paymentMethod",
                        "CASH"),
                null);
        assertThat((String) Json.read(second, "$.customerId")).isEqualTo(customerId);

        CustomerView ian = customers.get(UUID.fromString(customerId));
        assertThat(ian.name()).as("order data never overwrites the name").isEqualTo("Inline Ian");
        assertThat(ian.phone()).isEqualTo(e164(phone));
        assertThat(ian.email()).as("a missing email is filled in").isEqualTo("ian@example.com");
        assertThat(ian.visitCount()).isEqualTo(2);
        assertThat(ian.totalSpent()).isEqualByComparingTo("9.08");
    }

    @Test
    void anInlineCustomerWithoutPhoneIsMatchedByEmail() throws Exception {
        CustomerView known = customers.create(
                new CustomerDetails("Email Emma", null, "emma." + UUID.randomUUID() + "@example.com", null));
        MvcResult result = place(
                object(
                        "items",
                        raw(items(latte.id(), 1)),
                        "customer",
                        Map.of("name", "E.", "email", known.email().toUpperCase()),
                        "orderType",
                        "TAKEAWAY",
                        "paymentMethod",
                        "CARD"),
                null);
        assertThat((String) Json.read(result, "$.customerId"))
                .isEqualTo(known.id().toString());
    }

    @Test
    void aDeliveryNeedsAnAddressAndTakesTheCustomersByDefault() throws Exception {
        CustomerView withAddress = customer("221B Baker Street");
        MvcResult prefilled = place(
                Sales.of(latte, 1)
                        .forCustomer(withAddress)
                        .as(OrderType.DELIVERY)
                        .paidBy(PaymentMethod.CARD)
                        .json(),
                null);
        assertThat(prefilled.getResponse().getStatus()).isEqualTo(201);
        assertThat((String) Json.read(prefilled, "$.deliveryAddress")).isEqualTo("221B Baker Street");
        assertThat((String) Json.read(prefilled, "$.customerAddress"))
                .as("a cashier sees the customer's address snapshot masked, the delivery address in full")
                .isEqualTo("•••");

        MvcResult typed = place(
                object(
                        "items",
                        raw(items(latte.id(), 1)),
                        "customerId",
                        withAddress.id().toString(),
                        "orderType",
                        "DELIVERY",
                        "paymentMethod",
                        "CARD",
                        "deliveryAddress",
                        "Office, 5 Main St"),
                null);
        assertThat((String) Json.read(typed, "$.deliveryAddress")).isEqualTo("Office, 5 Main St");

        CustomerView noAddress = customer(null);
        DatabaseState before = DatabaseState.of(jdbc);
        mvc.perform(postJson(
                                "/api/v1/orders",
                                Sales.of(latte, 1)
                                        .forCustomer(noAddress)
                                        .as(OrderType.DELIVERY)
                                        .paidBy(PaymentMethod.CARD)
                                        .json())
                        .with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deliveryAddress"));
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void replayingAnIdempotencyKeyReturnsTheSameOrderAndCountsTheVisitOnce() throws Exception {
        CustomerView ada = customer(null);
        String key = "key-" + UUID.randomUUID();
        String body = Sales.of(latte, 1)
                .and(muffin, 2)
                .forCustomer(ada)
                .paidBy(PaymentMethod.CARD)
                .json();
        MvcResult first = place(body, key);
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        MvcResult replay = place(body, key);
        assertThat(replay.getResponse().getStatus()).isEqualTo(200);
        assertThat(replay.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat((String) Json.read(replay, "$.id")).isEqualTo(Json.read(first, "$.id"));

        DatabaseState before = DatabaseState.of(jdbc);
        mvc.perform(postJson(
                                "/api/v1/orders",
                                Sales.of(latte, 5)
                                        .forCustomer(ada)
                                        .paidBy(PaymentMethod.CARD)
                                        .json())
                        .with(cashier())
                        .header("Idempotency-Key", key))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.orderId").value((String) Json.read(first, "$.id")));
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders WHERE idempotency_key = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(customers.get(ada.id()).visitCount()).isEqualTo(1);
    }

    @Test
    void anotherStaffUserReplayingSomeoneElsesKeyGetsAnOrderOfTheirOwn() throws Exception {
        String key = "key-" + UUID.randomUUID();
        String body = Sales.of(latte, 1).paidBy(PaymentMethod.CARD).json();
        MvcResult cashiers = place(body, key);
        assertThat(cashiers.getResponse().getStatus()).isEqualTo(201);

        MvcResult managers = mvc.perform(
                        postJson("/api/v1/orders", body).with(manager()).header("Idempotency-Key", key))
                .andReturn();
        assertThat(managers.getResponse().getStatus()).isEqualTo(201);
        assertThat(managers.getResponse().getHeader("Idempotent-Replayed")).isNull();
        assertThat((String) Json.read(managers, "$.id")).isNotEqualTo(Json.read(cashiers, "$.id"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders WHERE idempotency_key = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aMalformedIdempotencyKeyIsRefused() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        for (String key : List.of("k".repeat(101), "has space")) {
            mvc.perform(postJson("/api/v1/orders", Sales.of(latte, 1).json())
                            .with(cashier())
                            .header("Idempotency-Key", key))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void voidingTakesBackExactlyWhatTheOrderAddedAndOnlyOnce() throws Exception {
        CustomerView ada = customer(null);
        String body =
                Sales.of(latte, 1).forCustomer(ada).paidBy(PaymentMethod.CARD).json();
        place(body, null);
        CustomerView afterFirst = customers.get(ada.id());
        String secondId = Json.read(
                place(
                        Sales.of(muffin, 4)
                                .forCustomer(ada)
                                .paidBy(PaymentMethod.CARD)
                                .json(),
                        null),
                "$.id");

        mvc.perform(post("/api/v1/orders/" + secondId + "/void").with(cashier()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/orders/" + secondId + "/void").with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VOIDED"))
                .andExpect(jsonPath("$.voidedAt").isNotEmpty());

        CustomerView afterVoid = customers.get(ada.id());
        assertThat(afterVoid.visitCount()).isEqualTo(afterFirst.visitCount());
        assertThat(afterVoid.totalSpent()).isEqualByComparingTo(afterFirst.totalSpent());
        assertThat(afterVoid.lastVisitAt().toInstant())
                .isEqualTo(afterFirst.lastVisitAt().toInstant());

        DatabaseState before = DatabaseState.of(jdbc);
        mvc.perform(post("/api/v1/orders/" + secondId + "/void").with(manager()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        mvc.perform(post("/api/v1/orders/" + UUID.randomUUID() + "/void").with(manager()))
                .andExpect(status().isNotFound());
    }

    @Test
    void voidingACustomersOnlyOrderResetsTheirStats() throws Exception {
        CustomerView once = customer(null);
        String orderId = Json.read(
                place(
                        Sales.of(latte, 1)
                                .forCustomer(once)
                                .paidBy(PaymentMethod.CARD)
                                .json(),
                        null),
                "$.id");
        mvc.perform(post("/api/v1/orders/" + orderId + "/void").with(manager())).andExpect(status().isOk());
        CustomerView after = customers.get(once.id());
        assertThat(after.visitCount()).isZero();
        assertThat(after.totalSpent()).isEqualByComparingTo("0.00");
        assertThat(after.lastVisitAt()).isNull();
    }

    @Test
    void historyListsEveryOrderNewestFirstWithVoidedOnesAndPages() throws Exception {
        CustomerView ada = customer(null);
        String body =
                Sales.of(latte, 1).forCustomer(ada).paidBy(PaymentMethod.CARD).json();
        String first = Json.read(place(body, null), "$.id");
        String second = Json.read(place(body, null), "$.id");
        String third = Json.read(place(body, null), "$.id");
        mvc.perform(post("/api/v1/orders/" + second + "/void").with(manager())).andExpect(status().isOk());

        mvc.perform(get("/api/v1/customers/" + ada.id() + "/orders")
                        .param("size", "2")
                        .with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value(third))
                .andExpect(jsonPath("$.items[1].id").value(second))
                .andExpect(jsonPath("$.items[1].status").value("VOIDED"))
                .andExpect(jsonPath("$.items[0].items[0].name").value("Latte"))
                .andExpect(jsonPath("$.hasMore").value(true));
        mvc.perform(get("/api/v1/customers/" + ada.id() + "/orders")
                        .param("size", "2")
                        .param("page", "1")
                        .with(cashier()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(first))
                .andExpect(jsonPath("$.hasMore").value(false));
        mvc.perform(get("/api/v1/customers/" + UUID.randomUUID() + "/orders").with(cashier()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orders/" + first).with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(first));
    }

    @Test
    void deletingACustomerKeepsTheirOrdersWithTheSnapshot() throws Exception {
        CustomerView gone = customer("9 Exit Road");
        String orderId = Json.read(
                place(
                        Sales.of(latte, 1)
                                .forCustomer(gone)
                                .paidBy(PaymentMethod.CARD)
                                .json(),
                        null),
                "$.id");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/v1/customers/" + gone.id())
                        .with(manager()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/orders/" + orderId).with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").doesNotExist())
                .andExpect(jsonPath("$.customerName").value("Order Customer"))
                .andExpect(jsonPath("$.customerNumber").value(gone.phone()))
                .andExpect(content().string(containsString("\"total\":4.54")));
    }

    @Test
    void everyBadRequestIsAProblemAndLeavesTheDatabaseUnchanged() throws Exception {
        CustomerView ada = customer("1 Road");
        String ok = raw(items(latte.id(), 1)).json();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("malformed JSON", "{\"items\": [");
        cases.put("not an object", "[1,2,3]");
        cases.put("empty body", "");
        cases.put("unknown order type", object("items", raw(ok), "orderType", "PICNIC", "paymentMethod", "CASH"));
        cases.put("unknown payment", object("items", raw(ok), "orderType", "DINE_IN", "paymentMethod", "BITCOIN"));
        cases.put("missing order type", object("items", raw(ok), "paymentMethod", "CASH"));
        cases.put("no items", object("items", raw("[]"), "orderType", "DINE_IN", "paymentMethod", "CASH"));
        cases.put("items not a list", object("items", "latte", "orderType", "DINE_IN", "paymentMethod", "CASH"));
        cases.put(
                "zero quantity",
                object("items", raw(items(latte.id(), 0)), "orderType", "DINE_IN", "paymentMethod", "CASH"));
        cases.put(
                "negative quantity",
                object("items", raw(items(latte.id(), -2)), "orderType", "DINE_IN", "paymentMethod", "CASH"));
        cases.put(
                "huge quantity",
                object(
                        "items",
                        raw(items(latte.id(), 1_000_000_000_000L)),
                        "orderType",
                        "DINE_IN",
                        "paymentMethod",
                        "CASH"));
        cases.put(
                "text quantity",
                object(
                        "items",
                        raw("[{\"productId\":\"" + latte.id() + "\",\"quantity\":\"two\"}]"),
                        "orderType",
                        "DINE_IN",
                        "paymentMethod",
                        "CASH"));
        cases.put("null line", object("items", raw("[null]"), "orderType", "DINE_IN", "paymentMethod", "CASH"));
        cases.put(
                "bad product id",
                object(
                        "items",
                        raw("[{\"productId\":\"latte\",\"quantity\":1}]"),
                        "orderType",
                        "DINE_IN",
                        "paymentMethod",
                        "CASH"));
        cases.put(
                "unknown product",
                object(
                        "items",
                        raw(items(UUID.randomUUID(), 1)),
                        "customerId",
                        ada.id().toString(),
                        "orderType",
                        "DINE_IN",
                        "paymentMethod",
                        "CASH"));
        cases.put(
                "retired product",
                Sales.of(latte, 1).and(retired, 1).forCustomer(ada).json());
        cases.put(
                "unknown customer",
                object(
                        "items",
                        raw(ok),
                        "customerId",
                        UUID.randomUUID().toString(),
                        "orderType",
                        "DINE_IN",
                        "paymentMethod",
                        "CASH"));
        cases.put(
                "both customer forms",
                object(
                        "items",
                        raw(ok),
                        "customerId",
                        ada.id().toString(),
                        "customer",
                        Map.of("name", "X"),
                        "orderType",
                        "DINE_IN",
                        "paymentMethod",
                        "CASH"));
        cases.put(
                "inline bad phone",
                object(
                        "items",
                        raw(ok),
                        "customer",
                        Map.of("name", "New Nick", "phone", "555"),
                        "orderType",
                        "DINE_IN",
                        "paymentMethod",
                        "CASH"));
        cases.put(
                "inline bad email",
                object(
                        "items",
                        raw(ok),
                        "customer",
                        Map.of("name", "New Nick", "email", "nick@"),
                        "orderType",
                        "DINE_IN",
                        "paymentMethod",
                        "CASH"));
        cases.put(
                "inline empty name",
                object(
                        "items",
                        raw(ok),
                        "customer",
                        Map.of("name", "", "phone", uniquePhone()),
                        "orderType",
                        "DINE_IN",
                        "paymentMethod",
                        "CASH"));
        cases.put(
                "inline long name",
                object(
                        "items",
                        raw(ok),
                        "customer",
                        Map.of("name", "n".repeat(201), "phone", uniquePhone()),
                        "orderType",
                        "DINE_IN",
                        "paymentMethod",
                        "CASH"));
        cases.put(
                "inline control chars",
                object(
                        "items",
                        raw(ok),
                        "customer",
                        Map.of("name", "Bell\u0007", "phone", uniquePhone()),
                        "orderType",
                        "DINE_IN",
                        "paymentMethod",
                        "CASH"));
        cases.put(
                "new customer, walk-in delivery without address",
                object(
                        "items",
                        raw(ok),
                        "customer",
                        Map.of("name", "New Nora", "phone", uniquePhone()),
                        "orderType",
                        "DELIVERY",
                        "paymentMethod",
                        "CASH"));
        cases.put(
                "new customer, unknown product",
                object(
                        "items",
                        raw(items(UUID.randomUUID(), 1)),
                        "customer",
                        Map.of("name", "New Nora", "phone", uniquePhone()),
                        "orderType",
                        "DINE_IN",
                        "paymentMethod",
                        "CASH"));
        cases.put(
                "too many lines",
                object(
                        "items",
                        raw(items(java.util.stream.IntStream.range(0, 101)
                                .boxed()
                                .flatMap(i -> java.util.stream.Stream.of(latte.id(), 1))
                                .toArray())),
                        "orderType",
                        "DINE_IN",
                        "paymentMethod",
                        "CASH"));
        cases.put(
                "long note",
                object("items", raw(ok), "orderType", "DINE_IN", "paymentMethod", "CASH", "note", "n".repeat(501)));

        DatabaseState before = DatabaseState.of(jdbc);
        for (var entry : cases.entrySet()) {
            MvcResult result = mvc.perform(
                            postJson("/api/v1/orders", entry.getValue()).with(cashier()))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).as(entry.getKey()).isBetween(400, 499);
            assertThat(result.getResponse().getContentType()).as(entry.getKey()).startsWith("application/problem+json");
            assertThat((String) Json.read(result, "$.detail"))
                    .as(entry.getKey())
                    .isNotBlank();
            assertThat(DatabaseState.of(jdbc)).as(entry.getKey()).isEqualTo(before);
        }
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        String huge = object(
                "items",
                raw(items(latte.id(), 1)),
                "orderType",
                "DINE_IN",
                "paymentMethod",
                "CASH",
                "note",
                "x".repeat(2_000_000));
        mvc.perform(postJson("/api/v1/orders", huge).with(cashier()))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void legacyOrdersAreLinkedToCustomersByPhoneAndRunningItTwiceChangesNothing() throws Exception {
        String phone = uniquePhone();
        String digits = phone.replaceAll("[^0-9]", "");
        CustomerView existing = Customers.withPhone(customers, "Existing Eve");
        legacyOrder("Legacy Larry", phone, "10.00", "COMPLETED", OffsetDateTime.parse("2024-01-05T10:00:00Z"));
        legacyOrder("Larry L.", "+1" + digits, "5.50", "COMPLETED", OffsetDateTime.parse("2024-02-05T10:00:00Z"));
        legacyOrder(
                "Larry",
                digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6),
                "7.00",
                "VOIDED",
                OffsetDateTime.parse("2024-03-05T10:00:00Z"));
        legacyOrder("Eve", existing.phone(), "20.25", "COMPLETED", OffsetDateTime.parse("2024-01-10T10:00:00Z"));
        legacyOrder(
                "No Phone Nelly", "not a number", "3.00", "COMPLETED", OffsetDateTime.parse("2024-01-11T10:00:00Z"));

        mvc.perform(post("/api/v1/admin/legacy-orders/link").with(cashier())).andExpect(status().isForbidden());
        MvcResult first = mvc.perform(post("/api/v1/admin/legacy-orders/link").with(manager()))
                .andExpect(status().isOk())
                .andReturn();
        assertThat((Integer) Json.read(first, "$.ordersLinked")).isGreaterThanOrEqualTo(4);
        assertThat((Integer) Json.read(first, "$.ordersSkipped")).isGreaterThanOrEqualTo(1);

        CustomerView larry = customers.lookupByPhone(phone);
        assertThat(larry.name()).as("named after the newest order").isEqualTo("Larry");
        assertThat(larry.visitCount()).isEqualTo(2);
        assertThat(larry.totalSpent()).isEqualByComparingTo("15.50");
        assertThat(larry.lastVisitAt().toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-02-05T10:00:00Z").toInstant());
        CustomerView eve = customers.get(existing.id());
        assertThat(eve.name()).isEqualTo("Existing Eve");
        assertThat(eve.visitCount()).isEqualTo(1);
        assertThat(eve.totalSpent()).isEqualByComparingTo("20.25");

        DatabaseState before = DatabaseState.of(jdbc);
        mvc.perform(post("/api/v1/admin/legacy-orders/link").with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ordersLinked").value(0))
                .andExpect(jsonPath("$.customersCreated").value(0))
                .andExpect(jsonPath("$.customersWithStatsCorrected").value(0))
                .andExpect(jsonPath("$.ordersSkipped").value((Integer) Json.read(first, "$.ordersSkipped")));
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    private void legacyOrder(String name, String number, String total, String status, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        long orderNumber =
                jdbc.sql("SELECT nextval('order_number_seq')").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO orders (id, number, customer_name, customer_number, order_type, payment_method, status,
                                    subtotal, discount, tax, total, created_at)
                VALUES (:id, :number, :name, :phone, 'DINE_IN', 'CASH', :status, :total, 0, 0, :total, :at)
                """)
                .param("id", id)
                .param("number", orderNumber)
                .param("name", name)
                .param("phone", number)
                .param("status", status)
                .param("total", new BigDecimal(total))
                .param("at", at)
                .update();
    }
}
