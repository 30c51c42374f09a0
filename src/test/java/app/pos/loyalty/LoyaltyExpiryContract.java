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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Points expiry on PostgreSQL and H2, with the test clock far in the future (BASE), so that other tests' points
 * are long expired and what a run writes for them does not matter here. Each test starts with no past runs, so
 * its first run looks at every positive balance.
 */
abstract class LoyaltyExpiryContract {

    static final Instant BASE = Instant.now()
            .plus(Duration.ofDays(6_000))
            .truncatedTo(ChronoUnit.DAYS)
            .plus(Duration.ofHours(12));

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
    CustomerMerge merge;

    @Autowired
    LedgerRepository ledger;

    @Autowired
    PointsExpiry expiry;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    TestClock clock;

    @BeforeEach
    void noPastRuns() {
        jdbc.sql("DELETE FROM loyalty_expiry_runs").update();
    }

    @AfterEach
    void backToTheDefaultProgramAndTheRealTime() throws Exception {
        clock.reset();
        mvc.perform(putJson("/api/v1/loyalty/program", "{}").with(admin())).andExpect(status().isOk());
    }

    void expireAfter(Integer months) throws Exception {
        mvc.perform(putJson("/api/v1/loyalty/program", object("enabled", true, "pointsExpireAfterMonths", months))
                        .with(admin()))
                .andExpect(status().isOk());
    }

    void at(Instant instant) {
        clock.set(instant);
    }

    void at(OffsetDateTime instant) {
        clock.set(instant.toInstant());
    }

    static Instant day(int days) {
        return BASE.plus(Duration.ofDays(days));
    }

    CustomerView member(String name) throws Exception {
        CustomerView customer = Customers.withPhone(customers, uniqueName(name));
        mvc.perform(postJson("/api/v1/customers/" + customer.id() + "/loyalty/enrolment", "{}")
                        .with(cashier()))
                .andExpect(status().isOk());
        return customer;
    }

    /** An order at the clock's time earning {@code points} (1 point per 1.00 before tax). */
    OrderView earn(CustomerView customer, int points) {
        ProductView product = Products.create(products, uniqueName("Expiring"), uniqueName("Cat"), points + ".00");
        return Sales.of(product, 1).forCustomer(customer).placeWith(orders, "cashier");
    }

    void adjust(CustomerView customer, long points) throws Exception {
        mvc.perform(postJson(
                                "/api/v1/customers/" + customer.id() + "/loyalty/adjustments",
                                object("points", points, "reason", "Correction"))
                        .with(manager()))
                .andExpect(status().isCreated());
    }

