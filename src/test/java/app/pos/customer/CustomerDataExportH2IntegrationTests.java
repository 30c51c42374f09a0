package app.pos.customer;

import static app.pos.support.Fixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.order.OrderService;
import app.pos.support.Customers;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Json;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The data export's queries on the embedded database too. */
@H2IntegrationTest
class CustomerDataExportH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerService customers;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    @Test
    void aCustomerWithOrdersExportsOnH2() throws Exception {
        CustomerView ada = Customers.withPhone(customers, "Ada Embedded");
        ProductView tea = Products.create(products, "Tea", "Export H2 " + ada.id(), "2.50");
        Sales.of(tea, 2).forCustomer(ada).placeWith(orders, "manager");
        Sales.of(tea, 1).and(tea, 3).forCustomer(ada).placeWith(orders, "manager");

        MvcResult result = mvc.perform(
                        get("/api/v1/customers/{id}/data-export", ada.id()).with(manager()))
                .andExpect(status().isOk())
                .andReturn();

        assertThat((List<Integer>) Json.read(result, "$.orders[*].items.length()"))
                .containsExactly(1, 2);
        assertThat((List<String>) Json.read(result, "$.audit[*].action")).containsExactly("DATA_EXPORTED");
    }
}
