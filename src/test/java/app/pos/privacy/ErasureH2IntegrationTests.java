package app.pos.privacy;

import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import app.pos.shared.CustomerDetails;
import app.pos.support.Api;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Products;
import app.pos.support.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Erasure and a retention run on the embedded database: the same SQL (locks included) as on PostgreSQL. */
@H2IntegrationTest
class ErasureH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerService customers;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    @Autowired
    TestClock clock;

    @AfterEach
    void defaults() {
        clock.reset();
        jdbc.sql("UPDATE retention_policy SET enabled = FALSE, inactive_months = 36 WHERE id = 1")
                .update();
    }

    @Test
    void anErasedCustomersOrdersKeepTheirTotalsWithoutTheirDetailsAndTheIdIsGone() throws Exception {
        ErasureFixture zen = ErasureFixture.person();
        CustomerView customer =
                customers.create(new CustomerDetails(zen.name(), zen.phone(), zen.email(), zen.address()));
        var latte = Products.create(products, "Latte", "Erasure " + ErasureFixture.tag(), "4.20");
        var order = orders.place(
                        new PlaceOrder(
                                List.of(new PlaceOrder.Line(latte.id(), 3)),
                                customer.id(),
                                null,
                                OrderType.DELIVERY,
                                PaymentMethod.CARD,
                                zen.address(),
                                zen.note()),
                        null,
                        "cashier")
                .order();

        mvc.perform(Api.postJson("/api/v1/customers/" + customer.id() + "/erasure", "{\"reason\": \"asked in shop\"}")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(customer.id().toString()))
                .andExpect(jsonPath("$.ordersScrubbed").value(1));

        Map<String, Object> row = jdbc.sql("SELECT customer_id, customer_name, customer_number, customer_address, "
                        + "delivery_address, note, total, number FROM orders WHERE id = :id")
                .param("id", order.id())
                .query()
                .singleRow();
        assertThat(row.get("customer_id")).isNull();
        assertThat(row.get("customer_name")).isNull();
        assertThat(row.get("customer_number")).isNull();
        assertThat(row.get("customer_address")).isNull();
        assertThat(row.get("delivery_address")).isNull();
        assertThat(row.get("note")).isNull();
        assertThat(new java.math.BigDecimal(row.get("total").toString())).isEqualByComparingTo(order.total());
        assertThat(((Number) row.get("number")).longValue()).isEqualTo(order.number());
        mvc.perform(get("/api/v1/customers/" + customer.id()).with(cashier())).andExpect(status().isGone());
        mvc.perform(Api.postJson("/api/v1/customers/" + customer.id() + "/erasure", "{\"reason\": \"again\"}")
                        .with(admin()))
                .andExpect(status().isGone());
        mvc.perform(get("/api/v1/customers").param("q", zen.last()).with(cashier()))
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void aRetentionRunErasesTheLongInactiveOnTheEmbeddedDatabaseToo() throws Exception {
        clock.set(Instant.parse("1901-06-01T10:00:00Z"));
        CustomerView old = customers.create(new CustomerDetails("Old " + ErasureFixture.tag(), null, null, null));
        clock.reset();
        CustomerView recent = customers.create(new CustomerDetails("New " + ErasureFixture.tag(), null, null, null));
        mvc.perform(Api.putJson("/api/v1/privacy/retention", "{\"enabled\": true, \"inactiveMonths\": 1200}")
                        .with(admin()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/privacy/retention/preview").with(admin()))
                .andExpect(jsonPath("$.count").value(1));
        mvc.perform(post("/api/v1/privacy/retention/run").with(admin()))
                .andExpect(jsonPath("$.erased").value(1));
        assertThat(customers.find(old.id())).isEmpty();
        assertThat(customers.find(recent.id())).isPresent();
        mvc.perform(get("/api/v1/privacy/retention").with(admin()))
                .andExpect(jsonPath("$.lastRunErased").value(1))
                .andExpect(jsonPath("$.lastRunAt").isString());
    }
}
