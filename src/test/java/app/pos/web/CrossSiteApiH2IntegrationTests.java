package app.pos.web;

import static app.pos.support.Fixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.order.OrderStatus;
import app.pos.order.OrderView;
import app.pos.shared.CustomerDetails;
import app.pos.support.DatabaseState;
import app.pos.support.Fixtures;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a page on another site can make a browser send to the API: a form (urlencoded or multipart) or plain text.
 * With Basic credentials the browser has cached, those must change nothing; and the API must not make a browser
 * ask for (and then cache) those credentials in the first place.
 */
@H2IntegrationTest
class CrossSiteApiH2IntegrationTests {

    private static final List<String> FORM_TYPES = List.of(
            MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE + "; boundary=x",
            "text/plain;charset=UTF-8");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    @Autowired
    CustomerService customers;

    @Test
    void postsWithoutABodyRefuseFormAndTextContentTypesWith415AndChangeNothing() throws Exception {
        ProductView soup = Products.create(products, Fixtures.uniqueName("Soup"), "Kitchen", "5.00");
        OrderView order =
                orders.place(Sales.of(soup, 1).command(), null, "cashier").order();
        CustomerView customer =
                customers.create(new CustomerDetails(Fixtures.uniqueName("Cross Site"), null, null, null));
        DatabaseState before = DatabaseState.of(jdbc);
        for (String type : FORM_TYPES) {
            for (var request : List.of(
                    post("/api/v1/orders/" + order.id() + "/void"),
                    post("/api/v1/products/" + soup.id() + "/deactivate"),
                    delete("/api/v1/customers/" + customer.id()))) {
                mvc.perform(request.contentType(type).content("a=b").with(manager()))
                        .andExpect(status().isUnsupportedMediaType())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.status").value(415));
            }
        }
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.COMPLETED);

        // The same call from an API client (no body, or JSON) still works.
        mvc.perform(post("/api/v1/orders/" + order.id() + "/void").with(manager()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/products/" + soup.id() + "/deactivate")
                        .contentType(MediaType.APPLICATION_JSON)
                        .with(manager()))
                .andExpect(status().isOk());
    }

    @Test
    void aBrowserIsNotAskedForBasicCredentialsAnApiClientIs() throws Exception {
        mvc.perform(get("/api/v1/customers").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"pos\""));

        mvc.perform(get("/api/v1/customers").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/customers").header("Sec-Fetch-Mode", "cors"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
        mvc.perform(get("/api/v1/customers")
                        .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0")
                        .accept(MediaType.ALL))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));

        // pages never challenge: they send the browser to the login form
        mvc.perform(get("/pos").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
    }
}
