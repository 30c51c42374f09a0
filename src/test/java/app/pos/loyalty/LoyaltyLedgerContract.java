package app.pos.loyalty;

import static app.pos.support.Api.postJson;
import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Json.object;
import static app.pos.support.Json.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.ConsentChannel;
import app.pos.customer.Consents;
import app.pos.customer.CustomerMerge;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.order.OrderView;
import app.pos.shared.CustomerDetails;
import app.pos.support.Customers;
import app.pos.support.Json;
import app.pos.support.Products;
import app.pos.support.Sales;
import app.pos.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The ledger contract, run on PostgreSQL and H2 by the two subclasses: earning and voids, tiers, merges, enrolment,
 * adjustments and the export section.
 */
abstract class LoyaltyLedgerContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderService orders;

    @Autowired
    Consents consents;

    @Autowired
    CustomerMerge merge;

    @Autowired
    TestClock clock;

    @AfterEach
    void backToTheDefaultProgram() throws Exception {
        putProgram("{}").andExpect(status().isOk());
    }

    ResultActions putProgram(String json) throws Exception {
        return mvc.perform(putJson("/api/v1/loyalty/program", json).with(admin()));
    }

    void enableProgram(Object... more) throws Exception {
        List<Object> fields = new ArrayList<>(List.of("enabled", true));
        fields.addAll(List.of(more));
        putProgram(object(fields.toArray())).andExpect(status().isOk());
    }

    CustomerView member(String name) throws Exception {
        CustomerView customer = Customers.withPhone(customers, uniqueName(name));
        mvc.perform(postJson("/api/v1/customers/" + customer.id() + "/loyalty/enrolment", "{}")
                        .with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.member").value(true));
        return customer;
    }

    ResultActions account(CustomerView customer) throws Exception {
        return mvc.perform(
                        get("/api/v1/customers/" + customer.id() + "/loyalty").with(cashier()))
                .andExpect(status().isOk());
    }

    long balance(CustomerView customer) throws Exception {
        return ((Number) Json.read(account(customer).andReturn(), "$.balance")).longValue();
    }

    long ledgerSum(CustomerView customer) {
        return jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM loyalty_entries WHERE customer_id = :id")
                .param("id", customer.id())
                .query(Long.class)
                .single();
    }

    /** A JSON array of plain strings (Json.object would quote a list as one string). */
    static Json.Raw strings(String... values) {
        return raw("[\"" + String.join("\",\"", values) + "\"]");
    }

    ProductView product(String category, String price) {
        return Products.create(products, uniqueName("Loyal"), category, price);
    }

    @Test
    void aMemberEarnsOnTheAmountBeforeTaxAndANonMemberNothing() throws Exception {
        enableProgram();
        ProductView soup = product(uniqueName("Soups"), "10.00");
        CustomerView ada = member("Ada Loyal");
        CustomerView bob = Customers.withPhone(customers, uniqueName("Bob Walk-in"));

        OrderView adas = Sales.of(soup, 1).forCustomer(ada).placeWith(orders, "cashier");
        Sales.of(soup, 1).forCustomer(bob).placeWith(orders, "cashier");

        assertThat(adas.total()).isEqualByComparingTo("10.80");
        account(ada)
                .andExpect(jsonPath("$.member").value(true))
                .andExpect(jsonPath("$.balance").value(10))
                .andExpect(jsonPath("$.lifetimeEarned").value(10))
                .andExpect(jsonPath("$.tier").value("Bronze"))
                .andExpect(jsonPath("$.qualifyingSpend").value(10.0))
                .andExpect(jsonPath("$.nextTier.name").value("Silver"))
                .andExpect(jsonPath("$.nextTier.spendNeeded").value(240.0))
                .andExpect(jsonPath("$.expiring.length()").value(0));
        mvc.perform(get("/api/v1/customers/" + ada.id() + "/loyalty/entries").with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].type").value("EARN"))
                .andExpect(jsonPath("$.items[0].points").value(10))
                .andExpect(jsonPath("$.items[0].orderId").value(adas.id().toString()))
                .andExpect(jsonPath("$.items[0].staff").value("cashier"));
        account(bob)
                .andExpect(jsonPath("$.member").value(false))
                .andExpect(jsonPath("$.balance").value(0));
        assertThat(ledgerSum(bob)).isZero();
    }

    @Test
    void nobodyEarnsWhileTheProgramIsOff() throws Exception {
        ProductView soup = product(uniqueName("Soups"), "10.00");
        CustomerView ada = member("Ada Off");

        Sales.of(soup, 1).forCustomer(ada).placeWith(orders, "cashier");

        assertThat(balance(ada)).isZero();
    }

    @Test
    void theTierHeldBeforeAnOrderMultipliesItsPointsOnTheAmountAfterTaxWithoutExcludedLines() throws Exception {
        String excluded = uniqueName("Gift cards");
        ProductView hamper = product(uniqueName("Hampers"), "300.00");
        ProductView coffee = product(uniqueName("Coffee"), "10.00");
        ProductView giftCard = product(excluded, "20.00");
        enableProgram("earnBasis", "AFTER_TAX", "excludedCategories", strings(excluded));
        CustomerView ada = member("Ada Tier");

        OrderView first = Sales.of(hamper, 1).forCustomer(ada).placeWith(orders, "cashier");
        assertThat(first.total()).isEqualByComparingTo("324.00");
        account(ada)
                .andExpect(jsonPath("$.balance").value(324))
                .andExpect(jsonPath("$.tier").value("Silver"));

        OrderView second = Sales.of(coffee, 1).and(giftCard, 1).forCustomer(ada).placeWith(orders, "cashier");

        // basis 32.40 x 10.00 / 30.00 = 10.80, at Silver's 1.25: 13.5, floored to 13
        assertThat(second.total()).isEqualByComparingTo("32.40");
        account(ada)
                .andExpect(jsonPath("$.balance").value(324 + 13))
                .andExpect(jsonPath("$.qualifyingSpend").value(334.8))
                .andExpect(jsonPath("$.nextTier.name").value("Gold"))
                .andExpect(jsonPath("$.nextTier.spendNeeded").value(665.2));
        assertThat(jdbc.sql("SELECT to_tier FROM loyalty_tier_changes WHERE customer_id = :id ORDER BY id")
                        .param("id", ada.id())
                        .query(String.class)
                        .list())
                .containsExactly("Silver");
    }

    @Test
    void aVoidTakesBackExactlyWhatItsOrderEarnedEvenBelowZero() throws Exception {
        enableProgram();
        ProductView hamper = product(uniqueName("Hampers"), "300.00");
        CustomerView ada = member("Ada Void");
        OrderView order = Sales.of(hamper, 1).forCustomer(ada).placeWith(orders, "cashier");
        account(ada)
                .andExpect(jsonPath("$.balance").value(300))
                .andExpect(jsonPath("$.tier").value("Silver"));
        adjust(ada, manager(), -280, "Spent in the old system").andExpect(status().isCreated());

        orders.voidOrder(order.id(), "manager");

        account(ada)
                .andExpect(jsonPath("$.balance").value(-280))
                .andExpect(jsonPath("$.lifetimeEarned").value(0))
                .andExpect(jsonPath("$.qualifyingSpend").value(0.0))
                .andExpect(jsonPath("$.tier").value("Bronze"));
        mvc.perform(get("/api/v1/customers/" + ada.id() + "/loyalty/entries?page=0&size=2")
                        .with(cashier()))
                .andExpect(jsonPath("$.items[*].type", contains("REVERSAL", "ADJUSTMENT")))
                .andExpect(jsonPath("$.items[0].points").value(-300))
                .andExpect(jsonPath("$.items[0].staff").value("manager"))
                .andExpect(jsonPath("$.hasMore").value(true));
        assertThat(ledgerSum(ada)).isEqualTo(-280);
    }

    @Test
    void concurrentOrdersOfOneMemberLeaveTheBalanceEqualToTheLedger() throws Exception {
        enableProgram();
        ProductView soup = product(uniqueName("Soups"), "7.00");
        CustomerView ada = member("Ada Busy");
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OrderView>> placed = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                placed.add(pool.submit(() -> {
                    start.await();
                    return Sales.of(soup, 1).forCustomer(ada).placeWith(orders, "cashier");
                }));
            }
            start.countDown();
            for (Future<OrderView> order : placed) {
                order.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(ledgerSum(ada)).isEqualTo(threads * 7L);
        assertThat(balance(ada)).isEqualTo(ledgerSum(ada));
        account(ada)
                .andExpect(jsonPath("$.lifetimeEarned").value(threads * 7))
                .andExpect(jsonPath("$.qualifyingSpend").value(140.0));
    }

    ResultActions adjust(
            CustomerView customer,
            org.springframework.test.web.servlet.request.RequestPostProcessor by,
            Object points,
            String reason)
            throws Exception {
        return mvc.perform(postJson(
                        "/api/v1/customers/" + customer.id() + "/loyalty/adjustments",
                        object("points", points, "reason", reason))
                .with(by));
    }

    @Test
    void managersAndAdminsAdjustWithAReason() throws Exception {
        CustomerView ada = member("Ada Adjust");

        adjust(ada, cashier(), 10, "Goodwill").andExpect(status().isForbidden());
        adjust(ada, manager(), 10, " ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("reason")));
        adjust(ada, manager(), 0, "Nothing")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("points")));
        adjust(ada, manager(), 10, "Goodwill")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("ADJUSTMENT"))
                .andExpect(jsonPath("$.points").value(10))
                .andExpect(jsonPath("$.staff").value("manager"))
                .andExpect(jsonPath("$.reason").value("Goodwill"));
        adjust(ada, admin(), -3, "Typo").andExpect(status().isCreated());

        account(ada)
                .andExpect(jsonPath("$.balance").value(7))
                .andExpect(jsonPath("$.lifetimeEarned").value(0));
        mvc.perform(postJson(
                                "/api/v1/customers/" + UUID.randomUUID() + "/loyalty/adjustments",
                                object("points", 1, "reason", "Ghost"))
                        .with(manager()))
                .andExpect(status().isNotFound());
    }

    @Test
    void enrolmentGrantsTheLoyaltyConsentFromTheTill() throws Exception {
        CustomerView ada = Customers.withPhone(customers, uniqueName("Ada Join"));
        assertThat(consents.hasGranted(ada.id(), ConsentChannel.LOYALTY)).isFalse();

        mvc.perform(postJson("/api/v1/customers/" + ada.id() + "/loyalty/enrolment", object("source", "TILL"))
                        .with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.member").value(true))
                .andExpect(jsonPath("$.balance").value(0));

        assertThat(consents.hasGranted(ada.id(), ConsentChannel.LOYALTY)).isTrue();
        assertThat(consents.history(ada.id()))
                .singleElement()
                .satisfies(item -> assertThat(item.source().name()).isEqualTo("TILL"));
        mvc.perform(postJson("/api/v1/customers/" + ada.id() + "/loyalty/enrolment", object("source", "IMPORT"))
                        .with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("source"));
        mvc.perform(postJson("/api/v1/customers/" + UUID.randomUUID() + "/loyalty/enrolment", "{}")
                        .with(cashier()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theDataExportHasTheLoyaltySection() throws Exception {
        enableProgram();
        ProductView soup = product(uniqueName("Soups"), "12.00");
        CustomerView ada = member("Ada Export");
        Sales.of(soup, 1).forCustomer(ada).placeWith(orders, "cashier");

        mvc.perform(get("/api/v1/customers/" + ada.id() + "/data-export").with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.loyalty.balance").value(12))
                .andExpect(jsonPath("$.sections.loyalty.tier").value("Bronze"))
                .andExpect(jsonPath("$.sections.loyalty.entries[0].type").value("EARN"))
                .andExpect(jsonPath("$.sections.loyalty.entries[0].points").value(12));
    }

    @Test
    void anAdjustmentsReasonMustNotNameTheCustomer() throws Exception {
        CustomerView ada = member("Adalind Reason");

        adjust(ada, manager(), 5, "Adalind complained")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        adjust(ada, manager(), 5, "Call back on " + ada.phone())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(balance(ada)).isZero();
    }

    @Test
    void aMergeMovesTheLedgerSumsTheBalancesAndKeepsTheHigherTier() throws Exception {
        enableProgram();
        ProductView soup = product(uniqueName("Soups"), "10.00");
        ProductView hamper = product(uniqueName("Hampers"), "300.00");
        CustomerView ada = member("Ada Kept");
        CustomerView dup = member("Ada Duplicate");
        Sales.of(soup, 1).forCustomer(ada).placeWith(orders, "cashier");
        OrderView dups = Sales.of(hamper, 1).forCustomer(dup).placeWith(orders, "cashier");

        merge.merge(
                new CustomerMerge.Command(
                        ada.id(), dup.id(), new CustomerDetails(ada.name(), ada.phone(), null, null, null)),
                "manager");

        account(ada)
                .andExpect(jsonPath("$.balance").value(310))
                .andExpect(jsonPath("$.lifetimeEarned").value(310))
                .andExpect(jsonPath("$.qualifyingSpend").value(310.0))
                .andExpect(jsonPath("$.tier").value("Silver"));
        mvc.perform(get("/api/v1/customers/" + ada.id() + "/loyalty/entries").with(cashier()))
                .andExpect(jsonPath("$.items[*].type", contains("MERGE", "EARN", "EARN")))
                .andExpect(jsonPath("$.items[0].points").value(0));
        assertThat(ledgerSum(ada)).isEqualTo(310);
        assertThat(ledgerSum(dup)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_balances WHERE customer_id = :id")
                        .param("id", dup.id())
                        .query(Long.class)
                        .single())
                .isZero();

        orders.voidOrder(dups.id(), "manager");

        assertThat(balance(ada)).isEqualTo(10).isEqualTo(ledgerSum(ada));
    }

    @Test
    void aTierIsKeptFor365DaysAfterItWasReachedThenRecomputedFromTheLastYearsSpend() throws Exception {
        enableProgram();
        ProductView small = product(uniqueName("Soups"), "200.00");
        ProductView big = product(uniqueName("Hampers"), "100.00");
        ProductView coffee = product(uniqueName("Coffee"), "10.00");
        CustomerView ada = member("Ada Years");
        Instant start = Instant.now().plus(Duration.ofDays(3_000));
        try {
            clock.set(start);
            Sales.of(small, 1).forCustomer(ada).placeWith(orders, "cashier");
            clock.set(start.plus(Duration.ofDays(300)));
            Sales.of(big, 1).forCustomer(ada).placeWith(orders, "cashier");
            account(ada).andExpect(jsonPath("$.tier").value("Silver"));

            clock.set(start.plus(Duration.ofDays(400)));
            account(ada)
                    .andExpect(jsonPath("$.qualifyingSpend").value(100.0))
                    .andExpect(jsonPath("$.tier").value("Silver"));
            Sales.of(coffee, 1).forCustomer(ada).placeWith(orders, "cashier");
            // Silver, reached on day 300, still multiplies: 10.00 x 1.25 = 12.5, floored
            assertThat(ledgerSum(ada)).isEqualTo(200 + 100 + 12);

            clock.set(start.plus(Duration.ofDays(700)));
            account(ada)
                    .andExpect(jsonPath("$.qualifyingSpend").value(10.0))
                    .andExpect(jsonPath("$.tier").value("Bronze"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void aReplayedOrderEarnsOnce() throws Exception {
        enableProgram();
        ProductView soup = product(uniqueName("Soups"), "10.00");
        CustomerView ada = member("Ada Replay");
        String key = UUID.randomUUID().toString();

        for (int i = 0; i < 2; i++) {
            mvc.perform(postJson(
                                    "/api/v1/orders",
                                    Sales.of(soup, 1).forCustomer(ada).json())
                            .with(cashier())
                            .header("Idempotency-Key", key))
                    .andExpect(status().is2xxSuccessful());
        }

        assertThat(balance(ada)).isEqualTo(10).isEqualTo(ledgerSum(ada));
    }
}