    /** A redemption as the till will write it, straight into the ledger (rewards on orders come separately). */
    void redeem(CustomerView customer, long points) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            ledger.lock(customer.id());
            ledger.add(
                    customer.id(),
                    EntryType.REDEEM,
                    -points,
                    0,
                    BigDecimal.ZERO,
                    null,
                    UUID.randomUUID(),
                    "cashier",
                    null,
                    OffsetDateTime.now(clock));
        });
    }

    /** When points written at this instant expire, with the months set. */
    OffsetDateTime expiryOf(Instant earned, int months) {
        return expiry.expiryOf(months).apply(earned.atOffset(ZoneOffset.UTC));
    }

    List<Long> expiries(CustomerView customer) {
        return jdbc.sql("SELECT points FROM loyalty_entries WHERE customer_id = :id AND type = 'EXPIRY' ORDER BY id")
                .param("id", customer.id())
                .query(Long.class)
                .list();
    }

    ResultActions account(CustomerView customer) throws Exception {
        return mvc.perform(
                        get("/api/v1/customers/" + customer.id() + "/loyalty").with(cashier()))
                .andExpect(status().isOk());
    }

    long balance(CustomerView customer) throws Exception {
        return ((Number) Json.read(account(customer).andReturn(), "$.balance")).longValue();
    }

    @Test
    void anEarningExpiresAtTheEndOfTheBusinessDayNMonthsLaterOnceAndTheBalanceFollows() throws Exception {
        expireAfter(12);
        CustomerView ada = member("Ada Expires");
        at(day(0));
        earn(ada, 10);
        at(day(30));
        earn(ada, 5);
        OffsetDateTime expiresAt = expiryOf(day(0), 12);
        assertThat(expiresAt).isAfter(day(0).atOffset(ZoneOffset.UTC).plusMonths(12));

        at(expiresAt.minusMinutes(1));
        expiry.run();
        assertThat(expiries(ada)).isEmpty();

        at(expiresAt);
        expiry.run();
        expiry.run();
        at(expiresAt.plusDays(3));
        expiry.run();
        noPastRuns();
        expiry.run(); // and one that looks at every balance again, as a first run does

        assertThat(expiries(ada))
                .as("once, though the later points keep the balance above zero")
                .containsExactly(-10L);
        account(ada)
                .andExpect(jsonPath("$.balance").value(5))
                .andExpect(jsonPath("$.lifetimeEarned").value(15))
                .andExpect(jsonPath("$.expiring.length()").value(1))
                .andExpect(jsonPath("$.expiring[0].points").value(5));
        mvc.perform(get("/api/v1/customers/" + ada.id() + "/loyalty/entries").with(cashier()))
                .andExpect(jsonPath("$.items[0].type").value("EXPIRY"))
                .andExpect(jsonPath("$.items[0].points").value(-10));
    }

    @Test
    void aRedemptionSpendsTheOldestPointsSoTheLaterOnesSurviveUntilTheirOwnExpiry() throws Exception {
        expireAfter(6);
        CustomerView ada = member("Ada Spends");
        at(day(0));
        earn(ada, 100);
        at(day(10));
        earn(ada, 50);
        at(day(20));
        redeem(ada, 120);

        at(expiryOf(day(0), 6).plusHours(1));
        expiry.run();
        assertThat(expiries(ada)).as("the first lot was spent").isEmpty();
        assertThat(balance(ada)).isEqualTo(30);

        at(expiryOf(day(10), 6).plusHours(1));
        expiry.run();
        assertThat(expiries(ada)).containsExactly(-30L);
        assertThat(balance(ada)).isZero();
    }

    @Test
    void aVoidTakesBackItsOwnOrdersPointsNotTheOldest() throws Exception {
        expireAfter(12);
        CustomerView ada = member("Ada Voids");
        at(day(0));
        earn(ada, 100);
        at(day(10));
        OrderView later = earn(ada, 50);
        at(day(11));
        orders.voidOrder(later.id(), "manager");

        at(expiryOf(day(0), 12));
        expiry.run();

        assertThat(expiries(ada)).containsExactly(-100L);
        assertThat(balance(ada)).isZero();
    }

    @Test
    void aVoidAfterItsOrdersPointsExpiredDoesNotTakeThemASecondTime() throws Exception {
        expireAfter(12);
        CustomerView ada = member("Ada Expired Void");
        at(day(0));
        OrderView order = earn(ada, 100);

        at(expiryOf(day(0), 12));
        expiry.run();
        assertThat(balance(ada)).isZero();

        orders.voidOrder(order.id(), "manager");

        assertThat(balance(ada)).isZero();
        assertThat(jdbc.sql("SELECT points FROM loyalty_entries WHERE order_id = :order AND type = 'REVERSAL'")
                        .param("order", order.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRefundAfterExpiryTakesBackOnlyWhatWasSpentOfItsOrdersPoints() throws Exception {
        expireAfter(12);
        CustomerView ada = member("Ada Expired Refund");
        at(day(0));
        OrderView first = earn(ada, 100);
        at(day(10));
        earn(ada, 50);
        at(day(11));
        redeem(ada, 30); // spent from the oldest: the first order's points, 70 of them left

        at(expiryOf(day(0), 12));
        expiry.run();
        assertThat(expiries(ada)).containsExactly(-70L);
        assertThat(balance(ada)).isEqualTo(50);

        mvc.perform(postJson(
                                "/api/v1/orders/" + first.id() + "/refunds",
                                object(
                                        "lines",
                                        raw("["
                                                + object(
                                                        "productId",
                                                        first.items().get(0).productId(),
                                                        "quantity",
                                                        1) + "]"),
                                        "reason",
                                        "Returned"))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .with(manager()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.pointsReversed").value(30));

        assertThat(balance(ada)).isEqualTo(20);
    }

    @Test
    void nothingExpiresWhileTheBalanceIsBelowZeroAndExpiryNeverTakesItBelow() throws Exception {
        expireAfter(12);
        CustomerView below = member("Ada Below");
        CustomerView partly = member("Ada Partly");
        at(day(0));
        earn(below, 100);
        earn(partly, 100);
        at(day(1));
        adjust(below, -150);
        adjust(partly, -70);
        at(day(2));
        earn(below, 20);

        at(expiryOf(day(2), 12));
        expiry.run();

        assertThat(expiries(below)).isEmpty();
        assertThat(balance(below)).isEqualTo(-30);
        assertThat(expiries(partly)).containsExactly(-30L);
        assertThat(balance(partly)).isZero();
    }

    @Test
    void theSummaryListsPointsExpiringWithin30DaysPerExpirySoonestFirst() throws Exception {
        expireAfter(12);
        CustomerView ada = member("Ada Soon");
        at(day(0));
        earn(ada, 40);
        at(day(0).plus(Duration.ofHours(2)));
        earn(ada, 2);
        at(day(5));
        adjust(ada, 25);
        at(day(40));
        earn(ada, 10);
        at(day(41));
        adjust(ada, -12);

        at(expiryOf(day(0), 12).minusDays(10));

        // 42 earned on day 0, of which the -12 spent 12: 30 left; day 40's 10 expires beyond 30 days.
        MvcResult summary = account(ada)
                .andExpect(jsonPath("$.balance").value(65))
                .andExpect(jsonPath("$.expiring.length()").value(2))
                .andExpect(jsonPath("$.expiring[0].points").value(30))
                .andExpect(jsonPath("$.expiring[1].points").value(25))
                .andReturn();
        assertThat(instant(summary, "$.expiring[0].expiresAt"))
                .isEqualTo(expiryOf(day(0), 12).toInstant());
        assertThat(instant(summary, "$.expiring[1].expiresAt"))
                .isEqualTo(expiryOf(day(5), 12).toInstant());
    }

    static Instant instant(MvcResult result, String path) {
        return OffsetDateTime.parse(Json.<String>read(result, path)).toInstant();
    }

    @Test
    void nothingExpiresWhenPointsNeverExpireOrTheProgramIsOff() throws Exception {
        expireAfter(null);
        CustomerView ada = member("Ada Forever");
        at(day(0));
        earn(ada, 10);

        at(day(3_000));
        assertThat(expiry.run()).isEqualTo(PointsExpiry.Outcome.NONE);
        account(ada).andExpect(jsonPath("$.expiring.length()").value(0));

        mvc.perform(putJson("/api/v1/loyalty/program", object("enabled", false, "pointsExpireAfterMonths", 1))
                        .with(admin()))
                .andExpect(status().isOk());
        assertThat(expiry.run()).isEqualTo(PointsExpiry.Outcome.NONE);

        assertThat(expiries(ada)).isEmpty();
        assertThat(balance(ada)).isEqualTo(10);
    }

    @Test
    void dailyRunsLookOnlyAtCustomersWithNewlyExpiredLotsAndMergedPointsKeepTheirDates() throws Exception {
        // A timeline of its own, after every other test's: their points are all gone after the first run here.
        int t = 20_000;
        expireAfter(12);
        CustomerView kept = member("Ada Kept");
        CustomerView removed = member("Ada Removed");
        CustomerView bystander = member("Ada Bystander");
        at(day(t - 100));
        earn(bystander, 10);
        at(day(t));
        earn(removed, 30);
        at(day(t + 2));
        earn(kept, 20);
        at(day(t + 3));
        merge.merge(
                new CustomerMerge.Command(
                        kept.id(), removed.id(), new CustomerDetails(kept.name(), kept.phone(), null, null, null)),
                "manager");
        at(day(t + 100));
        earn(bystander, 10);

        at(expiryOf(day(t), 12).minusDays(1));
        expiry.run();
        assertThat(expiries(bystander)).containsExactly(-10L);
        at(expiryOf(day(t), 12));
        PointsExpiry.Outcome daily = expiry.run();

        assertThat(expiries(kept)).containsExactly(-30L);
        assertThat(daily.examined())
                .as("the day after: only the customer whose lot expired today, not the bystander's older lots")
                .isEqualTo(1);
        at(expiryOf(day(t + 2), 12));
        expiry.run();
        assertThat(expiries(kept)).containsExactly(-30L, -20L);
        assertThat(balance(kept)).isZero();
        assertThat(balance(bystander)).isEqualTo(10);
    }
}
