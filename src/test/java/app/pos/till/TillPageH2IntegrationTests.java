package app.pos.till;

import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.national;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderPricing;
import app.pos.order.OrderService;
import app.pos.order.PlaceOrder;
import app.pos.shared.CustomerDetails;
import app.pos.support.DatabaseState;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The cashier screen over MockMvc on H2: the full page, every htmx fragment it swaps, the session cart, the
 * customer panel, checkout with its double-submit guard, today's orders and the page security. All tests share
 * one database, so each creates its own products and customers with unique names and phones, keeps its own
 * session (the cart is session-scoped) and never asserts on global counts.
 */
@H2IntegrationTest
class TillPageH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderPricing pricing;

    @Autowired
    OrderService orders;

    MockHttpSession session;

    @BeforeEach
    void freshSession() {
        session = new MockHttpSession();
    }

    // --- 1, 2: the full page ---------------------------------------------------------------------------------

    @Test
    void thePageRendersTheMenuCartCustomerPanelAndCheckoutButNoHtmxOnlyFragments() throws Exception {
        ProductView flatWhite = product("Flat White", "3.80");

        String html = body(mvc.perform(get("/pos").session(session).with(cashier()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html");
        assertThat(html)
                .contains("hx-post=\"/pos/cart/add/" + flatWhite.id() + "\"")
                .contains("<span class=\"tile-name\">" + flatWhite.name() + "</span>")
                .containsPattern(Pattern.quote("data-category=\"" + flatWhite.category() + "\""));
        assertThat(tile(html, flatWhite)).contains("<span class=\"tile-price\">$3.80</span>");
        assertThat(html)
                .contains(
                        "id=\"cart\"",
                        "id=\"customer-panel\"",
                        "id=\"checkout\"",
                        "id=\"sale\"",
                        "id=\"customer-search\"",
                        "id=\"flash\"");
        assertThat(html)
                .containsPattern("<meta name=\"_csrf\" content=\"[^\"]+\">")
                .containsPattern("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">");
        assertThat(html).doesNotContain("id=\"receipt\"", "id=\"customer-form\"", "hx-swap-oob");
        assertThat(html)
                .as("the logged-in cashier is named in the header")
                .contains("<span class=\"who\">cashier</span>");
    }

    @Test
    void theRootRedirectsToTheTill() throws Exception {
        mvc.perform(get("/").session(session).with(cashier()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/pos"));
    }

    // --- 3, 4: the cart -------------------------------------------------------------------------------------

    @Test
    void addingAndChangingLinesAnswersOnlyTheCartPricedLikeTheApi() throws Exception {
        ProductView latte = product("Latte", "4.20");
        ProductView muffin = product("Muffin", "3.35");

        String cart = body(mvc.perform(hxPost("/pos/cart/add/" + latte.id()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn());
        assertThat(cart)
                .startsWith("<div id=\"cart\"")
                .doesNotContain("<html", "<head", "id=\"menu\"", "id=\"checkout\"");
        assertThat(line(cart, latte))
                .contains("<span class=\"line-name\">" + latte.name() + "</span>")
                .contains("<span class=\"line-qty\">1</span>")
                .contains("<span class=\"line-total\">$4.20</span>");
        assertTotals(cart, "$4.20", "$0.34", "$4.54");

        cart = body(mvc.perform(hxPost("/pos/cart/add/" + latte.id()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(line(cart, latte))
                .contains("<span class=\"line-qty\">2</span>")
                .contains("<span class=\"line-total\">$8.40</span>");
        assertTotals(cart, "$8.40", "$0.67", "$9.07");
        assertThat(cart).contains("(2)");

        cart = body(mvc.perform(hxPost("/pos/cart/" + latte.id() + "/plus"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(cart).startsWith("<div id=\"cart\"");
        assertThat(line(cart, latte))
                .contains("<span class=\"line-qty\">3</span>")
                .contains("<span class=\"line-total\">$12.60</span>");
        assertTotals(cart, "$12.60", "$1.01", "$13.61");

        cart = body(mvc.perform(hxPost("/pos/cart/add/" + muffin.id()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(line(cart, muffin)).contains("<span class=\"line-total\">$3.35</span>");
        // 12.60 + 3.35 = 15.95; tax 1.276 -> 1.28; total 17.23. Cross-checked against the API's pricing code.
        assertTotals(cart, "$15.95", "$1.28", "$17.23");
        OrderPricing.Priced expected = pricing.price(
                List.of(new PlaceOrder.Line(latte.id(), 3), new PlaceOrder.Line(muffin.id(), 1)),
                Map.of(latte.id(), latte, muffin.id(), muffin));
        assertTotals(cart, money(expected.subtotal()), money(expected.tax()), money(expected.total()));
        assertThat(cart.indexOf("data-product=\"" + latte.id()))
                .as("lines keep the order they were added in")
                .isLessThan(cart.indexOf("data-product=\"" + muffin.id()));

        cart = body(mvc.perform(hxPost("/pos/cart/" + latte.id() + "/minus"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(line(cart, latte)).contains("<span class=\"line-qty\">2</span>");
        assertTotals(cart, "$11.75", "$0.94", "$12.69");

        cart = body(mvc.perform(hxPost("/pos/cart/" + latte.id() + "/remove"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(cart).startsWith("<div id=\"cart\"").doesNotContain("data-product=\"" + latte.id());
        assertThat(line(cart, muffin)).contains("<span class=\"line-qty\">1</span>");
        assertTotals(cart, "$3.35", "$0.27", "$3.62");

        cart = body(mvc.perform(hxPost("/pos/cart/" + muffin.id() + "/minus"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(cart)
                .as("minus on quantity 1 drops the line")
                .doesNotContain("data-product=\"")
                .contains("The cart is empty.");
        assertTotals(cart, "$0.00", "$0.00", "$0.00");
    }

    @Test
    void theCartSurvivesAReloadInTheSameSessionOnly() throws Exception {
        ProductView scone = product("Scone", "2.75");
        mvc.perform(hxPost("/pos/cart/add/" + scone.id())).andExpect(status().isOk());
        mvc.perform(hxPost("/pos/cart/add/" + scone.id())).andExpect(status().isOk());

        String reloaded = body(mvc.perform(get("/pos").session(session).with(cashier()))
                .andExpect(status().isOk())
                .andReturn());
        String cart = cartOf(reloaded);
        assertThat(line(cart, scone))
                .contains("<span class=\"line-name\">" + scone.name() + "</span>")
                .contains("<span class=\"line-qty\">2</span>")
                .contains("<span class=\"line-total\">$5.50</span>");
        assertTotals(cart, "$5.50", "$0.44", "$5.94");

        String other =
                body(mvc.perform(get("/pos").session(new MockHttpSession()).with(cashier()))
                        .andExpect(status().isOk())
                        .andReturn());
        String otherCart = cartOf(other);
        assertThat(otherCart).contains("The cart is empty.").doesNotContain("data-product=\"");
        assertTotals(otherCart, "$0.00", "$0.00", "$0.00");
        assertThat(other).as("the product is still on the menu").contains(scone.name());
    }

    // --- 5, 6: customer search and selection ----------------------------------------------------------------

    @Test
    void searchingByTheLastFourDigitsListsTheCustomerWithAMaskedPhone() throws Exception {
        CustomerView nora = customer("Nora Search", null);
        String lastFour = nora.phone().substring(nora.phone().length() - 4);

        String results = body(mvc.perform(hxGet("/pos/customers").param("q", lastFour))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(results).startsWith("<div id=\"customer-results\"").doesNotContain("<html", "id=\"cart\"");
        String card = result(results, nora);
        assertThat(card)
                .contains("<span class=\"result-name\">Nora Search</span>")
                .contains("<span class=\"result-phone\">•••• " + lastFour + "</span>");
        assertThat(results)
                .doesNotContain(
                        nora.phone(), nora.phone().substring(2), nora.phone().substring(1))
                .doesNotContain("Recent customers");

        String recent = body(mvc.perform(hxGet("/pos/customers").param("q", ""))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(recent).startsWith("<div id=\"customer-results\"").contains("Recent customers");
        String none = body(
                mvc.perform(hxGet("/pos/customers")).andExpect(status().isOk()).andReturn());
        assertThat(none).contains("Recent customers");
    }

    @Test
    void aCustomerWithOneVisitReadsOneVisit() throws Exception {
        CustomerView once = customer("Nora Once", null);
        Sales.of(product("Latte", "4.20"), 1).forCustomer(once.id()).placeWith(orders, "cashier");
        String lastFour = once.phone().substring(once.phone().length() - 4);

        String card = result(
                body(mvc.perform(hxGet("/pos/customers").param("q", lastFour))
                        .andExpect(status().isOk())
                        .andReturn()),
                once);
        assertThat(card).contains(">1 visit<").doesNotContain("1 visits");
    }

    @Test
    void selectingACustomerShowsTheirPreviewAndPrefillsTheDeliveryAddressOutOfBand() throws Exception {
        CustomerView ada = customer("Ada Select", "12 Analytical Way, Apt 3");

        String html = body(mvc.perform(hxPost("/pos/customer/" + ada.id()))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(html.strip()).startsWith("<div id=\"customer-panel\"");
        assertThat(html).doesNotContain("<html", "id=\"customer-search\"");
        assertThat(html)
                .contains("id=\"customer-preview\"")
                .contains("<strong class=\"customer-name\">Ada Select</strong>")
                .contains("<dd class=\"customer-phone\">•••-•••-" + ada.phone().substring(8) + "</dd>")
                .as("a cashier sees the phone masked")
                .doesNotContain(national(ada.phone()))
                .contains("<dd class=\"customer-visits\">0</dd>")
                .contains("<dd class=\"customer-spent\">$0.00</dd>");
        String form = between(html, "<form id=\"checkout\"", "</form>");
        assertThat(form).contains("hx-swap-oob=\"true\"");
        assertThat(html.indexOf("<form id=\"checkout\""))
                .as("the panel comes first, the OOB form after it")
                .isGreaterThan(html.indexOf("id=\"customer-preview\""));
        assertThat(textarea(form, "delivery-address")).isEqualTo("12 Analytical Way, Apt 3");

        String page = body(mvc.perform(get("/pos").session(session).with(cashier()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page)
                .as("the selection is kept in the session")
                .contains("<strong class=\"customer-name\">Ada Select</strong>");
        assertThat(page).as("the full page never carries an OOB attribute").doesNotContain("hx-swap-oob");
        assertThat(textarea(page, "delivery-address")).isEqualTo("12 Analytical Way, Apt 3");
    }

    // --- 7: inline customer creation ------------------------------------------------------------------------

    @Test
    void anInvalidPhoneIsShownNextToThePhoneFieldAndCreatesNothing() throws Exception {
        String name = uniqueName("Phil Badphone");
        DatabaseState before = DatabaseState.of(jdbc);
        String form = body(mvc.perform(hxPost("/pos/customers")
                        .param("name", name)
                        .param("phone", "12")
                        .param("email", "phil@example.com")
                        .param("address", ""))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form).startsWith("<form id=\"customer-form\"");
        assertThat(fieldError(form, "phone")).contains("is not a valid phone number");
        assertThat(fieldError(form, "name")).isNull();
        assertThat(fieldError(form, "email")).isNull();
        assertThat(form)
                .as("what was typed is echoed back")
                .contains("value=\"" + name + "\"")
                .contains("value=\"12\"");
        assertThat(form).doesNotContain("id=\"customer-preview\"");
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(selectedCustomerShown()).isFalse();
    }

    @Test
    void anEmptyNameIsShownNextToTheNameFieldAndCreatesNothing() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        String form = body(mvc.perform(hxPost("/pos/customers")
                        .param("name", "")
                        .param("phone", uniquePhone())
                        .param("email", "nameless@example.com")
                        .param("address", ""))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form).startsWith("<form id=\"customer-form\"");
        assertThat(fieldError(form, "name")).isEqualTo("is required");
        assertThat(fieldError(form, "phone")).isNull();
        assertThat(fieldError(form, "email")).isNull();
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aPhoneThatAlreadyBelongsToACustomerOffersThatCustomerAndCreatesNothing() throws Exception {
        CustomerView existing = customer("Dora Duplicate", null);
        String digits = existing.phone().substring(2);
        String typedDifferently = digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6);

        DatabaseState before = DatabaseState.of(jdbc);
        String form = body(mvc.perform(hxPost("/pos/customers")
                        .param("name", uniqueName("Someone Else"))
                        .param("phone", typedDifferently)
                        .param("email", "someone.else@example.com")
                        .param("address", ""))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form).startsWith("<form id=\"customer-form\"");
        assertThat(fieldError(form, "phone")).isEqualTo("already belongs to a customer");
        assertThat(fieldError(form, "email")).isNull();
        assertThat(form)
                .contains("Use this customer")
                .contains("hx-post=\"/pos/customer/" + existing.id() + "\"")
                .contains("<strong>Dora Duplicate</strong>")
                .doesNotContain(existing.phone());
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);

        // Following the offer selects the existing customer.
        String selected = body(mvc.perform(hxPost("/pos/customer/" + existing.id()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(selected).contains("<strong class=\"customer-name\">Dora Duplicate</strong>");
    }

    @Test
    void anEmailThatAnotherCustomerHasOffersThatCustomerFirstAndCreatesOnlyWhenAskedAgain() throws Exception {
        String email = UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        CustomerView existing =
                customers.create(new CustomerDetails(uniqueName("Emma Known"), uniquePhone(), email, null));
        String name = uniqueName("Emma Again");

        DatabaseState before = DatabaseState.of(jdbc);
        String form = body(mvc.perform(hxPost("/pos/customers")
                        .param("name", name)
                        .param("phone", "")
                        .param("email", email.toUpperCase(java.util.Locale.ROOT))
                        .param("address", ""))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form).startsWith("<form id=\"customer-form\"");
        assertThat(fieldError(form, "email")).isEqualTo("is already the email of a customer");
        assertThat(form)
                .contains("This email already belongs to")
                .contains("hx-post=\"/pos/customer/" + existing.id() + "\"")
                .contains("<strong>" + existing.name() + "</strong>")
                .contains("Create a new customer anyway");
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);

        // The cashier insists (the form now carries the offered email): a second customer with that email.
        String created = body(mvc.perform(hxPost("/pos/customers")
                        .param("name", name)
                        .param("phone", "")
                        .param("email", email)
                        .param("address", "")
                        .param("knownEmail", email))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(created.strip()).startsWith("<div id=\"customer-panel\"");
        assertThat(created).contains("<strong class=\"customer-name\">" + name + "</strong>");
        assertThat(customers.search(name, 5)).extracting(CustomerView::email).containsExactly(email);
    }

    @Test
    void validDetailsCreateTheCustomerAndSelectIt() throws Exception {
        String name = uniqueName("Greta Valid");
        String phone = uniquePhone();
        String html = body(mvc.perform(hxPost("/pos/customers")
                        .param("name", name)
                        .param("phone", phone)
                        .param("email", "Greta@Example.com")
                        .param("address", "5 New Street"))
                .andExpect(status().isOk())
                .andReturn());

        CustomerView created = customers.lookupByPhone(phone);
        assertThat(created.name()).isEqualTo(name);
        assertThat(created.address()).isEqualTo("5 New Street");
        assertThat(html.strip()).startsWith("<div id=\"customer-panel\"");
        assertThat(html)
                .contains("id=\"customer-preview\"")
                .contains("<strong class=\"customer-name\">" + name + "</strong>")
                .contains("<dd class=\"customer-phone\">•••-•••-"
                        + created.phone().substring(8) + "</dd>")
                .contains("g••@example.com")
                .doesNotContain("data-field=", "greta@example.com");
        String form = between(html, "<form id=\"checkout\"", "</form>");
        assertThat(form).contains("hx-swap-oob=\"true\"");
        assertThat(textarea(form, "delivery-address")).isEqualTo("5 New Street");
        assertThat(selectedCustomerShown()).isTrue();
    }

    /** htmx posts every field of the form, so optional fields left blank arrive as empty strings, not absent. */
    @Test
    void validDetailsWithTheOptionalFieldsLeftBlankCreateTheCustomer() throws Exception {
        String name = uniqueName("Bea Blankmail");
        String phone = uniquePhone();
        String html = body(mvc.perform(hxPost("/pos/customers")
                        .param("name", name)
                        .param("phone", phone)
                        .param("email", "")
                        .param("address", ""))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(fieldError(html, "email")).isNull();
        assertThat(html).contains("<strong class=\"customer-name\">" + name + "</strong>");
        CustomerView created = customers.lookupByPhone(phone);
        assertThat(created.name()).isEqualTo(name);
        assertThat(created.email()).isNull();
        assertThat(selectedCustomerShown()).isTrue();
    }

    // --- 8: escaping ----------------------------------------------------------------------------------------

    @Test
    void aCustomerNameWithMarkupIsEscapedInResultsAndPreview() throws Exception {
        CustomerView evil = customer("<script>alert(1)</script>", "<img src=x onerror=alert(2)>");
        String lastFour = evil.phone().substring(evil.phone().length() - 4);

        String results = body(mvc.perform(hxGet("/pos/customers").param("q", lastFour))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(result(results, evil)).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(results).doesNotContain("<script>alert(1)</script>");

        String preview = body(mvc.perform(hxPost("/pos/customer/" + evil.id()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(preview)
                .contains("<strong class=\"customer-name\">&lt;script&gt;alert(1)&lt;/script&gt;</strong>")
                .contains("&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<script>alert(1)</script>", "<img src=x");

        String page = body(mvc.perform(get("/pos").session(session).with(cashier()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page).doesNotContain("<script>alert(1)</script>", "<img src=x");
    }

    // --- 9, 10: checkout, receipt, new sale -----------------------------------------------------------------

    @Test
    void checkingOutAnEmptyCartRetargetsTheErrorIntoTheCheckoutForm() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        String html = body(mvc.perform(
                        hxPost("/pos/checkout").param("orderType", "TAKEAWAY").param("paymentMethod", "CARD"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Retarget", "#checkout"))
                .andExpect(header().string("HX-Reswap", "outerHTML"))
                .andReturn());
        assertThat(html).startsWith("<form id=\"checkout\"").doesNotContain("hx-swap-oob", "id=\"receipt\"");
        assertThat(fieldError(html, "items")).startsWith("Add at least one item");
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void checkingOutShowsTheReceiptUpdatesTheCustomerAndADoubleSubmitPlacesOneOrder() throws Exception {
        ProductView latte = product("Receipt Latte", "4.20");
        CustomerView ada = customer("Ada Checkout", "1 Loop Lane");
        mvc.perform(hxPost("/pos/cart/add/" + latte.id())).andExpect(status().isOk());
        mvc.perform(hxPost("/pos/cart/add/" + latte.id())).andExpect(status().isOk());
        mvc.perform(hxPost("/pos/customer/" + ada.id())).andExpect(status().isOk());

        String receipt = body(mvc.perform(checkout("TAKEAWAY", "CARD", "1 Loop Lane", "no sugar"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("HX-Retarget"))
                .andReturn());
        assertThat(receipt)
                .startsWith("<section id=\"sale\"")
                .contains("id=\"receipt\"")
                .doesNotContain("<html");
        long number = jdbc.sql("SELECT number FROM orders WHERE customer_id = :c")
                .param("c", ada.id())
                .query(Long.class)
                .single();
        assertThat(receipt)
                .contains("<span id=\"receipt-number\">#" + number + "</span>")
                .contains("<strong id=\"receipt-customer\">Ada Checkout</strong>")
                .contains("2 × " + latte.name())
                .contains("<td id=\"receipt-total\" class=\"num\">$9.07</td>")
                .contains("no sugar");

        CustomerView after = customers.get(ada.id());
        assertThat(after.visitCount()).isEqualTo(1);
        assertThat(after.totalSpent()).isEqualByComparingTo("9.07");
        assertThat(after.lastVisitAt()).isNotNull();

        DatabaseState before = DatabaseState.of(jdbc);
        String again = body(mvc.perform(checkout("TAKEAWAY", "CARD", "1 Loop Lane", "no sugar"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(again)
                .as("a double submit answers the same receipt")
                .contains("<span id=\"receipt-number\">#" + number + "</span>");
        assertThat(Sales.countOf(jdbc, ada.id())).isEqualTo(1);
        assertThat(customers.get(ada.id()).visitCount()).isEqualTo(1);
        assertThat(customers.get(ada.id()).totalSpent()).isEqualByComparingTo("9.07");
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aDeliveryForACustomerWithoutAddressNeedsOneTypedAndPlacesNoOrder() throws Exception {
        ProductView bagel = product("Delivery Bagel", "2.50");
        CustomerView noAddress = customer("Nomad Noaddress", null);
        mvc.perform(hxPost("/pos/cart/add/" + bagel.id())).andExpect(status().isOk());
        String selected = body(mvc.perform(hxPost("/pos/customer/" + noAddress.id()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(textarea(selected, "delivery-address")).isEmpty();

        DatabaseState before = DatabaseState.of(jdbc);
        String html = body(mvc.perform(checkout("DELIVERY", "CASH", "", ""))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Retarget", "#checkout"))
                .andExpect(header().string("HX-Reswap", "outerHTML"))
                .andReturn());
        assertThat(html).startsWith("<form id=\"checkout\"").doesNotContain("id=\"receipt\"");
        assertThat(fieldError(html, "deliveryAddress")).contains("is required for a delivery order");
        assertThat(html)
                .as("the chosen order type is kept")
                .containsPattern("<input type=\"radio\" name=\"orderType\" value=\"DELIVERY\" checked");
        assertThat(Sales.countOf(jdbc, noAddress.id())).isZero();
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);

        // Typing an address then succeeds.
        String receipt = body(mvc.perform(checkout("DELIVERY", "CASH", "7 Typed Road", ""))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(receipt).contains("id=\"receipt\"").contains("7 Typed Road");
        assertThat(Sales.countOf(jdbc, noAddress.id())).isEqualTo(1);
    }

    @Test
    void aNewSaleAnswersAnEmptySaleWithoutCustomer() throws Exception {
        ProductView tea = product("New Sale Tea", "2.10");
        CustomerView ada = customer("Ada Newsale", "3 Fresh Street");
        mvc.perform(hxPost("/pos/cart/add/" + tea.id())).andExpect(status().isOk());
        mvc.perform(hxPost("/pos/customer/" + ada.id())).andExpect(status().isOk());
        mvc.perform(checkout("TAKEAWAY", "CASH", "", "")).andExpect(status().isOk());

        String sale = body(
                mvc.perform(hxPost("/pos/new-sale")).andExpect(status().isOk()).andReturn());
        assertThat(sale).startsWith("<section id=\"sale\"").doesNotContain("<html", "id=\"receipt\"", "id=\"menu\"");
        assertThat(sale)
                .contains("id=\"customer-panel\"", "id=\"cart\"", "id=\"checkout\"", "id=\"customer-search\"")
                .doesNotContain("id=\"customer-preview\"", "Ada Newsale", "data-product=\"", "hx-swap-oob");
        String cart = cartOf(sale);
        assertThat(cart).contains("The cart is empty.");
        assertTotals(cart, "$0.00", "$0.00", "$0.00");
        assertThat(textarea(sale, "delivery-address")).isEmpty();

        // The next sale gets a new idempotency key: the same cart and customer make a second order.
        mvc.perform(hxPost("/pos/cart/add/" + tea.id())).andExpect(status().isOk());
        mvc.perform(hxPost("/pos/customer/" + ada.id())).andExpect(status().isOk());
        assertThat(body(mvc.perform(checkout("TAKEAWAY", "CASH", "", ""))
                        .andExpect(status().isOk())
                        .andReturn()))
                .contains("id=\"receipt\"");
        assertThat(Sales.countOf(jdbc, ada.id())).isEqualTo(2);
    }

    // --- 11: today's orders and voiding ---------------------------------------------------------------------

    @Test
    void todaysOrdersListTheOrderAndOnlyAManagerCanVoidItWhichReversesTheStats() throws Exception {
        ProductView latte = product("Void Latte", "4.20");
        ProductView muffin = product("Void Muffin", "3.35");
        CustomerView ada = customer("Ada Voided", "9 Undo Street");
        UUID firstId = sell(ada, latte, 1);
        CustomerView afterFirst = customers.get(ada.id());
        UUID orderId = sell(ada, muffin, 2);
        long number = jdbc.sql("SELECT number FROM orders WHERE id = :id")
                .param("id", orderId)
                .query(Long.class)
                .single();
        assertThat(customers.get(ada.id()).visitCount()).isEqualTo(2);
        assertThat(customers.get(ada.id()).totalSpent()).isEqualByComparingTo("11.78"); // 4.54 + 7.24

        String asCashier = body(mvc.perform(get("/pos/orders").session(session).with(cashier()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn());
        assertThat(asCashier).contains("<html").contains("id=\"orders\"").contains("id=\"order-" + firstId + "\"");
        String row = between(asCashier, "<tr id=\"order-" + orderId + "\"", "</tr>");
        assertThat(row)
                .contains("#" + number)
                .contains("Ada Voided")
                .contains("$7.24")
                .contains("COMPLETED")
                .contains("Dine-in");
        assertThat(row).as("cashiers see no void button").doesNotContain("/void");
        assertThat(asCashier.indexOf("id=\"order-" + orderId))
                .as("newest first")
                .isLessThan(asCashier.indexOf("id=\"order-" + firstId));

        String asManager = body(
                mvc.perform(get("/pos/orders").session(new MockHttpSession()).with(manager()))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(between(asManager, "<tr id=\"order-" + orderId + "\"", "</tr>"))
                .contains("hx-post=\"/pos/orders/" + orderId + "/void\"");

        DatabaseState before = DatabaseState.of(jdbc);
        mvc.perform(post("/pos/orders/" + orderId + "/void")
                        .session(session)
                        .with(cashier())
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isForbidden());
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);

        // The response body (the row fragment) is checked in theVoidResponseIsTheUpdatedRow, disabled for a bug.
        mvc.perform(voidAsManager(orderId)).andExpect(status().isOk());

        CustomerView after = customers.get(ada.id());
        assertThat(after.visitCount()).isEqualTo(afterFirst.visitCount());
        assertThat(after.totalSpent()).isEqualByComparingTo(afterFirst.totalSpent());
        assertThat(after.lastVisitAt().toInstant())
                .isEqualTo(afterFirst.lastVisitAt().toInstant());
        assertThat(between(
                        body(mvc.perform(get("/pos/orders").session(session).with(cashier()))
                                .andReturn()),
                        "<tr id=\"order-" + orderId + "\"",
                        "</tr>"))
                .contains("VOIDED");

        // Voiding twice is a conflict shown in the flash area, not a second reversal.
        DatabaseState voidedState = DatabaseState.of(jdbc);
        mvc.perform(voidAsManager(orderId))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN));
        assertThat(DatabaseState.of(jdbc)).isEqualTo(voidedState);
    }

    @Test
    void theVoidResponseIsTheUpdatedRow() throws Exception {
        ProductView latte = product("Row Latte", "4.20");
        CustomerView ada = customer("Rowena Voided", null);
        sell(ada, latte, 1);
        UUID orderId = sell(ada, latte, 2);
        long number = jdbc.sql("SELECT number FROM orders WHERE id = :id")
                .param("id", orderId)
                .query(Long.class)
                .single();

        String voided = body(mvc.perform(voidAsManager(orderId))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn());
        assertThat(voided.strip()).startsWith("<tr id=\"order-" + orderId + "\"");
        assertThat(voided)
                .contains("class=\"voided\"")
                .contains("<td class=\"status\">VOIDED</td>")
                .contains("#" + number)
                .contains("Rowena Voided")
                .contains("$9.07")
                .doesNotContain("<html", "<table", "/void\"");
    }

    @Test
    void voidingACustomersOnlyOrderResetsTheirStats() throws Exception {
        ProductView latte = product("Only Latte", "4.20");
        CustomerView solo = customer("Solo Voided", null);
        UUID orderId = sell(solo, latte, 1);
        assertThat(customers.get(solo.id()).visitCount()).isEqualTo(1);

        String voided = body(
                mvc.perform(voidAsManager(orderId)).andExpect(status().isOk()).andReturn());
        assertThat(voided).contains("<td class=\"status\">VOIDED</td>");
        CustomerView after = customers.get(solo.id());
        assertThat(after.visitCount()).isZero();
        assertThat(after.totalSpent()).isEqualByComparingTo("0");
        assertThat(after.lastVisitAt()).isNull();
    }

    // --- 12: security ---------------------------------------------------------------------------------------

    @Test
    void theTillNeedsALoginAndHtmxRequestsAreToldToRedirect() throws Exception {
        // A browser navigating sends Accept: text/html (without it see the next test).
        mvc.perform(get("/pos").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));

        mvc.perform(get("/pos/orders").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));

        // Even when it accepts HTML, an htmx request must not get the login page swapped into a fragment.
        mvc.perform(get("/pos/cart")
                        .session(session)
                        .header("HX-Request", "true")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
        mvc.perform(post("/pos/cart/add/" + UUID.randomUUID())
                        .session(new MockHttpSession())
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
    }

    /** curl, scripts and prefetchers send no Accept header or accept anything: only HX-Request earns the 401. */
    @Test
    void aNonHtmxRequestWithoutAnHtmlAcceptHeaderIsAlsoRedirectedToLogin() throws Exception {
        mvc.perform(get("/pos").session(session))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"))
                .andExpect(header().doesNotExist("HX-Redirect"));
        mvc.perform(get("/pos").session(session).accept(MediaType.ALL))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"))
                .andExpect(header().doesNotExist("HX-Redirect"));
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        ProductView cookie = product("Csrf Cookie", "1.50");
        mvc.perform(post("/pos/cart/add/" + cookie.id())
                        .session(session)
                        .with(cashier())
                        .header("HX-Request", "true"))
                .andExpect(status().isForbidden());
        String cart =
                body(mvc.perform(hxGet("/pos/cart")).andExpect(status().isOk()).andReturn());
        assertThat(cart).doesNotContain("data-product=\"" + cookie.id());
    }

    @Test
    void theLoginPageIsOpen() throws Exception {
        String html = body(mvc.perform(get("/login").session(session))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn());
        assertThat(html)
                .contains("<form action=\"/login\" method=\"post\">")
                .contains("name=\"username\"")
                .contains("name=\"password\"")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
    }

    // --- 13: errors -----------------------------------------------------------------------------------------

    @Test
    void aBusinessErrorOnAnHtmxRequestIsAPlainTextMessageWithItsStatus() throws Exception {
        UUID unknown = UUID.randomUUID();
        mvc.perform(hxPost("/pos/customer/" + unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string("No customer with id " + unknown + "."));
        assertThat(selectedCustomerShown()).isFalse();
    }

    @Test
    void aBusinessErrorOnAFullPageRequestRendersTheErrorPageWithItsStatus() throws Exception {
        UUID unknown = UUID.randomUUID();
        mvc.perform(post("/pos/customer/" + unknown)
                        .session(session)
                        .with(cashier())
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("<span>404</span> <span>Not Found</span>")))
                .andExpect(content().string(containsString("No customer with id " + unknown + ".")))
                .andExpect(content().string(not(containsString("id=\"cart\""))));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private MockHttpServletRequestBuilder hxGet(String url) {
        return get(url).session(session).with(cashier()).header("HX-Request", "true");
    }

    private MockHttpServletRequestBuilder hxPost(String url) {
        return hxPost(url, cashier());
    }

    private MockHttpServletRequestBuilder hxPost(String url, RequestPostProcessor user) {
        return post(url).session(session).with(user).with(csrf()).header("HX-Request", "true");
    }

    private MockHttpServletRequestBuilder checkout(String orderType, String payment, String address, String note) {
        return hxPost("/pos/checkout")
                .param("orderType", orderType)
                .param("paymentMethod", payment)
                .param("deliveryAddress", address)
                .param("note", note);
    }

    /** Sells quantity × product to the customer through the till in this test's session; returns the order id. */
    private UUID sell(CustomerView customer, ProductView product, int quantity) throws Exception {
        mvc.perform(hxPost("/pos/new-sale")).andExpect(status().isOk());
        for (int i = 0; i < quantity; i++) {
            mvc.perform(hxPost("/pos/cart/add/" + product.id())).andExpect(status().isOk());
        }
        mvc.perform(hxPost("/pos/customer/" + customer.id())).andExpect(status().isOk());
        String receipt = body(mvc.perform(checkout("DINE_IN", "CARD", "", ""))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(receipt).contains("id=\"receipt\"");
        Matcher number =
                Pattern.compile("<span id=\"receipt-number\">#(\\d+)</span>").matcher(receipt);
        assertThat(number.find()).isTrue();
        return jdbc.sql("SELECT id FROM orders WHERE number = :n")
                .param("n", Long.parseLong(number.group(1)))
                .query(UUID.class)
                .single();
    }

    private MockHttpServletRequestBuilder voidAsManager(UUID orderId) {
        return post("/pos/orders/" + orderId + "/void")
                .session(new MockHttpSession())
                .with(manager())
                .with(csrf())
                .header("HX-Request", "true");
    }

    private ProductView product(String name, String price) {
        return Products.create(products, uniqueName(name), "Till Test", price);
    }

    private CustomerView customer(String name, String address) {
        return customers.create(new CustomerDetails(name, uniquePhone(), null, address));
    }

    /** Whether this session's till currently shows a selected customer. */
    private boolean selectedCustomerShown() throws Exception {
        return body(mvc.perform(get("/pos").session(session).with(cashier()))
                        .andExpect(status().isOk())
                        .andReturn())
                .contains("id=\"customer-preview\"");
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    private static String money(BigDecimal amount) {
        return "$" + amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static void assertTotals(String cart, String subtotal, String tax, String total) {
        assertThat(text(cart, "cart-subtotal")).as("subtotal").isEqualTo(subtotal);
        assertThat(text(cart, "cart-tax")).as("tax").isEqualTo(tax);
        assertThat(text(cart, "cart-total")).as("total").isEqualTo(total);
    }

    /** The text of the element with this id (no nested tags). */
    private static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<")
                .matcher(html);
        assertThat(m.find()).as("element #" + id + " in:\n" + html).isTrue();
        return m.group(1);
    }

    private static String textarea(String html, String id) {
        Matcher m = Pattern.compile("<textarea id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)</textarea>")
                .matcher(html);
        assertThat(m.find()).as("textarea #" + id + " in:\n" + html).isTrue();
        return m.group(1);
    }

    /** The message of the field error marked data-field="…", or null when there is none. */
    private static String fieldError(String html, String field) {
        Matcher m = Pattern.compile(
                        "<p class=\"field-error\"[^>]*data-field=\"" + Pattern.quote(field) + "\"[^>]*>([^<]*)</p>")
                .matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as("'" + start + "' in:\n" + html).isGreaterThanOrEqualTo(0);
        int to = html.indexOf(end, from);
        assertThat(to).as("'" + end + "' after '" + start + "'").isGreaterThan(from);
        return html.substring(from, to + end.length());
    }

    /** The cart panel of a page or sale fragment. */
    private static String cartOf(String html) {
        return between(html, "<div id=\"cart\"", "</dl>");
    }

    private static String line(String cart, ProductView product) {
        return between(cart, "data-product=\"" + product.id() + "\"", "</li>");
    }

    private static String tile(String page, ProductView product) {
        return between(page, "hx-post=\"/pos/cart/add/" + product.id() + "\"", "</button>");
    }

    private static String result(String results, CustomerView customer) {
        return between(results, "hx-post=\"/pos/customer/" + customer.id() + "\"", "</button>");
    }
}
