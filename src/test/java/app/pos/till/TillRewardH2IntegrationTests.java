package app.pos.till;

import static app.pos.support.Api.postJson;
import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.support.Customers;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Products;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Redeeming a reward at the till: the customer panel offers what the member can afford, one tap puts its discount in
 * the cart (and another takes it out), checkout redeems it and the receipt shows the points; a refusal is a message
 * next to the checkout.
 */
@H2IntegrationTest
class TillRewardH2IntegrationTests {

    static final UUID FIVE_OFF = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    static final UUID DEAR = UUID.fromString("00000000-0000-0000-0000-00000000b002");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    MockHttpSession session;
    ProductView soup;
    CustomerView ada;

    @BeforeEach
    void memberWithPoints() throws Exception {
        session = new MockHttpSession();
        soup = Products.create(products, uniqueName("Soup"), "Till Rewards", "10.00");
        mvc.perform(putJson(
                                "/api/v1/loyalty/program",
                                object(
                                        "enabled",
                                        true,
                                        "rewards",
                                        app.pos.support.Json.raw("["
                                                + object(
                                                        "id",
                                                        FIVE_OFF.toString(),
                                                        "name",
                                                        "Five off",
                                                        "points",
                                                        50,
                                                        "discountAmount",
                                                        5.00)
                                                + ","
                                                + object(
                                                        "id",
                                                        DEAR.toString(),
                                                        "name",
                                                        "Hamper",
                                                        "points",
                                                        500,
                                                        "discountAmount",
                                                        50.00)
                                                + "]")))
                        .with(admin()))
                .andExpect(status().isOk());
        ada = Customers.withPhone(customers, uniqueName("Ada Reward"));
        mvc.perform(postJson("/api/v1/customers/" + ada.id() + "/loyalty/enrolment", "{}")
                        .with(cashier()))
                .andExpect(status().isOk());
        adjust(80);
    }

    @AfterEach
    void backToTheDefaultProgram() throws Exception {
        mvc.perform(putJson("/api/v1/loyalty/program", "{}").with(admin())).andExpect(status().isOk());
    }

    void adjust(long points) throws Exception {
        mvc.perform(postJson(
                                "/api/v1/customers/" + ada.id() + "/loyalty/adjustments",
                                object("points", points, "reason", "Opening balance"))
                        .with(manager()))
                .andExpect(status().isCreated());
    }

    @Test
    void theMemberTapsAnAffordableRewardItsDiscountIsInTheCartAndTheReceiptShowsThePoints() throws Exception {
        mvc.perform(hxPost("/pos/cart/add/" + soup.id())).andExpect(status().isOk());
        String panel = body(hxPost("/pos/customer/" + ada.id()));

        assertThat(panel).contains("id=\"customer-rewards\"", "hx-post=\"/pos/reward/" + FIVE_OFF + "\"");
        assertThat(panel).as("500 points are more than the 80 held").doesNotContain("/pos/reward/" + DEAR);

        String cart = body(hxPost("/pos/reward/" + FIVE_OFF));
        assertThat(cart).startsWith("<div id=\"cart\"");
        assertThat(text(cart, "cart-reward")).isEqualTo("Reward: Five off");
        assertThat(text(cart, "cart-discount")).isEqualTo("−$5.00");
        assertThat(text(cart, "cart-tax")).isEqualTo("$0.40");
        assertThat(text(cart, "cart-total")).isEqualTo("$5.40");
        assertThat(cart).contains("hx-post=\"/pos/reward/clear\"");

        String receipt = body(checkout());
        assertThat(receipt).contains("id=\"receipt\"");
        assertThat(text(receipt, "receipt-total")).isEqualTo("$5.40");
        assertThat(text(receipt, "receipt-points-redeemed")).isEqualTo("−50");
        assertThat(text(receipt, "receipt-points-earned")).isEqualTo("5");
        assertThat(text(receipt, "receipt-points-balance")).isEqualTo("35");
        assertThat(jdbc.sql("SELECT balance FROM loyalty_balances WHERE customer_id = :id")
                        .param("id", ada.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(35);
    }

    @Test
    void theRewardCanBeTakenOutOfTheCart() throws Exception {
        mvc.perform(hxPost("/pos/cart/add/" + soup.id())).andExpect(status().isOk());
        mvc.perform(hxPost("/pos/customer/" + ada.id())).andExpect(status().isOk());
        mvc.perform(hxPost("/pos/reward/" + FIVE_OFF)).andExpect(status().isOk());

        String cart = body(hxPost("/pos/reward/clear"));

        assertThat(cart).doesNotContain("id=\"cart-reward\"", "id=\"cart-discount\"");
        assertThat(text(cart, "cart-total")).isEqualTo("$10.80");
        assertThat(text(body(checkout()), "receipt-points-earned")).isEqualTo("10");
    }

    @Test
    void aRewardTheBalanceNoLongerCoversIsAMessageNextToTheCheckoutAndNoOrder() throws Exception {
        mvc.perform(hxPost("/pos/cart/add/" + soup.id())).andExpect(status().isOk());
        mvc.perform(hxPost("/pos/customer/" + ada.id())).andExpect(status().isOk());
        mvc.perform(hxPost("/pos/reward/" + FIVE_OFF)).andExpect(status().isOk());
        adjust(-40); // spent elsewhere meanwhile: 40 left

        String form = mvc.perform(checkout())
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Retarget", "#checkout"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(form)
                .startsWith("<form id=\"checkout\"")
                .contains("The customer no longer has enough points for this reward.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders WHERE customer_id = :id")
                        .param("id", ada.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRewardForACartWithoutTheCustomerShowsWhyInTheCart() throws Exception {
        mvc.perform(hxPost("/pos/cart/add/" + soup.id())).andExpect(status().isOk());
        mvc.perform(hxPost("/pos/customer/" + ada.id())).andExpect(status().isOk());
        mvc.perform(hxPost("/pos/reward/" + FIVE_OFF)).andExpect(status().isOk());

        String cleared = body(hxPost("/pos/customer/clear"));

        assertThat(cleared).doesNotContain("id=\"cart-reward\"", "id=\"customer-rewards\"");
        mvc.perform(hxPost("/pos/reward/" + FIVE_OFF)).andExpect(status().isOk());
        String cart = body(hxPost("/pos/cart/add/" + soup.id()));
        assertThat(text(cart, "cart-reward-problem")).isEqualTo("Select a loyalty member to redeem a reward.");
        assertThat(text(cart, "cart-total")).isEqualTo("$21.60");
    }

    private MockHttpServletRequestBuilder hxPost(String url) {
        return post(url).session(session).with(cashier()).with(csrf()).header("HX-Request", "true");
    }

    private MockHttpServletRequestBuilder checkout() {
        return hxPost("/pos/checkout").param("orderType", "TAKEAWAY").param("paymentMethod", "CARD");
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The text of the element with this id (no nested tags). */
    private static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<")
                .matcher(html);
        assertThat(m.find()).as("element #" + id + " in:\n" + html).isTrue();
        return m.group(1);
    }
}
