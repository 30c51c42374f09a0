package app.pos.till;

import static app.pos.support.Api.postJson;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.order.OrderPricing;
import app.pos.order.OrderService;
import app.pos.order.OrderView;
import app.pos.support.DatabaseState;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The receipt after checkout and on the order page (reprint): the shop's name, address and tax id from the
 * configuration (application-test.yml), the tax rate, and for cash the amount tendered and the change; a tendered
 * amount below the total is refused next to its field, in the till and the API, and writes nothing.
 */
@H2IntegrationTest
class ReceiptH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    @Autowired
    OrderPricing pricing;

    MockHttpSession session;
    ProductView latte;

    @BeforeEach
    void aCartWithTwoLattes() throws Exception {
        session = new MockHttpSession();
        latte = Products.create(products, uniqueName("Receipt Latte"), "Receipts", "4.20");
        mvc.perform(hxPost("/pos/cart/add/" + latte.id())).andExpect(status().isOk());
        mvc.perform(hxPost("/pos/cart/add/" + latte.id())).andExpect(status().isOk());
    }

    @Test
    void aCashReceiptShowsTheShopTheTaxRateTheAmountTenderedAndTheChangeAndTheOrderPageReprintsIt() throws Exception {
        String receipt = body(
                mvc.perform(checkout("CASH", "20")).andExpect(status().isOk()).andReturn());
        OrderView order = orders.get(orderOf(receipt));
        BigDecimal change = new BigDecimal("20.00").subtract(order.total());
        String taxRate =
                pricing.taxRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%";

        assertThat(receipt)
                .contains("<p class=\"shop-name\">Test Café &amp; Bar</p>")
                .contains("<p class=\"shop-address\">1 Test Street\nSpringfield</p>")
                .contains("<p class=\"shop-tax-id\">Tax ID TX-12345</p>")
                .contains("<td id=\"receipt-tax-label\">Tax (" + taxRate + ")</td>")
                .contains("<td id=\"receipt-tendered\" class=\"num\">$20.00</td>")
                .contains("<td id=\"receipt-change\" class=\"num\">" + money(change) + "</td>");
        assertThat(order.cashTendered()).isEqualByComparingTo("20.00");
        assertThat(order.changeDue()).isEqualByComparingTo(change);
        assertThat(order.taxRate()).isEqualByComparingTo(pricing.taxRate());

        String list = body(mvc.perform(get("/pos/orders").with(cashier()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(list).contains("href=\"/pos/orders/" + order.id() + "\"");

        String page = body(mvc.perform(get("/pos/orders/" + order.id()).with(cashier()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page)
                .as("the order page: its lines, the shop as the page's heading, and a reprint without inline script")
                .contains("<h1 class=\"shop-name\">Test Café &amp; Bar</h1>")
                .contains("2 × " + latte.name())
                .contains("<span id=\"receipt-number\">#" + order.number() + "</span>")
                .contains("<td id=\"receipt-tendered\" class=\"num\">$20.00</td>")
                .contains("<td id=\"receipt-change\" class=\"num\">" + money(change) + "</td>")
                .containsPattern("<button type=\"button\" id=\"reprint\"[^>]*data-print")
                .doesNotContain("onclick");
    }

    @Test
    void anAmountTenderedBelowTheTotalIsRefusedNextToItsFieldAndPlacesNoOrder() throws Exception {
        BigDecimal total = pricing.price(Sales.of(latte, 2).lines(), java.util.Map.of(latte.id(), latte))
                .total();
        DatabaseState before = DatabaseState.of(jdbc);

        String form = body(mvc.perform(
                        checkout("CASH", total.subtract(new BigDecimal("0.01")).toPlainString()))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Retarget", "#checkout"))
                .andReturn());
        assertThat(form).startsWith("<form id=\"checkout\"").doesNotContain("id=\"receipt\"");
        assertThat(fieldError(form)).isEqualTo("Less than the total. Enter at least the total, or leave it empty.");
        assertThat(form)
                .containsPattern("id=\"cash-tendered\" name=\"cashTendered\" value=\""
                        + Pattern.quote(total.subtract(new BigDecimal("0.01")).toPlainString()) + "\"")
                .contains("aria-invalid=\"true\"");

        String typo = body(mvc.perform(checkout("CASH", "20,5O"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(fieldError(typo)).isEqualTo("Enter the amount the customer handed over, such as 20 or 20.50.");
        assertThat(DatabaseState.of(jdbc)).as("nothing written").isEqualTo(before);

        String exact = body(mvc.perform(checkout("CASH", total.toPlainString()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(exact).contains("<td id=\"receipt-change\" class=\"num\">$0.00</td>");
    }

    @Test
    void aCashAmountLeftInTheHiddenFieldIsIgnoredForACardPaymentAndLeftOutForCashWithout() throws Exception {
        String card = body(
                mvc.perform(checkout("CARD", "50")).andExpect(status().isOk()).andReturn());
        assertThat(card).contains("id=\"receipt\"").doesNotContain("receipt-tendered", "receipt-change");
        assertThat(orders.get(orderOf(card)).cashTendered()).isNull();

        mvc.perform(hxPost("/pos/new-sale")).andExpect(status().isOk());
        mvc.perform(hxPost("/pos/cart/add/" + latte.id())).andExpect(status().isOk());
        String cash = body(
                mvc.perform(checkout("CASH", "")).andExpect(status().isOk()).andReturn());
        assertThat(cash).contains("id=\"receipt\"").doesNotContain("receipt-tendered");
    }

    @Test
    void theApiTakesCashTenderedAndAnswersItWithTheChangeDueAndRefusesTooLittleOrForCard() throws Exception {
        String sale = Sales.of(latte, 2).json();
        MvcResult placed = mvc.perform(
                        postJson("/api/v1/orders", withCash(sale, "50")).with(cashier()))
                .andExpect(status().isCreated())
                .andReturn();
        OrderView order = orders.get(
                UUID.fromString(placed.getResponse().getHeader("Location").replaceAll(".*/", "")));
        assertThat(body(placed))
                .contains("\"cashTendered\":50.00")
                .contains("\"changeDue\":"
                        + new BigDecimal("50.00").subtract(order.total()).toPlainString())
                .contains("\"taxRate\":" + pricing.taxRate().toPlainString());

        DatabaseState before = DatabaseState.of(jdbc);
        mvc.perform(postJson("/api/v1/orders", withCash(sale, "1.00")).with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cashTendered"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("must be at least the total (" + order.total().toPlainString() + ")"));
        mvc.perform(postJson("/api/v1/orders", withCash(sale.replace("\"CASH\"", "\"CARD\""), "50"))
                        .with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cashTendered"))
                .andExpect(jsonPath("$.errors[0].message").value("is only for cash payments"));
        mvc.perform(postJson("/api/v1/orders", withCash(sale, "50.001")).with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be an amount with at most 2 decimals"));
        assertThat(DatabaseState.of(jdbc)).as("nothing written").isEqualTo(before);
    }

    @Test
    void anUnknownOrderPageIsNotFound() throws Exception {
        mvc.perform(get("/pos/orders/" + UUID.randomUUID()).with(cashier())).andExpect(status().isNotFound());
    }

    private static String withCash(String saleJson, String amount) {
        return saleJson.substring(0, saleJson.lastIndexOf('}')) + ",\"cashTendered\":" + amount + "}";
    }

    private MockHttpServletRequestBuilder hxPost(String url) {
        return post(url).session(session).with(cashier()).with(csrf()).header("HX-Request", "true");
    }

    private MockHttpServletRequestBuilder checkout(String payment, String cashTendered) {
        return hxPost("/pos/checkout")
                .param("orderType", "TAKEAWAY")
                .param("paymentMethod", payment)
                .param("cashTendered", cashTendered);
    }

    private UUID orderOf(String receipt) {
        Matcher number =
                Pattern.compile("<span id=\"receipt-number\">#(\\d+)</span>").matcher(receipt);
        assertThat(number.find()).as(receipt).isTrue();
        return jdbc.sql("SELECT id FROM orders WHERE number = :n")
                .param("n", Long.parseLong(number.group(1)))
                .query(UUID.class)
                .single();
    }

    private static String fieldError(String html) {
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"cash-tendered-error\"[^>]*>([^<]*)</p>")
                .matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    private static String money(BigDecimal amount) {
        return "$" + String.format(Locale.ROOT, "%,.2f", amount);
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
