package app.pos.loyalty;

import static app.pos.support.Api.postJson;
import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.support.Customers;
import app.pos.support.Json;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Rewards redeemed on orders, run on PostgreSQL and H2 by the two subclasses: each kind of reward as the order's
 * discount and its cap, the points deducted before the order earns, the refusals (409 and 422, no order), replays
 * and voids with the program's {@code returnRedeemedPointsOnVoid} on and off.
 */
abstract class RedemptionContract {

    static final UUID FIVE_OFF = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID TEN_PERCENT = UUID.fromString("00000000-0000-0000-0000-00000000a002");
    static final UUID FREE_COFFEE = UUID.fromString("00000000-0000-0000-0000-00000000a003");
    static final UUID FIFTY_OFF = UUID.fromString("00000000-0000-0000-0000-00000000a004");
    static final UUID RETIRED = UUID.fromString("00000000-0000-0000-0000-00000000a005");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    String giftCards = uniqueName("Gift cards");
    ProductView soup;
    ProductView coffee;
    ProductView giftCard;

    @AfterEach
    void backToTheDefaultProgram() throws Exception {
        program("{}");
    }

    /** The program on, with five rewards, gift cards excluded, and these settings besides. */
    void enableWithRewards(Object... more) throws Exception {
        soup = Products.create(products, uniqueName("Soup"), uniqueName("Soups"), "10.00");
        coffee = Products.create(products, uniqueName("Coffee"), uniqueName("Coffee"), "3.50");
        giftCard = Products.create(products, uniqueName("Gift card"), giftCards, "20.00");
        String rewards = "["
                + String.join(
                        ",",
                        reward(FIVE_OFF, "Five off", 50, "discountAmount", 5.00),
                        reward(TEN_PERCENT, "Ten percent", 30, "discountPercent", 10),
                        reward(
                                FREE_COFFEE,
                                "Free coffee",
                                40,
                                "freeProductId",
                                coffee.id().toString()),
                        reward(FIFTY_OFF, "Fifty off", 60, "discountAmount", 50.00),
                        object(
                                "id",
                                RETIRED.toString(),
                                "name",
                                "Retired",
                                "points",
                                10,
                                "discountAmount",
                                1.00,
                                "active",
                                false))
                + "]";
        List<Object> fields = new ArrayList<>(List.of(
                "enabled",
                true,
                "excludedCategories",
                Json.raw("[\"" + giftCards + "\"]"),
                "rewards",
                Json.raw(rewards)));
        fields.addAll(List.of(more));
        program(object(fields.toArray()));
    }

    static String reward(UUID id, String name, int points, String kind, Object value) {
        return object("id", id.toString(), "name", name, "points", points, kind, value);
    }

    void program(String json) throws Exception {
        mvc.perform(putJson("/api/v1/loyalty/program", json).with(admin())).andExpect(status().isOk());
    }

    /** A member with {@code points} given by an adjustment. */
    CustomerView member(String name, long points) throws Exception {
        CustomerView customer = Customers.withPhone(customers, uniqueName(name));
        mvc.perform(postJson("/api/v1/customers/" + customer.id() + "/loyalty/enrolment", "{}")
                        .with(cashier()))
                .andExpect(status().isOk());
        if (points != 0) {
            adjust(customer, points);
        }
        return customer;
    }

    void adjust(CustomerView customer, long points) throws Exception {
        mvc.perform(postJson(
                                "/api/v1/customers/" + customer.id() + "/loyalty/adjustments",
                                object("points", points, "reason", "Opening balance"))
                        .with(manager()))
                .andExpect(status().isCreated());
    }

    /** POST /api/v1/orders with the sale and the reward. */
    ResultActions place(Sales.Sale sale, UUID rewardId, String key) throws Exception {
        String json = sale.json();
        String body = json.substring(0, json.length() - 1) + ",\"rewardId\":\"" + rewardId + "\"}";
        var request = postJson("/api/v1/orders", body).with(cashier());
        return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
    }

