package app.pos.privacy;

import static app.pos.support.Api.postJson;
import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.support.Customers;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Erasing a loyalty member keeps the ledger's numbers, and no loyalty table holds anything that names them. */
@PostgresIntegrationTest
class LoyaltyErasurePostgresIntegrationTests {

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

    @Test
    void anErasedMembersLedgerKeepsItsNumbersWithoutPersonalData() throws Exception {
        mvc.perform(putJson("/api/v1/loyalty/program", object("enabled", true)).with(admin()))
                .andExpect(status().isOk());
        try {
            String name = uniqueName("Zelda Loyal");
            CustomerView zelda = Customers.withPhone(customers, name);
            String path = "/api/v1/customers/" + zelda.id();
            mvc.perform(postJson(path + "/loyalty/enrolment", "{}").with(cashier()))
                    .andExpect(status().isOk());
            Sales.of(Products.create(products, uniqueName("Soup"), uniqueName("Soups"), "10.00"), 1)
                    .forCustomer(zelda)
                    .placeWith(orders, "cashier");
            mvc.perform(postJson(path + "/loyalty/adjustments", object("points", 5, "reason", "Goodwill"))
                            .with(manager()))
                    .andExpect(status().isCreated());

            mvc.perform(postJson(path + "/erasure", object("reason", "The customer asked"))
                            .with(admin()))
                    .andExpect(status().isOk());

            assertThat(jdbc.sql("SELECT SUM(points) FROM loyalty_entries WHERE customer_id = :id")
                            .param("id", zelda.id())
                            .query(Long.class)
                            .single())
                    .isEqualTo(15);
            assertThat(PersonalDataScan.find(jdbc, List.of(name), zelda.phone().substring(2)))
                    .noneMatch(column -> column.startsWith("loyalty_"));
        } finally {
            mvc.perform(putJson("/api/v1/loyalty/program", "{}").with(admin())).andExpect(status().isOk());
        }
    }
}
