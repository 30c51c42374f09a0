package app.pos.loyalty.web;

import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.loyalty.LoyaltyProgram;
import app.pos.loyalty.LoyaltyPrograms;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Products;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The back office's loyalty page: an ADMIN edits the program with the API's rules, each broken rule shown by its
 * field; a MANAGER sees it read-only; adding a row works as a plain post and as htmx.
 */
@H2IntegrationTest
class LoyaltyPageH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    LoyaltyPrograms programs;

    @Autowired
    ProductService products;

    @AfterEach
    void backToTheDefaultProgram() {
        programs.update(new LoyaltyProgram(null, null, null, null, null, null, null, null), "admin");
    }

    /** Two tiers and one free-product reward as the form posts them, with {@code changes} (field, value, ...). */
    MockHttpServletRequestBuilder validPost(ProductView coffee, String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("enabled", "true");
        fields.put("pointsPerUnit", "2");
        fields.put("earnBasis", "AFTER_TAX");
        fields.put("excludedCategories", coffee.category());
        fields.put("pointsExpireAfterMonths", "12");
        fields.put("tiers[0].name", "Bronze");
        fields.put("tiers[0].qualifyingSpend", "0");
        fields.put("tiers[0].multiplier", "1");
        fields.put("tiers[1].name", "Silver");
        fields.put("tiers[1].qualifyingSpend", "250.00");
        fields.put("tiers[1].multiplier", "1.25");
        fields.put("rewards[0].id", "");
        fields.put("rewards[0].name", "Free coffee");
        fields.put("rewards[0].points", "100");
        fields.put("rewards[0].kind", "PRODUCT");
        fields.put("rewards[0].value", "");
        fields.put("rewards[0].freeProductId", coffee.id().toString());
        fields.put("rewards[0].active", "true");
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request =
                post("/admin/loyalty").with(admin()).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    @Test
    void anAdminSavesTheProgramAndSeesItAgain() throws Exception {
        ProductView coffee = Products.create(products, uniqueName("Page Coffee"), uniqueName("Drinks"), "3.00");

        mvc.perform(validPost(coffee))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/loyalty"))
                .andExpect(flash().attribute("message", "The loyalty program was saved."));

        LoyaltyProgram saved = programs.current();
        assertThat(saved.enabled()).isTrue();
        assertThat(saved.pointsPerUnit()).isEqualByComparingTo("2");
        assertThat(saved.earnBasis()).isEqualTo("AFTER_TAX");
        assertThat(saved.excludedCategories()).containsExactly(coffee.category());
        assertThat(saved.pointsExpireAfterMonths()).isEqualTo(12);
        assertThat(saved.returnRedeemedPointsOnVoid()).as("unticked").isFalse();
        assertThat(saved.tiers()).extracting(LoyaltyProgram.Tier::name).containsExactly("Bronze", "Silver");
        assertThat(saved.rewards()).singleElement().satisfies(r -> {
            assertThat(r.freeProductId()).isEqualTo(coffee.id());
            assertThat(r.active()).isTrue();
        });

        Document page = page(admin());
        assertThat(page.select("#program-form .tier-row")).hasSize(2);
        assertThat(page.selectFirst("#tier-1-spend").val()).isEqualTo("250.00");
        assertThat(page.selectFirst("#reward-0-product option[selected]").val())
                .isEqualTo(coffee.id().toString());
        assertThat(page.selectFirst("#reward-0-kind option[selected]").val()).isEqualTo("PRODUCT");
        assertThat(page.select("#excluded-categories input[checked]"))
                .extracting(Element::val)
                .containsExactly(coffee.category());
        assertThat(page.selectFirst("#f-enabled").hasAttr("checked")).isTrue();
        assertThat(page.select("nav a[href=/admin/loyalty]")).hasSize(1);
        assertThat(page.select("#save-program")).hasSize(1);
    }

    @Test
    void eachBrokenRuleIsShownByItsFieldAndNothingIsSaved() throws Exception {
        ProductView coffee = Products.create(products, uniqueName("Page Coffee"), uniqueName("Drinks"), "3.00");

        Document page = html(mvc.perform(validPost(
                        coffee,
                        "tiers[1].qualifyingSpend",
                        "0",
                        "tiers[1].multiplier",
                        "-1",
                        "rewards[0].kind",
                        "AMOUNT",
                        "rewards[0].points",
                        "0"))
                .andExpect(status().isOk()));

        assertThat(error(page, "tiers[1].qualifyingSpend"))
                .isEqualTo("Enter more than the tier before: tiers go up in spend.");
        assertThat(error(page, "tiers[1].multiplier")).isEqualTo("Enter 0 to 100, with at most 2 decimals.");
        assertThat(error(page, "rewards[0].points")).isEqualTo("Enter a whole number of points above 0.");
        assertThat(error(page, "rewards[0].value"))
                .isEqualTo("Enter the amount or percent off, or for a free product pick the product.");
        assertThat(page.selectFirst("#tier-1-multiplier").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#tier-1-multiplier").val())
                .as("kept as typed")
                .isEqualTo("-1");
        assertThat(page.select("#program-invalid")).hasSize(1);
        assertThat(programs.current().enabled()).isFalse();

        Document notANumber =
                html(mvc.perform(validPost(coffee, "pointsPerUnit", "lots")).andExpect(status().isOk()));
        assertThat(error(notANumber, "pointsPerUnit")).isEqualTo("Enter a number.");
        assertThat(notANumber.selectFirst("#f-pointsPerUnit").val()).isEqualTo("lots");
        assertThat(programs.current().pointsPerUnit()).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void addingAndRemovingRowsShowsTheFormAgainUnsaved() throws Exception {
        ProductView coffee = Products.create(products, uniqueName("Page Coffee"), uniqueName("Drinks"), "3.00");

        Document added =
                html(mvc.perform(validPost(coffee).param("action", "addTier")).andExpect(status().isOk()));
        assertThat(added.select("#program-form .tier-row")).hasSize(3);
        assertThat(added.selectFirst("#tier-1-name").val()).isEqualTo("Silver");
        assertThat(added.select("#loyalty-report")).as("the whole page").hasSize(1);

        Document fragment = html(
                mvc.perform(validPost(coffee).param("action", "removeTier:0").header("HX-Request", "true"))
                        .andExpect(status().isOk()));
        assertThat(fragment.select("#loyalty-report")).as("only the form").isEmpty();
        assertThat(fragment.select("#program-form .tier-row")).hasSize(1);
        assertThat(fragment.selectFirst("#tier-0-name").val()).isEqualTo("Silver");

        Document reward =
                html(mvc.perform(validPost(coffee).param("action", "addReward")).andExpect(status().isOk()));
        assertThat(reward.select("#program-form .reward-row")).hasSize(2);
        assertThat(reward.selectFirst("#reward-1-active").hasAttr("checked")).isTrue();
        assertThat(programs.current().enabled()).as("nothing saved").isFalse();
    }

    @Test
    void aManagerSeesTheProgramAndItsLiabilityButMayNotChangeIt() throws Exception {
        ProductView coffee = Products.create(products, uniqueName("Page Coffee"), uniqueName("Drinks"), "3.00");

        Document page = page(manager());

        assertThat(page.selectFirst("#program-form fieldset.plain").hasAttr("disabled"))
                .isTrue();
        assertThat(page.select("#save-program, .add-tier, .remove-row")).isEmpty();
        assertThat(page.select("#members-per-tier tr[data-tier]"))
                .extracting(e -> e.attr("data-tier"))
                .containsExactly("Bronze", "Silver", "Gold");
        assertThat(page.selectFirst("#point-value").text()).isEqualTo("No cash-value reward");
        assertThat(page.select("nav a[href=/admin/loyalty]")).hasSize(1);
        mvc.perform(validPost(coffee).with(manager())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/loyalty").with(cashier())).andExpect(status().isForbidden());
        assertThat(programs.current().enabled()).isFalse();
    }

    private Document page(org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        return html(mvc.perform(get("/admin/loyalty").with(who)).andExpect(status().isOk()));
    }

    private static Document html(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }

    private static String error(Document page, String field) {
        Element error = page.selectFirst(".field-error[data-field=\"" + field + "\"]");
        assertThat(error).as(field).isNotNull();
        return error.text();
    }
}