    long balance(CustomerView customer) throws Exception {
        return ((Number) Json.read(
                        mvc.perform(get("/api/v1/customers/" + customer.id() + "/loyalty")
                                        .with(cashier()))
                                .andExpect(status().isOk())
                                .andReturn(),
                        "$.balance"))
                .longValue();
    }

    long ledgerSum(CustomerView customer) {
        return jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM loyalty_entries WHERE customer_id = :id")
                .param("id", customer.id())
                .query(Long.class)
                .single();
    }

    long entries(CustomerView customer, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_entries WHERE customer_id = :id AND type = :type")
                .param("id", customer.id())
                .param("type", type)
                .query(Long.class)
                .single();
    }

    String id(ResultActions placed) throws Exception {
        return Json.read(placed.andReturn(), "$.id");
    }

    @Test
    void aFixedAmountBecomesTheDiscountTaxIsOnWhatRemainsAndOnlyThePaidPartEarns() throws Exception {
        enableWithRewards();
        CustomerView ada = member("Ada Redeem", 100);

        ResultActions placed = place(Sales.of(soup, 1).forCustomer(ada), FIVE_OFF, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.subtotal").value(10.00))
                .andExpect(jsonPath("$.discount").value(5.00))
                .andExpect(jsonPath("$.tax").value(0.40))
                .andExpect(jsonPath("$.total").value(5.40))
                .andExpect(jsonPath("$.loyalty.pointsRedeemed").value(50))
                .andExpect(jsonPath("$.loyalty.pointsEarned").value(5))
                .andExpect(jsonPath("$.loyalty.balanceAfter").value(55))
                .andExpect(jsonPath("$.loyalty.tier").value("Bronze"));

        mvc.perform(get("/api/v1/orders/" + id(placed)).with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.discount").value(5.00))
                .andExpect(jsonPath("$.loyalty.pointsRedeemed").value(50))
                .andExpect(jsonPath("$.loyalty.pointsEarned").value(5))
                .andExpect(jsonPath("$.loyalty.balanceAfter").value(55));
        assertThat(balance(ada)).isEqualTo(55).isEqualTo(ledgerSum(ada));
        mvc.perform(get("/api/v1/customers/" + ada.id() + "/loyalty/entries").with(cashier()))
                .andExpect(jsonPath("$.items[*].type", contains("EARN", "REDEEM", "ADJUSTMENT")))
                .andExpect(jsonPath("$.items[1].points").value(-50))
                .andExpect(jsonPath("$.items[1].orderId").value(id(placed)))
                .andExpect(jsonPath("$.items[1].staff").value("cashier"));
    }

    @Test
    void eachKindOfRewardIsCappedAtTheSubtotalOfTheLinesNotExcluded() throws Exception {
        enableWithRewards();
        CustomerView ada = member("Ada Kinds", 1000);

        // 50.00 off an order whose eligible lines come to 10.00 (the gift card is excluded): 10.00
        place(Sales.of(soup, 1).and(giftCard, 1).forCustomer(ada), FIFTY_OFF, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.subtotal").value(30.00))
                .andExpect(jsonPath("$.discount").value(10.00))
                .andExpect(jsonPath("$.tax").value(1.60))
                .andExpect(jsonPath("$.total").value(21.60))
                .andExpect(jsonPath("$.loyalty.pointsEarned").value(0));
        // 10% of the eligible 17.00 (soup and two coffees, not the gift card): 1.70
        place(Sales.of(soup, 1).and(coffee, 2).and(giftCard, 1).forCustomer(ada), TEN_PERCENT, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.discount").value(1.70));
        // one coffee of two free: 3.50
        place(Sales.of(coffee, 2).forCustomer(ada), FREE_COFFEE, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.subtotal").value(7.00))
                .andExpect(jsonPath("$.discount").value(3.50))
                .andExpect(jsonPath("$.total").value(3.78))
                .andExpect(jsonPath("$.loyalty.pointsRedeemed").value(40));
        // 5.00 off 3.50 of coffee: never more than the subtotal
        place(Sales.of(coffee, 1).forCustomer(ada), FIVE_OFF, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.discount").value(3.50))
                .andExpect(jsonPath("$.tax").value(0.00))
                .andExpect(jsonPath("$.total").value(0.00));

        assertThat(entries(ada, "REDEEM")).isEqualTo(4);
        assertThat(balance(ada)).isEqualTo(ledgerSum(ada));
    }

    @Test
    void theTierHeldBeforeTheOrderMultipliesWhatWasPaidAfterTheDiscountBeforeOrAfterTax() throws Exception {
        enableWithRewards("earnBasis", "AFTER_TAX");
        ProductView hamper = Products.create(products, uniqueName("Hamper"), uniqueName("Hampers"), "300.00");
        CustomerView ada = member("Ada Silver", 0);
        mvc.perform(postJson(
                                "/api/v1/orders",
                                Sales.of(hamper, 1).forCustomer(ada).json())
                        .with(cashier()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.loyalty.pointsEarned").value(324))
                .andExpect(jsonPath("$.loyalty.tier").value("Silver"));

        // (10.00 + 20.00 gift card) - 5.00 off the soup: 5.00 of soup paid, 5.40 with its tax, at Silver's 1.25
        place(Sales.of(soup, 1).and(giftCard, 1).forCustomer(ada), FIVE_OFF, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(27.00))
                .andExpect(jsonPath("$.loyalty.pointsEarned").value(6))
                .andExpect(jsonPath("$.loyalty.pointsRedeemed").value(50))
                .andExpect(jsonPath("$.loyalty.balanceAfter").value(324 - 50 + 6))
                .andExpect(jsonPath("$.loyalty.tier").value("Silver"));
        assertThat(balance(ada)).isEqualTo(280).isEqualTo(ledgerSum(ada));
    }

    void refused(ResultActions placed, int status, String title, CustomerView customer) throws Exception {
        placed.andExpect(status().is(status))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.errors[0].field").value("rewardId"));
        if (customer != null) {
            assertThat(Sales.countOf(jdbc, customer.id())).as("no order").isZero();
            assertThat(entries(customer, "REDEEM")).isZero();
        }
    }

    @Test
    void aRewardTheOrderCannotHaveIs422AndPlacesNoOrder() throws Exception {
        enableWithRewards();
        CustomerView ada = member("Ada Refused", 500);
        CustomerView bob = Customers.withPhone(customers, uniqueName("Bob Not Member"));

        refused(place(Sales.of(soup, 1), FIVE_OFF, null), 422, "Reward without a customer", null);
        refused(place(Sales.of(soup, 1).forCustomer(bob), FIVE_OFF, null), 422, "Not a loyalty member", bob);
        refused(place(Sales.of(soup, 1).forCustomer(ada), UUID.randomUUID(), null), 422, "Unknown reward", ada);
        refused(place(Sales.of(soup, 1).forCustomer(ada), RETIRED, null), 422, "Reward not offered", ada);
        refused(
                place(Sales.of(soup, 1).forCustomer(ada), FREE_COFFEE, null),
                422,
                "Free product not in the order",
                ada);
        refused(
                place(Sales.of(giftCard, 1).forCustomer(ada), FIVE_OFF, null),
                422,
                "Nothing the reward applies to",
                ada);
        program(object("enabled", false));
        refused(place(Sales.of(soup, 1).forCustomer(ada), FIVE_OFF, null), 422, "Loyalty program off", ada);

        assertThat(balance(ada)).isEqualTo(500);
    }

    @Test
    void notEnoughPointsOrABalanceBelowZeroIs409AndPlacesNoOrder() throws Exception {
        enableWithRewards();
        CustomerView ada = member("Ada Short", 49);
        CustomerView bob = member("Bob Below", -5);

        refused(place(Sales.of(soup, 1).forCustomer(ada), FIVE_OFF, null), 409, "Not enough points", ada);
        place(Sales.of(soup, 1).forCustomer(ada), FIVE_OFF, null)
                .andExpect(jsonPath("$.pointsNeeded").value(50))
                .andExpect(jsonPath("$.balance").value(49));
        refused(place(Sales.of(soup, 1).forCustomer(bob), TEN_PERCENT, null), 409, "Not enough points", bob);

        assertThat(balance(ada)).isEqualTo(49).isEqualTo(ledgerSum(ada));
        assertThat(balance(bob)).isEqualTo(-5);
    }

    @Test
    void aReplayedOrderRedeemsOnce() throws Exception {
        enableWithRewards();
        CustomerView ada = member("Ada Replay", 60);
        String key = UUID.randomUUID().toString();

        String first =
                id(place(Sales.of(soup, 1).forCustomer(ada), FIVE_OFF, key).andExpect(status().isCreated()));
        place(Sales.of(soup, 1).forCustomer(ada), FIVE_OFF, key)
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(first))
                .andExpect(jsonPath("$.loyalty.pointsRedeemed").value(50))
                .andExpect(jsonPath("$.loyalty.balanceAfter").value(15));

        assertThat(entries(ada, "REDEEM")).isEqualTo(1);
        assertThat(balance(ada)).isEqualTo(60 - 50 + 5).isEqualTo(ledgerSum(ada));
    }

    @Test
    void aVoidGivesTheRedeemedPointsBackOnceWhenTheProgramSaysSo() throws Exception {
        enableWithRewards();
        CustomerView ada = member("Ada Void Return", 100);
        String order =
                id(place(Sales.of(soup, 1).forCustomer(ada), FIVE_OFF, null).andExpect(status().isCreated()));

        mvc.perform(post("/api/v1/orders/" + order + "/void").with(manager())).andExpect(status().isOk());
        mvc.perform(post("/api/v1/orders/" + order + "/void").with(manager())).andExpect(status().isConflict());

        assertThat(entries(ada, "RETURN")).isEqualTo(1);
        assertThat(entries(ada, "REVERSAL")).isEqualTo(1);
        assertThat(balance(ada)).isEqualTo(100).isEqualTo(ledgerSum(ada));
        mvc.perform(get("/api/v1/customers/" + ada.id() + "/loyalty/entries?size=2")
                        .with(cashier()))
                .andExpect(jsonPath("$.items[*].type", contains("RETURN", "REVERSAL")))
                .andExpect(jsonPath("$.items[0].points").value(50))
                .andExpect(jsonPath("$.items[0].staff").value("manager"));
    }

    @Test
    void aVoidKeepsTheRedeemedPointsSpentWhenTheProgramSaysSo() throws Exception {
        enableWithRewards("returnRedeemedPointsOnVoid", false);
        CustomerView ada = member("Ada Void Keep", 100);
        String order =
                id(place(Sales.of(soup, 1).forCustomer(ada), FIVE_OFF, null).andExpect(status().isCreated()));

        mvc.perform(post("/api/v1/orders/" + order + "/void").with(manager())).andExpect(status().isOk());

        assertThat(entries(ada, "RETURN")).isZero();
        assertThat(balance(ada)).isEqualTo(50).isEqualTo(ledgerSum(ada));
    }

    @Test
    void ordersWithoutAMemberHaveNoLoyaltySection() throws Exception {
        enableWithRewards();
        CustomerView bob = Customers.withPhone(customers, uniqueName("Bob Plain"));

        mvc.perform(postJson(
                                "/api/v1/orders",
                                Sales.of(soup, 1).forCustomer(bob).json())
                        .with(cashier()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.loyalty").isEmpty());
        mvc.perform(postJson("/api/v1/orders", Sales.of(soup, 1).json()).with(cashier()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.loyalty").isEmpty());
    }
}
