package app.pos.reliability;

import app.pos.support.Fixtures;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The POST and PUT endpoints of the API that the hostile-input tests attack, each with the role allowed to call it. */
enum HostileEndpoint {
    CREATE_PRODUCT(HttpMethod.POST, "/api/v1/products"),
    UPDATE_PRODUCT(HttpMethod.PUT, "/api/v1/products/{id}"),
    CREATE_CUSTOMER(HttpMethod.POST, "/api/v1/customers"),
    UPDATE_CUSTOMER(HttpMethod.PUT, "/api/v1/customers/{id}"),
    PLACE_ORDER(HttpMethod.POST, "/api/v1/orders"),
    VOID_ORDER(HttpMethod.POST, "/api/v1/orders/{id}/void"),
    CREATE_STAFF(HttpMethod.POST, "/api/v1/staff"),
    UPDATE_STAFF(HttpMethod.PUT, "/api/v1/staff/{id}"),
    LINK_LEGACY_ORDERS(HttpMethod.POST, "/api/v1/admin/legacy-orders/link");

    final HttpMethod method;
    final String path;

    HostileEndpoint(HttpMethod method, String path) {
        this.method = method;
        this.path = path;
    }

    RequestPostProcessor role() {
        return switch (this) {
            case CREATE_CUSTOMER, PLACE_ORDER -> Fixtures.cashier();
            // a cashier sees contact details masked and may not replace them (ContactMasking)
            case CREATE_STAFF, UPDATE_STAFF -> Fixtures.admin();
            default -> Fixtures.manager();
        };
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
