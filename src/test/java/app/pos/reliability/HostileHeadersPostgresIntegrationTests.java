package app.pos.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.shared.CustomerDetails;
import app.pos.support.DatabaseState;
import app.pos.support.Fixtures;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Headers the generator of {@link HostileInputPostgresIntegrationTests} found bugs with, pinned down as single
 * requests (the generator no longer sends these): C1 control characters in Content-Type and Idempotency-Key, and
 * Accept headers the API cannot satisfy. A refused request has written nothing.
 */
@PostgresIntegrationTest
class HostileHeadersPostgresIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    ProductView product;
    CustomerView customer;

    @BeforeEach
    void targets() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        product = Products.create(products, "Hostile Tea " + run, "Hostile", "2.50");
        customer = customers.create(new CustomerDetails("Hostile Hannah " + run, null, null, "1 Test Street"));
    }

    @Test
    void aC1ControlCharacterInTheIdempotencyKeyIsA400() throws Exception {
        // One byte 0x85 in the header over HTTP; Tomcat reads it as U+0085. StrictHttpFirewall rejects the value only
        // when the controller reads the header, inside DispatcherServlet, where ApiProblems' catch-all makes it a 500.
        DatabaseState before = DatabaseState.of(jdbc);
        MvcResult result = mvc.perform(request(HttpMethod.POST, "/api/v1/orders")
                        .with(Fixtures.cashier())
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "a\u0085b")
                        .content(validOrder()))
                .andReturn();
        assertThat(result.getResponse().getStatus())
                .as(HostilePayloads.shown(result))
                .isEqualTo(400);
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aC1ControlCharacterInTheContentTypeIsA4xx() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        MvcResult result = mvc.perform(request(HttpMethod.POST, "/api/v1/customers")
                        .with(Fixtures.cashier())
                        .header("Content-Type", "application/json; x=\u0085")
                        .content("{\"name\":\"C1 Carl\"}"))
                .andReturn();
        assertThat(result.getResponse().getStatus())
                .as(HostilePayloads.shown(result))
                .isBetween(400, 499);
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aRequestAnsweredWithAnErrorBecauseOfItsAcceptHeaderHasNotWrittenAnything() throws Exception {
        // The controller runs (and commits) before the response's content type is negotiated: an Accept the API
        // cannot satisfy then turns a committed sale or new customer into a 406 (or a 400 for a C1 character),
        // and the client, told it failed, sells again.
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (String accept : List.of("application/xml", "text/html", "image/png", "application/json\u0085")) {
            for (HostileEndpoint endpoint : List.of(HostileEndpoint.PLACE_ORDER, HostileEndpoint.CREATE_CUSTOMER)) {
                DatabaseState before = DatabaseState.of(jdbc);
                String body = endpoint == HostileEndpoint.PLACE_ORDER ? validOrder() : "{\"name\":\"Accept Abe\"}";
                MvcResult result = mvc.perform(request(endpoint.method, endpoint.path)
                                .with(endpoint.role())
                                .header("Content-Type", "application/json")
                                .header("Accept", accept)
                                .content(body))
                        .andReturn();
                int status = result.getResponse().getStatus();
                if (status >= 400) {
                    refused++;
                }
                if (status >= 400 && !DatabaseState.of(jdbc).equals(before)) {
                    failures.add(endpoint + " with Accept " + HostilePayloads.Payload.escape(accept) + " answered "
                            + status + " but wrote (Location "
                            + result.getResponse().getHeader("Location") + ")");
                }
            }
        }
        assertThat(failures).isEmpty();
        // Without a refusal the property above holds vacuously.
        assertThat(refused).as("requests refused for their Accept header").isPositive();
    }

    private String validOrder() {
        return Sales.of(product, 1).forCustomer(customer).json();
    }
}
