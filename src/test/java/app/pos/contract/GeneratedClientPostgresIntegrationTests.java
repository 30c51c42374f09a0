package app.pos.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.pos.client.ApiClient;
import app.pos.client.ApiException;
import app.pos.client.ApiResponse;
import app.pos.client.api.ConsentsApi;
import app.pos.client.api.CustomersApi;
import app.pos.client.api.OrdersApi;
import app.pos.client.api.ProductsApi;
import app.pos.client.model.CustomerDataExport;
import app.pos.client.model.CustomerView;
import app.pos.client.model.DataExportAuditEntry;
import app.pos.client.model.NewCustomer;
import app.pos.client.model.NewProduct;
import app.pos.client.model.OrderLine;
import app.pos.client.model.OrderView;
import app.pos.client.model.PlaceOrder;
import app.pos.client.model.PlaceOrderLine;
import app.pos.client.model.Problem;
import app.pos.client.model.ProductView;
import app.pos.support.Fixtures;
import app.pos.support.RunningAppPostgresTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client generated from {@code docs/openapi.json} (openapi-generator, Java, native HttpClient, unknown properties
 * fail) runs a shop's flow against the running app over real HTTP. A response the document does not describe
 * (a missing field, an extra one, another type) fails here, as it would in a strict client in the field.
 */
@RunningAppPostgresTest
class GeneratedClientPostgresIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient as(String username, String password) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        String credentials =
                Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        return client;
    }

    @Test
    void aGeneratedClientRunsTheFlowAndReadsTypedProblems() throws Exception {
        ApiClient cashier = as("cashier", "cashier-password");
        ApiClient manager = as("manager", "manager-password");
        String run = UUID.randomUUID().toString().substring(0, 8);

        ProductView tea = new ProductsApi(manager)
                .createProduct(new NewProduct()
                        .name("Client Tea " + run)
                        .category("Client")
                        .price(new BigDecimal("2.50")));
        List<ProductView> menu = new ProductsApi(cashier).listProducts().getItems();
        assertThat(menu).extracting(ProductView::getId).contains(tea.getId());
        assertThat(menu.stream()
                        .filter(p -> p.getId().equals(tea.getId()))
                        .findFirst()
                        .orElseThrow()
                        .getPrice())
                .isEqualByComparingTo("2.50")
                .hasScaleOf(2);

        CustomersApi customers = new CustomersApi(cashier);
        String phone = Fixtures.uniquePhone();
        ApiResponse<CustomerView> created = customers.createCustomerWithHttpInfo(new NewCustomer()
                .name("Client Ada " + run)
                .phone(phone)
                .consents(java.util.Map.of("EMAIL", "GRANTED")));
        assertThat(created.getStatusCode()).isEqualTo(201);
        CustomerView ada = created.getData();
        assertThat(created.getHeaders().get("location")).anyMatch(l -> l.endsWith("/api/v1/customers/" + ada.getId()));
        assertThat(ada.getEmail()).isNull();
        assertThat(ada.getLastVisitAt()).isNull();
        assertThat(new ConsentsApi(cashier).getCustomerConsents(ada.getId()).getItems())
                .extracting(item -> item.getChannel() + " " + item.getState())
                .containsExactly("EMAIL GRANTED", "SMS NOT_ASKED", "LOYALTY NOT_ASKED");

        String lastFour = phone.replaceAll("[^0-9]", "")
                .substring(phone.replaceAll("[^0-9]", "").length() - 4);
        assertThat(customers.searchCustomers(lastFour, 50).getItems())
                .extracting(CustomerView::getId)
                .contains(ada.getId());

        OrdersApi orders = new OrdersApi(cashier);
        PlaceOrder order = new PlaceOrder()
                .items(List.of(new PlaceOrderLine().productId(tea.getId()).quantity(3)))
                .customerId(ada.getId())
                .orderType(PlaceOrder.OrderTypeEnum.TAKEAWAY)
                .paymentMethod(PlaceOrder.PaymentMethodEnum.CARD);
        String key = "client-" + run;
        ApiResponse<OrderView> placed = orders.placeOrderWithHttpInfo(order, key);
        assertThat(placed.getStatusCode()).isEqualTo(201);
        assertThat(placed.getHeaders()).containsKey("location");
        OrderLine line = placed.getData().getItems().get(0);
        assertThat(line.getName()).isEqualTo("Client Tea " + run);
        assertThat(line.getUnitPrice()).isEqualByComparingTo("2.50").hasScaleOf(2);
        assertThat(line.getLineTotal()).isEqualByComparingTo("7.50").hasScaleOf(2);

        ApiResponse<OrderView> replayed = orders.placeOrderWithHttpInfo(order, key);
        assertThat(replayed.getStatusCode()).isEqualTo(200);
        assertThat(replayed.getHeaders().get("idempotent-replayed")).containsExactly("true");
        assertThat(replayed.getData().getId()).isEqualTo(placed.getData().getId());

        OrderView voided = new OrdersApi(manager).voidOrder(placed.getData().getId());
        assertThat(voided.getStatus()).isEqualTo(OrderView.StatusEnum.VOIDED);
        assertThat(voided.getVoidedAt()).isNotNull();

        List<OrderView> history = orders.listCustomerOrders(ada.getId(), 0, 20).getItems();
        assertThat(history)
                .extracting(OrderView::getId)
                .containsExactly(placed.getData().getId());
        assertThat(history.get(0).getStatus()).isEqualTo(OrderView.StatusEnum.VOIDED);

        CustomerDataExport export = new CustomersApi(manager).exportCustomerData(ada.getId());
        assertThat(export.getHeader().getExportedBy()).isEqualTo("manager");
        assertThat(export.getCustomer().getId()).isEqualTo(ada.getId());
        assertThat(export.getOrders())
                .extracting(OrderView::getId)
                .containsExactly(placed.getData().getId());
        assertThat(export.getAudit())
                .last()
                .extracting(DataExportAuditEntry::getAction)
                .isEqualTo(DataExportAuditEntry.ActionEnum.DATA_EXPORTED);

        Problem conflict = problem(
                () -> customers.createCustomer(
                        new NewCustomer().name("Client Bea").phone(phone)),
                409,
                cashier);
        assertThat(conflict.getExistingCustomerId()).isEqualTo(ada.getId());
        assertThat(conflict.getTitle()).isNotBlank();

        Problem invalid = problem(() -> customers.createCustomer(new NewCustomer().name("")), 400, cashier);
        assertThat(invalid.getErrors()).anySatisfy(error -> {
            assertThat(error.getField()).isEqualTo("name");
            assertThat(error.getMessage()).isNotBlank();
        });
    }

    interface Call {
        void run() throws ApiException;
    }

    /** The typed problem of a call that must fail with this status, read with the generated client's strict mapper. */
    static Problem problem(Call call, int status, ApiClient client) throws Exception {
        ApiException failure = catchThrowableOfType(ApiException.class, call::run);
        assertThat(failure).as("a %d problem", status).isNotNull();
        assertThat(failure.getCode()).isEqualTo(status);
        assertThat(failure.getResponseHeaders().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return client.getObjectMapper().readValue(failure.getResponseBody(), Problem.class);
    }
}
