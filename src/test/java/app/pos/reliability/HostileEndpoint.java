package app.pos.reliability;

import app.pos.support.Fixtures;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The POST, PUT and PATCH endpoints of the API that the hostile-input tests attack, each with the role allowed to
 * call it and the content type its valid requests carry.
 */
enum HostileEndpoint {
    CREATE_PRODUCT(HttpMethod.POST, "/api/v1/products"),
    UPDATE_PRODUCT(HttpMethod.PUT, "/api/v1/products/{id}"),
    CREATE_CUSTOMER(HttpMethod.POST, "/api/v1/customers"),
    UPDATE_CUSTOMER(HttpMethod.PUT, "/api/v1/customers/{id}"),
    PATCH_CUSTOMER(HttpMethod.PATCH, "/api/v1/customers/{id}", "application/merge-patch+json"),
    PLACE_ORDER(HttpMethod.POST, "/api/v1/orders"),
    VOID_ORDER(HttpMethod.POST, "/api/v1/orders/{id}/void"),
    CREATE_STAFF(HttpMethod.POST, "/api/v1/staff"),
    UPDATE_STAFF(HttpMethod.PUT, "/api/v1/staff/{id}"),
    LINK_LEGACY_ORDERS(HttpMethod.POST, "/api/v1/admin/legacy-orders/link"),
    RECORD_CONSENT(HttpMethod.PUT, "/api/v1/customers/{id}/consents/EMAIL"),
    SAVE_CONSENT_WORDING(HttpMethod.PUT, "/api/v1/privacy/consent-wordings/LOYALTY");

    final HttpMethod method;
    final String path;
    final String contentType;

    HostileEndpoint(HttpMethod method, String path) {
        this(method, path, "application/json");
    }

    HostileEndpoint(HttpMethod method, String path, String contentType) {
        this.method = method;
        this.path = path;
        this.contentType = contentType;
    }

    RequestPostProcessor role() {
        return switch (this) {
            case CREATE_CUSTOMER, PLACE_ORDER, RECORD_CONSENT -> Fixtures.cashier();
            // a cashier sees contact details masked and may not replace them (ContactMasking): PUT and PATCH of a
            // customer run as a manager
            case CREATE_STAFF, UPDATE_STAFF, SAVE_CONSENT_WORDING -> Fixtures.admin();
            default -> Fixtures.manager();
        };
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
