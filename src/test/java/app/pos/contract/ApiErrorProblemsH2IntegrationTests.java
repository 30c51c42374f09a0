package app.pos.contract;

import static app.pos.support.Api.postJson;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Json.object;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Products;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Requests that reach no endpoint, and nested validation errors, answer problem details like every API error. */
@H2IntegrationTest
class ApiErrorProblemsH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProductService products;

    static ResultActions isProblem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void anUnknownApiPathIsA404Problem() throws Exception {
        isProblem(mvc.perform(get("/api/v1/nothing-here").with(cashier())), 404);
        isProblem(mvc.perform(get("/api/v2/customers").with(cashier())), 404);
    }

    @Test
    void aMethodThePathDoesNotTakeIsA405ProblemWithAllow() throws Exception {
        isProblem(mvc.perform(delete("/api/v1/products").with(cashier())), 405)
                .andExpect(header().string("Allow", containsString("GET")));
    }

    @Test
    void anAcceptHeaderTheApiCannotAnswerIsA406Problem() throws Exception {
        isProblem(
                mvc.perform(get("/api/v1/products").accept(MediaType.TEXT_HTML).with(cashier())), 406);
        isProblem(
                mvc.perform(get("/api/v1/products")
                        .accept(MediaType.APPLICATION_XML)
                        .with(cashier())),
                406);
    }

    @Test
    void aNestedValidationErrorNamesItsFieldPath() throws Exception {
        var tea = Products.create(products, "Path Tea " + System.nanoTime(), "Paths", "2.00");
        String body = "{\"items\":[{\"productId\":\"" + tea.id() + "\",\"quantity\":0}],"
                + "\"orderType\":\"DINE_IN\",\"paymentMethod\":\"CASH\"}";
        isProblem(mvc.perform(postJson("/api/v1/orders", body).with(cashier())), 400)
                .andExpect(jsonPath("$.errors[0].field").value("items[0].quantity"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at least 1"));
        isProblem(
                        mvc.perform(postJson(
                                        "/api/v1/orders",
                                        "{\"items\":[{\"productId\":\"" + tea.id() + "\",\"quantity\":1}],"
                                                + "\"orderType\":\"DINE_IN\",\"paymentMethod\":\"CASH\","
                                                + "\"customer\":" + object("name", "") + "}")
                                .with(cashier())),
                        400)
                .andExpect(jsonPath("$.errors[0].field").value("customer.name"));
    }

    @Test
    void pagesStillGetTheErrorPage() throws Exception {
        mvc.perform(get("/no-such-page").with(cashier()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
    }
}
