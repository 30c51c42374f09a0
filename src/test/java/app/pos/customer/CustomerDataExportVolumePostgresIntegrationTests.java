package app.pos.customer;

import static app.pos.support.Fixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.support.Customers;
import app.pos.support.Json;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A regular of many years: all 10,000 orders of three lines export, read in one query, not one per order; the time
 * taken is printed (a figure for docs/operations.md), not asserted. The orders are written straight into the tables (placing 10,000 through
 * checkout would take minutes); the export reads them as it reads any.
 */
@PostgresIntegrationTest
class CustomerDataExportVolumePostgresIntegrationTests {

    private static final int ORDERS = 10_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerService customers;

    @Autowired
    ProductService products;

    @Autowired
    JdbcClient jdbc;

    @Test
    void tenThousandOrdersAllExportWithTheirLines() throws Exception {
        CustomerView regular = Customers.withPhone(customers, "Volume Regular");
        ProductView latte = Products.create(products, "Latte", "Volume " + regular.id(), "4.20");
        jdbc.sql("""
                INSERT INTO orders (id, number, customer_id, customer_name, customer_number, order_type,
                                    payment_method, status, subtotal, discount, tax, total, placed_in_pos, created_at)
                SELECT gen_random_uuid(), nextval('order_number_seq'), :customer, 'Volume Regular', :phone,
                       'DINE_IN', 'CARD', 'COMPLETED', 12.60, 0, 1.01, 13.61, TRUE,
                       TIMESTAMPTZ '2020-01-01 08:00:00+00' + g * INTERVAL '3 hours'
                FROM generate_series(1, :orders) g
                """)
                .param("customer", regular.id())
                .param("phone", regular.phone())
                .param("orders", ORDERS)
                .update();
        jdbc.sql("""
                INSERT INTO order_items (order_id, line_no, product_id, product_name, unit_price, quantity, line_total)
                SELECT o.id, g, :product, 'Latte', 4.20, 1, 4.20
                FROM orders o CROSS JOIN generate_series(1, 3) g WHERE o.customer_id = :customer
                """)
                .param("customer", regular.id())
                .param("product", latte.id())
                .update();

        long started = System.nanoTime();
        MvcResult result = mvc.perform(
                        get("/api/v1/customers/{id}/data-export", regular.id()).with(manager()))
                .andExpect(status().isOk())
                .andReturn();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        int bytes = result.getResponse().getContentLength() > 0
                ? result.getResponse().getContentLength()
                : result.getResponse().getContentAsByteArray().length;
        System.out.printf("data export of %d orders: %d ms, %d bytes%n", ORDERS, took.toMillis(), bytes);

        assertThat((List<Object>) Json.read(result, "$.orders[*].number")).hasSize(ORDERS);
        assertThat((List<Object>) Json.read(result, "$.orders[*].items[*]")).hasSize(3 * ORDERS);
    }
}
