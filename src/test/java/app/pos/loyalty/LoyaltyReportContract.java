package app.pos.loyalty;

import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.ConsentChannel;
import app.pos.customer.ConsentSource;
import app.pos.customer.ConsentState;
import app.pos.customer.Consents;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.support.Customers;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The program's liability and members per tier ({@link LoyaltyReport}), on PostgreSQL and H2 by the two
 * subclasses. The database is shared with other tests, so each test compares the report before and after its own
 * customers.
 */
abstract class LoyaltyReportContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    LoyaltyReport report;

    @Autowired
    LoyaltyPrograms programs;

    @Autowired
    LoyaltyAccounts accounts;

    @Autowired
    CustomerService customers;

    @Autowired
    Consents consents;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    @AfterEach
    void backToTheDefaultProgram() {
        programs.update(new LoyaltyProgram(null, null, null, null, null, null, null, null), "admin");
    }

    static LoyaltyProgram.Reward amountOff(String name, int points, String amount, boolean active) {
        return new LoyaltyProgram.Reward(null, name, points, new BigDecimal(amount), null, null, active);
    }

    static LoyaltyProgram.Reward percentOff(String name, int points, String percent) {
        return new LoyaltyProgram.Reward(null, name, points, null, new BigDecimal(percent), null, true);
    }

    void program(boolean enabled, List<LoyaltyProgram.Reward> rewards) {
        programs.update(new LoyaltyProgram(enabled, null, null, null, null, null, null, rewards), "admin");
    }

    CustomerView member(String name) {
        CustomerView customer = Customers.withPhone(customers, uniqueName(name));
        accounts.enrol(customer.id(), ConsentSource.API);
        return customer;
    }

    static Map<String, Long> members(LoyaltyLiability liability) {
        return liability.membersPerTier().stream()
                .collect(Collectors.toMap(LoyaltyLiability.TierMembers::tier, LoyaltyLiability.TierMembers::members));
    }

    @Test
    void outstandingPointsAreThePositiveBalancesWorthTheBestCashRewardPerPoint() {
        program(
                false,
                List.of(
                        amountOff("Five off", 100, "5.00", true),
                        amountOff("Two off", 20, "2.00", true),
                        amountOff("Retired", 10, "50.00", false),
                        percentOff("Tenth off", 10, "10")));
        long before = report.liability().outstandingPoints();

        accounts.adjust(member("Ada Liability").id(), 100L, "Opening balance", "manager");
        accounts.adjust(member("Bob Owes").id(), -40L, "Spent twice in the old system", "manager");

        LoyaltyLiability after = report.liability();
        assertThat(after.outstandingPoints()).isEqualTo(before + 100);
        // 2.00 for 20 points beats 5.00 for 100; the inactive reward and the percent reward do not count
        assertThat(after.pointValue()).isEqualByComparingTo("0.1000");
        assertThat(after.pointValue().scale()).isEqualTo(4);
        assertThat(after.liability())
                .isEqualByComparingTo(new BigDecimal("0.1").multiply(BigDecimal.valueOf(after.outstandingPoints())));
        assertThat(after.liability().scale()).isEqualTo(2);
    }

    @Test
    void withoutACashRewardThereIsNoValueAndNoLiabilityInMoney() throws Exception {
        program(false, List.of(percentOff("Tenth off", 10, "10")));

        LoyaltyLiability liability = report.liability();

        assertThat(liability.pointValue()).isNull();
        assertThat(liability.liability()).isNull();
        mvc.perform(get("/api/v1/loyalty/report").with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outstandingPoints").value(liability.outstandingPoints()))
                .andExpect(jsonPath("$.pointValue").doesNotExist())
                .andExpect(jsonPath("$.liability").doesNotExist())
                .andExpect(jsonPath("$.membersPerTier[0].tier").value("Bronze"))
                .andExpect(jsonPath("$.membersPerTier[2].tier").value("Gold"));
        mvc.perform(get("/api/v1/loyalty/report").with(cashier())).andExpect(status().isForbidden());
    }

    @Test
    void membersAreCountedByTheTierTheyHoldAndThoseWithoutOneInTheLowest() {
        program(true, List.of());
        ProductView hamper = Products.create(products, uniqueName("Report Hamper"), uniqueName("Hampers"), "300.00");
        Map<String, Long> before = members(report.liability());

        member("Cleo No Balance");
        accounts.adjust(member("Dan Adjusted").id(), 5L, "Goodwill", "manager");
        CustomerView silver = member("Eve Silver");
        Sales.of(hamper, 1).forCustomer(silver).placeWith(orders, "cashier");
        CustomerView left = member("Fay Left");
        Sales.of(hamper, 1).forCustomer(left).placeWith(orders, "cashier");
        consents.record(left.id(), ConsentChannel.LOYALTY, ConsentState.WITHDRAWN, ConsentSource.API);
        Customers.withPhone(customers, uniqueName("Gus Never Joined"));

        Map<String, Long> after = members(report.liability());
        assertThat(report.liability().membersPerTier())
                .extracting(LoyaltyLiability.TierMembers::tier)
                .containsExactly("Bronze", "Silver", "Gold");
        assertThat(after.get("Bronze") - before.get("Bronze")).isEqualTo(2);
        assertThat(after.get("Silver") - before.get("Silver"))
                .as("Fay left the program")
                .isEqualTo(1);
        assertThat(after.get("Gold")).isEqualTo(before.get("Gold"));
        assertThat(after.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(consents.countGranted(ConsentChannel.LOYALTY));
    }
}
