package app.pos.till;

import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.NewProduct;
import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerNotes;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.CustomerOrders;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import app.pos.shared.CustomerDetails;
import app.pos.shared.InvalidInput;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Regulars at the till over MockMvc on H2: "usually orders" items that add themselves, "same as last time", the
 * customer's note edited at the till, and the customer's previous delivery addresses at checkout.
 */
@H2IntegrationTest
class TillRegularsH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    @Autowired
    CustomerNotes notes;

    @Autowired
    CustomerOrders customerOrders;

    @Autowired
    OrderService orders;

    MockHttpSession session;
    ProductView latte;
    ProductView bagel;
    CustomerView regular;

    @BeforeEach
    void aRegularWithTwoOrders() {
        session = new MockHttpSession();
        latte = Products.create(products, uniqueName("Latte"), "Till Regulars", "4.20");
        bagel = Products.create(products, uniqueName("Bagel"), "Till Regulars", "2.95");
        regular = customers.create(new CustomerDetails(uniqueName("Regular"), uniquePhone(), null, "1 Home Street"));
    }

    @Test
    void sameAsLastTimeAddsTheNewestCompletedOrderAtTodaysPrices() throws Exception {
        Sales.of(bagel, 5).forCustomer(regular).placeWith(orders, "cashier");
        Sales.of(latte, 2).and(bagel, 1).forCustomer(regular).placeWith(orders, "cashier");
        OrderView voided = Sales.of(bagel, 9).forCustomer(regular).placeWith(orders, "manager");
        orders.voidOrder(voided.id(), "manager");
        products.update(latte.id(), new NewProduct(latte.name(), latte.category(), new BigDecimal("4.50"), null));
        select(regular);

        String cart = body(hxPost("/pos/cart/repeat-last"));

        assertThat(cart).startsWith("<div id=\"cart\"").doesNotContain("id=\"cart-skipped\"");
        assertThat(qty(cart, latte)).as("the voided order is not the last one").isEqualTo("2");
        assertThat(qty(cart, bagel)).isEqualTo("1");
        assertThat(cart).as("2 × the latte's new price").contains("$9.00", "$11.95");
    }

    @Test
    void sameAsLastTimeSkipsWhatIsNoLongerSoldAndSaysSo() throws Exception {
        Sales.of(latte, 1).and(bagel, 2).forCustomer(regular).placeWith(orders, "cashier");
        products.setActive(bagel.id(), false);
        select(regular);
        body(hxPost("/pos/cart/add/" + latte.id()));

        String cart = body(hxPost("/pos/cart/repeat-last"));

        assertThat(qty(cart, latte)).as("added to what the cart had").isEqualTo("2");
        assertThat(cart).doesNotContain("data-product=\"" + bagel.id() + "\"");
        assertThat(cart).contains("id=\"cart-skipped\"").contains("Not sold any more, so not added:");
        assertThat(cart.substring(cart.indexOf("id=\"cart-skipped\""))).contains(bagel.name());
    }

    @Test
    void theCustomerPanelOffersOnlyUsualItemsStillSoldAndSameAsLastTimeOnlyAfterAnOrder() throws Exception {
        String before = body(hxPost("/pos/customer/" + regular.id()));
        assertThat(before).contains("id=\"customer-preview\"").doesNotContain("id=\"same-as-last\"", "favourite");

        Sales.of(latte, 3).and(bagel, 1).forCustomer(regular).placeWith(orders, "cashier");
        products.setActive(bagel.id(), false);
        String after = body(hxPost("/pos/customer/" + regular.id()));

        assertThat(after)
                .contains("id=\"same-as-last\"")
                .contains("hx-post=\"/pos/cart/add/" + latte.id() + "\"")
                .doesNotContain("hx-post=\"/pos/cart/add/" + bagel.id() + "\"")
                .contains("3 × " + latte.name());
    }

    @Test
    void sameAsLastTimeWithoutASelectedCustomerAddsNothing() throws Exception {
        String cart = body(hxPost("/pos/cart/repeat-last"));
        assertThat(cart).contains("The cart is empty").doesNotContain("class=\"line\"");
    }

    @Test
    void pickingACustomerTellsThePageToMoveFocusOn() throws Exception {
        mvc.perform(hxPost("/pos/customer/" + regular.id()))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger-After-Settle", "pos:customer-selected"));
    }

    @Test
    void theNoteIsShownWhenTheCustomerIsSelectedAndSavedFromTheTill() throws Exception {
        CustomerView noted = customers.create(
                new CustomerDetails(uniqueName("Noted"), uniquePhone(), null, null, "oat milk, <b>no</b> nuts"));
        String panel = body(hxPost("/pos/customer/" + noted.id()));
        assertThat(panel).contains("id=\"customer-notes\"").contains("oat milk, &lt;b&gt;no&lt;/b&gt; nuts");

        String saved = body(hxPost("/pos/customer/notes").param("notes", "  soy milk\nextra hot  "));

        assertThat(saved).startsWith("<div id=\"customer-panel\"").contains("Note saved.");
        assertThat(customers.get(noted.id()).notes()).isEqualTo("soy milk\nextra hot");
        assertThat(customers.get(noted.id()).name()).isEqualTo(noted.name());

        body(hxPost("/pos/customer/notes").param("notes", ""));
        assertThat(customers.get(noted.id()).notes()).as("empty clears").isNull();
    }

    @Test
    void aTooLongNoteIsRefusedNextToTheFieldAndNothingIsSaved() throws Exception {
        select(regular);
        String panel = body(hxPost("/pos/customer/notes").param("notes", "x".repeat(1001)));

        assertThat(panel)
                .contains("data-field=\"notes\"")
                .contains("must be at most 1000 characters")
                .contains("<details class=\"notes-edit\" open");
        assertThat(customers.get(regular.id()).notes()).isNull();
    }

    @Test
    void theNotesServiceChecksItsRulesForEveryCaller() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> notes.update(regular.id(), "bad\u0007bell"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("notes");
        assertThat(notes.update(regular.id(), "x".repeat(1000)).notes()).hasSize(1000);
    }

    @Test
    void theCheckoutOffersTheCustomersPreviousDeliveryAddressesNewestFirst() throws Exception {
        deliver("12 Old Road");
        deliver("99 New Avenue");
        deliver("12 Old Road");
        deliver("7 Newest Lane");

        assertThat(customerOrders.deliveryAddresses(regular.id(), 2))
                .extracting(CustomerOrders.Address::address)
                .containsExactly("7 Newest Lane", "12 Old Road");
        String page = body(get("/pos").session(session).with(cashier()));
        assertThat(page).doesNotContain("address-choice");

        String changed = body(hxPost("/pos/customer/" + regular.id()));
        assertThat(changed.substring(changed.indexOf("hx-swap-oob")))
                .as("the checkout swapped in with the customer")
                .contains(">1 Home Street</textarea>", "data-address=\"7 Newest Lane\"");
        String html = body(get("/pos").session(session).with(cashier()));
        assertThat(html).as("the customer's own address stays the default").contains(">1 Home Street</textarea>");
        String choices = html.substring(html.indexOf("previous-addresses"));
        assertThat(choices).contains("data-address=\"7 Newest Lane\"", "data-address=\"99 New Avenue\"");
        assertThat(choices.indexOf("7 Newest Lane")).isLessThan(choices.indexOf("12 Old Road"));
        assertThat(choices.indexOf("12 Old Road")).isLessThan(choices.indexOf("99 New Avenue"));
    }

    @Test
    void theTillHasAHeadingAndCustomerResultsAreAPlainNamedListOfButtons() throws Exception {
        String page = body(get("/pos").session(session).with(cashier()));
        assertThat(page).contains("<h1 class=\"visually-hidden\">Till</h1>").doesNotContain("role=\"listbox\"");

        String results = body(get("/pos/customers")
                .param("q", regular.phone().substring(regular.phone().length() - 4))
                .session(session)
                .with(cashier())
                .header("HX-Request", "true"));
        assertThat(results)
                .contains("<ul class=\"result-list\" aria-label=\"Matching customers\">")
                .contains("<li>")
                .doesNotContain("role=\"option\"");
    }

    private void deliver(String address) {
        orders.place(
                new PlaceOrder(
                        List.of(new PlaceOrder.Line(latte.id(), 1)),
                        regular.id(),
                        null,
                        OrderType.DELIVERY,
                        PaymentMethod.CARD,
                        address,
                        null),
                null,
                "cashier");
    }

    private void select(CustomerView customer) throws Exception {
        body(hxPost("/pos/customer/" + customer.id()));
    }

    private MockHttpServletRequestBuilder hxPost(String url) {
        return post(url).session(session).with(cashier()).with(csrf()).header("HX-Request", "true");
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The quantity the cart shows for the product. */
    private static String qty(String cart, ProductView product) {
        int line = cart.indexOf("data-product=\"" + product.id() + "\"");
        assertThat(line).as(product.name() + " in the cart").isNotNegative();
        String rest = cart.substring(line);
        String marker = "<span class=\"line-qty\">";
        int at = rest.indexOf(marker) + marker.length();
        return rest.substring(at, rest.indexOf('<', at));
    }
}
