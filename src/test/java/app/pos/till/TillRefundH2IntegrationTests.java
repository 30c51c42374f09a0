package app.pos.till;

import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.order.OrderService;
import app.pos.order.OrderView;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The order page's refund form (managers), its refusals next to the form, and the refund's receipt. */
@H2IntegrationTest
class TillRefundH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    ProductView latte;
    ProductView muffin;
    OrderView order;

    @BeforeEach
    void anOrder() {
        latte = Products.create(products, "Latte", "Coffee", "4.20");
        muffin = Products.create(products, "Muffin", "Bakery", "3.35");
        order = Sales.of(latte, 2).and(muffin, 1).placeWith(orders, "cashier");
    }

    @Test
    void aManagerRefundsALineFromTheOrderPageAndGetsItsReceipt() throws Exception {
        mvc.perform(get("/pos/orders/" + order.id()).with(manager()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"refund-form\"")))
                .andExpect(content().string(containsString("2 left")));
        mvc.perform(get("/pos/orders/" + order.id()).with(cashier()))
                .andExpect(content().string(not(containsString("id=\"refund-form\""))));

        String receipt = mvc.perform(post("/pos/orders/" + order.id() + "/refunds")
                        .with(manager())
                        .with(csrf())
                        .param("product", latte.id().toString(), muffin.id().toString())
                        .param("quantity", "1", "0")
                        .param("reason", "spilt")
                        .param("key", "till-form-" + order.id()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(receipt).startsWith("/pos/orders/" + order.id() + "/refunds/");
        mvc.perform(get(receipt).with(manager()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"refund-receipt\"")))
                .andExpect(content().string(containsString("1 × Latte")))
                .andExpect(content().string(containsString("4.54")))
                .andExpect(content().string(containsString("spilt")));
        // the same form submitted again makes no second refund
        mvc.perform(post("/pos/orders/" + order.id() + "/refunds")
                        .with(manager())
                        .with(csrf())
                        .param("product", latte.id().toString(), muffin.id().toString())
                        .param("quantity", "1", "0")
                        .param("reason", "spilt")
                        .param("key", "till-form-" + order.id()))
                .andExpect(status().is3xxRedirection());
        assertThat(orders.get(order.id()).refunds()).hasSize(1);
        mvc.perform(get("/pos/orders/" + order.id()).with(manager()))
                .andExpect(content().string(containsString("id=\"refund-list\"")))
                .andExpect(content().string(containsString("1 left")));
    }

    @Test
    void aRefundOfMoreThanRemainsIsShownNextToTheForm() throws Exception {
        mvc.perform(post("/pos/orders/" + order.id() + "/refunds")
                        .with(manager())
                        .with(csrf())
                        .param("product", latte.id().toString())
                        .param("quantity", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"refund-error\"")))
                .andExpect(content().string(containsString("Only 2")));
        mvc.perform(post("/pos/orders/" + order.id() + "/refunds")
                        .with(manager())
                        .with(csrf())
                        .param("product", latte.id().toString())
                        .param("quantity", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A refund needs at least one line.")));
        assertThat(orders.get(order.id()).refunds()).isEmpty();
        mvc.perform(post("/pos/orders/" + order.id() + "/refunds")
                        .with(cashier())
                        .with(csrf())
                        .param("product", latte.id().toString())
                        .param("quantity", "1"))
                .andExpect(status().isForbidden());
    }
}
