package app.pos.loyalty;

import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Json.object;
import static app.pos.support.Json.raw;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The program: defaults, what an ADMIN stores, and each invalid setting as a problem naming the field. */
@PostgresIntegrationTest
class LoyaltyProgramPostgresIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProductService products;

    @AfterEach
    void backToTheDefaultProgram() throws Exception {
        putProgram("{}").andExpect(status().isOk());
    }

    ResultActions putProgram(String json) throws Exception {
        return mvc.perform(putJson("/api/v1/loyalty/program", json).with(admin()));
    }

    ProductView product(String category, String price) {
        return Products.create(products, uniqueName("Loyal"), category, price);
    }

    @Test
    void aProgramLeftEmptyIsTheDefaultOneAndAnyStaffReadsIt() throws Exception {
        putProgram("{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.earnBasis").value("BEFORE_TAX"));
        mvc.perform(get("/api/v1/loyalty/program").with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.pointsPerUnit").value(1.0))
                .andExpect(jsonPath("$.excludedCategories.length()").value(0))
                .andExpect(jsonPath("$.pointsExpireAfterMonths").doesNotExist())
                .andExpect(jsonPath("$.returnRedeemedPointsOnVoid").value(true))
                .andExpect(jsonPath("$.tiers[*].name", contains("Bronze", "Silver", "Gold")))
                .andExpect(jsonPath("$.tiers[*].qualifyingSpend", contains(0.0, 250.0, 1000.0)))
                .andExpect(jsonPath("$.tiers[*].multiplier", contains(1.0, 1.25, 1.5)))
                .andExpect(jsonPath("$.rewards.length()").value(0));
    }

    @Test
    void anAdminStoresTiersRewardsAndExcludedCategories() throws Exception {
        String category = uniqueName("Gift cards");
        ProductView cake = product(category, "3.00");
        putProgram(object(
                        "enabled",
                        true,
                        "pointsPerUnit",
                        2,
                        "earnBasis",
                        "AFTER_TAX",
                        "excludedCategories",
                        LoyaltyLedgerContract.strings(category),
                        "pointsExpireAfterMonths",
                        12,
                        "tiers",
                        raw("[{\"name\":\"Member\",\"qualifyingSpend\":0,\"multiplier\":1},"
                                + "{\"name\":\"VIP\",\"qualifyingSpend\":500,\"multiplier\":2}]"),
                        "rewards",
                        raw("[{\"name\":\"Free cake\",\"points\":100,\"freeProductId\":\"" + cake.id()
                                + "\"},{\"name\":\"Five off\",\"points\":250,\"discountAmount\":5.00}]")))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/loyalty/program").with(cashier()))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.pointsPerUnit").value(2.0))
                .andExpect(jsonPath("$.earnBasis").value("AFTER_TAX"))
                .andExpect(jsonPath("$.excludedCategories", contains(category)))
                .andExpect(jsonPath("$.pointsExpireAfterMonths").value(12))
                .andExpect(jsonPath("$.tiers[*].name", contains("Member", "VIP")))
                .andExpect(
                        jsonPath("$.rewards[0].freeProductId").value(cake.id().toString()))
                .andExpect(jsonPath("$.rewards[0].active").value(true))
                .andExpect(jsonPath("$.rewards[0].id").isNotEmpty())
                .andExpect(jsonPath("$.rewards[1].discountAmount").value(5.0));
    }

    @Test
    void invalidSettingsAreProblemsNamingTheField() throws Exception {
        expectInvalid(object("pointsPerUnit", -1), "pointsPerUnit");
        expectInvalid(object("earnBasis", "SOMETIMES"), "earnBasis");
        expectInvalid(object("pointsExpireAfterMonths", 0), "pointsExpireAfterMonths");
        expectInvalid(
                object("excludedCategories", LoyaltyLedgerContract.strings(uniqueName("No such category"))),
                "excludedCategories[0]");
        expectInvalid(
                object(
                        "tiers",
                        raw("[{\"name\":\"A\",\"qualifyingSpend\":100,\"multiplier\":1},"
                                + "{\"name\":\"B\",\"qualifyingSpend\":50,\"multiplier\":2}]")),
                "tiers[1].qualifyingSpend");
        expectInvalid(
                object("tiers", raw("[{\"name\":\"A\",\"qualifyingSpend\":0,\"multiplier\":-1}]")),
                "tiers[0].multiplier");
        expectInvalid(
                object("rewards", raw("[{\"name\":\"Coffee\",\"points\":-5,\"discountAmount\":1}]")),
                "rewards[0].points");
        expectInvalid(
                object(
                        "rewards",
                        raw("[{\"name\":\"Coffee\",\"points\":5,\"freeProductId\":\"" + UUID.randomUUID() + "\"}]")),
                "rewards[0].freeProductId");
        expectInvalid(
                object(
                        "rewards",
                        raw("[{\"name\":\"Coffee\",\"points\":5,\"discountAmount\":1," + "\"discountPercent\":10}]")),
                "rewards[0].discountAmount");
        mvc.perform(get("/api/v1/loyalty/program").with(cashier()))
                .andExpect(jsonPath("$.tiers[*].name", contains("Bronze", "Silver", "Gold")));
    }

    private void expectInvalid(String json, String field) throws Exception {
        putProgram(json)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
    }
}
