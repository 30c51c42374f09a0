package app.pos.till;

import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.ConsentChannel;
import app.pos.customer.ConsentItem;
import app.pos.customer.ConsentSource;
import app.pos.customer.ConsentWordings;
import app.pos.customer.Consents;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.loyalty.LoyaltyAccounts;
import app.pos.loyalty.LoyaltyProgram;
import app.pos.loyalty.LoyaltyPrograms;
import app.pos.order.OrderService;
import app.pos.support.Customers;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.math.BigDecimal;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The customer panel's loyalty box: a member's standing, a balance owed, and joining at the till. */
@H2IntegrationTest
class TillLoyaltyH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerService customers;

    @Autowired
    Consents consents;

    @Autowired
    ConsentWordings wordings;

    @Autowired
    LoyaltyPrograms programs;

    @Autowired
    LoyaltyAccounts accounts;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    MockHttpSession session;

    @BeforeEach
    void newSession() {
        session = new MockHttpSession();
    }

    @AfterEach
    void backToTheDefaultProgram() {
        programs.update(new LoyaltyProgram(null, null, null, null, null, null, null, null), "admin");
    }

    void enable(LoyaltyProgram.Reward... rewards) {
        programs.update(new LoyaltyProgram(true, null, null, null, null, null, null, List.of(rewards)), "admin");
    }

    static LoyaltyProgram.Reward reward(String name, int points) {
        return new LoyaltyProgram.Reward(null, name, points, new BigDecimal("1.00"), null, null, true);
    }

    @Test
    void thePanelLoadsTheBoxWhichShowsNothingWhileTheProgramIsOff() throws Exception {
        CustomerView ada = Customers.withPhone(customers, uniqueName("Ada Off"));

        Document panel = html(hxPost("/pos/customer/" + ada.id()));

        assertThat(panel.select("#customer-loyalty[hx-get=/pos/customer/loyalty][hx-trigger=load]"))
                .hasSize(1);
        Document box = box();
        assertThat(box.select("#customer-loyalty")).hasSize(1);
        assertThat(box.select("#customer-loyalty .loyalty")).isEmpty();
    }

    @Test
    void aMemberSeesTierBalanceProgressAndTheNextReward() throws Exception {
        enable(reward("a free coffee", 50), reward("a free cake", 40), reward("a cheap sticker", 5));
        ProductView soup = Products.create(products, uniqueName("Box Soup"), uniqueName("Soups"), "38.00");
        CustomerView ada = Customers.withPhone(customers, uniqueName("Ada Member"));
        accounts.enrol(ada.id(), ConsentSource.API);
        Sales.of(soup, 1).forCustomer(ada).placeWith(orders, "cashier");
        html(hxPost("/pos/customer/" + ada.id()));

        Element box = box().selectFirst("#customer-loyalty .loyalty");

        assertThat(box.attr("data-member")).isEqualTo("true");
        assertThat(box.selectFirst(".loyalty-tier").text()).isEqualTo("Bronze");
        assertThat(box.selectFirst(".loyalty-balance").text()).isEqualTo("38 points");
        Element bar = box.selectFirst("progress#loyalty-progress-bar");
        assertThat(bar.attr("max")).isEqualTo("250.00");
        assertThat(bar.attr("value")).isEqualTo("38.00");
        assertThat(bar.attr("aria-valuemin")).isEqualTo("0");
        assertThat(bar.attr("aria-valuenow")).isEqualTo("38.00");
        assertThat(bar.attr("aria-valuemax")).isEqualTo("250.00");
        assertThat(bar.attr("aria-valuetext")).isEqualTo("$38.00 of $250.00");
        assertThat(box.selectFirst("label[for=loyalty-progress-bar]").text()).isEqualTo("$212.00 more spend to Silver");
        assertThat(box.selectFirst(".loyalty-next-reward").text()).isEqualTo("2 points to a free cake");
        assertThat(box.select(".loyalty-join")).isEmpty();
        assertThat(box.select(".loyalty-expiring")).as("nothing expires").isEmpty();
    }

    @Test
    void aBalanceBelowZeroIsShownAsOwed() throws Exception {
        enable(reward("a free coffee", 12));
        CustomerView ada = Customers.withPhone(customers, uniqueName("Ada Owes"));
        accounts.enrol(ada.id(), ConsentSource.API);
        accounts.adjust(ada.id(), -40L, "Spent twice in the old system", "manager");
        html(hxPost("/pos/customer/" + ada.id()));

        Element box = box().selectFirst("#customer-loyalty .loyalty");

        assertThat(box.selectFirst(".loyalty-balance").text()).isEqualTo("\u221240 points (owed)");
        assertThat(box.selectFirst(".loyalty-balance").hasClass("owed")).isTrue();
        assertThat(box.select(".loyalty-blocked")).hasSize(1);
        assertThat(box.selectFirst(".loyalty-next-reward").text()).isEqualTo("52 points to a free coffee");
    }

    @Test
    void aNonMemberJoinsAtTheTillWithTheProgramsWording() throws Exception {
        enable();
        CustomerView bob = Customers.withPhone(customers, uniqueName("Bob Joins"));
        html(hxPost("/pos/customer/" + bob.id()));
        Element box = box().selectFirst("#customer-loyalty .loyalty");
        assertThat(box.attr("data-member")).isEqualTo("false");
        assertThat(box.selectFirst(".loyalty-wording").text())
                .isEqualTo(wordings.current(ConsentChannel.LOYALTY).text());

        Document joined = html(hxPost(box.selectFirst("button.loyalty-join").attr("hx-post")));

        assertThat(joined.selectFirst("#customer-loyalty .loyalty").attr("data-member"))
                .isEqualTo("true");
        assertThat(joined.selectFirst("#customer-loyalty .loyalty-balance").text())
                .isEqualTo("0 points");
        assertThat(joined.select("#customer-panel #customer-consents[hx-trigger=load]"))
                .as("the whole panel answers, and its consents reload")
                .hasSize(1);
        ConsentItem loyalty = consents.current(bob.id()).get(2);
        assertThat(loyalty.channel()).isEqualTo(ConsentChannel.LOYALTY);
        assertThat(loyalty.granted()).isTrue();
        assertThat(loyalty.source()).isEqualTo(ConsentSource.TILL);
        assertThat(loyalty.recordedBy()).isEqualTo("cashier");
    }

    private Document box() throws Exception {
        return html(
                get("/pos/customer/loyalty").session(session).with(cashier()).header("HX-Request", "true"));
    }

    private MockHttpServletRequestBuilder hxPost(String url) {
        return post(url).session(session).with(cashier()).with(csrf()).header("HX-Request", "true");
    }

    private Document html(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
