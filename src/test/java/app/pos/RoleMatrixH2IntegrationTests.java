package app.pos;

import static app.pos.support.Fixtures.uniqueUsername;
import static app.pos.support.Json.object;
import static app.pos.support.Json.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import app.pos.catalog.NewProduct;
import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import app.pos.shared.CustomerDetails;
import app.pos.staff.NewStaff;
import app.pos.staff.StaffRole;
import app.pos.staff.StaffService;
import app.pos.support.Fixtures;
import app.pos.support.H2IntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may do what, for every back office page and every API endpoint that changes something: a table of
 * (method, path, allowed roles), checked for anonymous, CASHIER, MANAGER and ADMIN. Allowed means "not 401/403"
 * (and not sent to the login page); a logged-in role that is not allowed gets 403; anonymous gets 401 from the API
 * and a redirect to the login page from pages. Every request runs against fresh fixtures, so an allowed DELETE or
 * void acts on a real record.
 */
@H2IntegrationTest
class RoleMatrixH2IntegrationTests {

    enum Role {
        ANONYMOUS(null),
        CASHIER(Fixtures.cashier()),
        MANAGER(Fixtures.manager()),
        ADMIN(Fixtures.admin());

        final RequestPostProcessor user;

        Role(RequestPostProcessor user) {
            this.user = user;
        }
    }

    static final Set<Role> ANY_STAFF = EnumSet.of(Role.CASHIER, Role.MANAGER, Role.ADMIN);
    static final Set<Role> MANAGER_UP = EnumSet.of(Role.MANAGER, Role.ADMIN);
    static final Set<Role> ADMIN_ONLY = EnumSet.of(Role.ADMIN);

    /** The records a path or body can name, created for each request. */
    record Fixture(
            String category,
            ProductView product,
            CustomerView customer,
            CustomerView customer2,
            OrderView order,
            java.util.function.Supplier<UUID> staff) {

        String resolve(String path) {
            String resolved = path.replace("{category}", category)
                    .replace("{product}", product.id().toString())
                    .replace("{customer2}", customer2.id().toString())
                    .replace("{customer}", customer.id().toString())
                    .replace("{order}", order.id().toString());
            return resolved.contains("{staff}")
                    ? resolved.replace("{staff}", staff.get().toString())
                    : resolved;
        }
    }

    /** One row of the table: how to build the request once the path's ids are known. */
    record Endpoint(
            String method,
            String path,
            Set<Role> allowed,
            BiFunction<AbstractMockHttpServletRequestBuilder<?>, Fixture, AbstractMockHttpServletRequestBuilder<?>>
                    details,
            boolean multipart) {

        boolean api() {
            return path.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Endpoint endpoint(String method, String path, Set<Role> allowed) {
        return new Endpoint(method, path, allowed, (r, f) -> r, false);
    }

    static Endpoint endpoint(
            String method,
            String path,
            Set<Role> allowed,
            BiFunction<AbstractMockHttpServletRequestBuilder<?>, Fixture, AbstractMockHttpServletRequestBuilder<?>>
                    details) {
        return new Endpoint(method, path, allowed, details, false);
    }

    static AbstractMockHttpServletRequestBuilder<?> json(
            AbstractMockHttpServletRequestBuilder<?> request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static final List<Endpoint> TABLE = List.of(
            // --- back office pages -------------------------------------------------------------------------
            endpoint("GET", "/admin", MANAGER_UP),
            endpoint("GET", "/admin/customers", MANAGER_UP),
            endpoint("GET", "/admin/customers/{customer}", MANAGER_UP),
            endpoint("GET", "/admin/customers/{customer}/orders?page=1", MANAGER_UP),
            endpoint("GET", "/admin/customers/duplicates", MANAGER_UP),
            endpoint("GET", "/admin/customers/merge?a={customer}&b={customer2}", MANAGER_UP),
            endpoint("GET", "/admin/customers/merge?a={customer}&q=role", MANAGER_UP),
            endpoint("GET", "/admin/customers/import", MANAGER_UP),
            endpoint("GET", "/admin/customers/import/report.csv", MANAGER_UP),
            endpoint("GET", "/admin/customers/export.csv", MANAGER_UP),
            endpoint("GET", "/admin/products", MANAGER_UP),
            endpoint("GET", "/admin/products/{product}", MANAGER_UP),
            endpoint("GET", "/admin/staff", ADMIN_ONLY),
            // --- back office forms -------------------------------------------------------------------------
            endpoint(
                    "POST",
                    "/admin/customers/{customer}",
                    MANAGER_UP,
                    (r, f) -> r.param("name", "Role Matrix Renamed")),
            endpoint("POST", "/admin/customers/{customer}/recompute", MANAGER_UP),
            endpoint(
                    "POST",
                    "/admin/customers/merge",
                    MANAGER_UP,
                    (r, f) -> r.param("a", f.customer().id().toString())
                            .param("b", f.customer2().id().toString())
                            .param("survivorId", f.customer().id().toString())
                            .param("name", f.customer().name())),
            new Endpoint(
                    "POST",
                    "/admin/customers/import",
                    MANAGER_UP,
                    (r, f) -> ((MockMultipartHttpServletRequestBuilder) r)
                            .file(new MockMultipartFile(
                                    "file",
                                    "c.csv",
                                    "text/csv",
                                    ("name\r\n" + uniqueUsername("Role Import") + "\r\n")
                                            .getBytes(StandardCharsets.UTF_8))),
                    true),
            endpoint("POST", "/admin/customers/import/check", MANAGER_UP, (r, f) -> r.param("map_name", "0")),
            endpoint("POST", "/admin/customers/import/run", MANAGER_UP),
            endpoint(
                    "POST",
                    "/admin/products",
                    MANAGER_UP,
                    (r, f) -> r.param("name", "Role Tea")
                            .param("category", f.category())
                            .param("price", "2.50")),
            endpoint(
                    "POST",
                    "/admin/products/{product}",
                    MANAGER_UP,
                    (r, f) -> r.param("name", "Role Tea 2")
                            .param("category", f.category())
                            .param("price", "2.75")),
            endpoint("POST", "/admin/products/{product}/active", MANAGER_UP, (r, f) -> r.param("active", "false")),
            endpoint(
                    "POST",
                    "/admin/categories/rename",
                    MANAGER_UP,
                    (r, f) -> r.param("from", f.category()).param("to", f.category() + "-renamed")),
            endpoint(
                    "POST",
                    "/admin/categories/active",
                    MANAGER_UP,
                    (r, f) -> r.param("category", f.category()).param("active", "false")),
            endpoint(
                    "POST",
                    "/admin/staff",
                    ADMIN_ONLY,
                    (r, f) -> r.param("username", uniqueUsername("role-page"))
                            .param("password", "role-matrix-password")
                            .param("role", "CASHIER")),
            endpoint("POST", "/admin/staff/{staff}", ADMIN_ONLY, (r, f) -> r.param("role", "MANAGER")),
            // --- till pages that need a role ---------------------------------------------------------------
            endpoint("GET", "/pos", ANY_STAFF),
            endpoint("POST", "/pos/orders/{order}/void", MANAGER_UP),
            // --- API: products -----------------------------------------------------------------------------
            endpoint(
                    "POST",
                    "/api/v1/products",
                    MANAGER_UP,
                    (r, f) -> json(r, object("name", "Role Tea", "category", f.category(), "price", 2.50))),
            endpoint(
                    "PUT",
                    "/api/v1/products/{product}",
                    MANAGER_UP,
                    (r, f) -> json(r, object("name", "Role Tea", "category", f.category(), "price", 2.95))),
            endpoint("POST", "/api/v1/products/{product}/deactivate", MANAGER_UP),
            endpoint("POST", "/api/v1/products/{product}/activate", MANAGER_UP),
            endpoint("GET", "/api/v1/products", ANY_STAFF),
            // --- API: customers ----------------------------------------------------------------------------
            endpoint(
                    "POST",
                    "/api/v1/customers",
                    ANY_STAFF,
                    (r, f) -> json(r, object("name", "Role Matrix New", "phone", Fixtures.uniquePhone()))),
            endpoint(
                    "PUT",
                    "/api/v1/customers/{customer}",
                    ANY_STAFF,
                    (r, f) -> json(
                            r,
                            object(
                                    "name",
                                    "Role Matrix Edited",
                                    "phone",
                                    f.customer().phone()))),
            endpoint("DELETE", "/api/v1/customers/{customer}", MANAGER_UP),
            endpoint("GET", "/api/v1/customers?q=role", ANY_STAFF),
            // --- API: orders -------------------------------------------------------------------------------
            endpoint(
                    "POST",
                    "/api/v1/orders",
                    ANY_STAFF,
                    (r, f) -> json(
                            r,
                            object(
                                    "items",
                                    raw("["
                                            + object(
                                                    "productId",
                                                    f.product().id().toString(),
                                                    "quantity",
                                                    1) + "]"),
                                    "customerId",
                                    f.customer().id().toString(),
                                    "orderType",
                                    "DINE_IN",
                                    "paymentMethod",
                                    "CASH"))),
            endpoint("POST", "/api/v1/orders/{order}/void", MANAGER_UP),
            endpoint("POST", "/api/v1/admin/legacy-orders/link", MANAGER_UP),
            // --- API: staff --------------------------------------------------------------------------------
            endpoint(
                    "POST",
                    "/api/v1/staff",
                    ADMIN_ONLY,
                    (r, f) -> json(
                            r,
                            object(
                                    "username",
                                    uniqueUsername("role-api"),
                                    "password",
                                    "role-matrix-password",
                                    "role",
                                    "CASHIER"))),
            endpoint("PUT", "/api/v1/staff/{staff}", ADMIN_ONLY, (r, f) -> json(r, object("role", "MANAGER"))),
            endpoint("GET", "/api/v1/staff", ADMIN_ONLY));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : TABLE) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(endpoint, role));
            }
        }
        return cases.stream();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderService orders;

    @Autowired
    StaffService staff;

    Fixture fixture;

    @BeforeEach
    void fixtures() {
        String category = uniqueUsername("Role Matrix");
        ProductView product = products.create(new NewProduct("Role Coffee", category, new BigDecimal("3.10"), null));
        CustomerView customer =
                customers.create(new CustomerDetails("Role Matrix One", Fixtures.uniquePhone(), null, null));
        CustomerView customer2 =
                customers.create(new CustomerDetails("Role Matrix Two", Fixtures.uniquePhone(), null, null));
        OrderView order = orders.place(
                        new PlaceOrder(
                                List.of(new PlaceOrder.Line(product.id(), 1)),
                                customer.id(),
                                null,
                                OrderType.DINE_IN,
                                PaymentMethod.CASH,
                                null,
                                null),
                        null,
                        "cashier")
                .order();
        fixture = new Fixture(
                category,
                product,
                customer,
                customer2,
                order,
                () -> staff.create(
                                new NewStaff(uniqueUsername("role-target"), "role-matrix-password", StaffRole.CASHIER))
                        .id());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void onlyTheAllowedRolesGetThrough(Endpoint endpoint, Role role) throws Exception {
        URI uri = URI.create(fixture.resolve(endpoint.path()));
        AbstractMockHttpServletRequestBuilder<?> request = endpoint.multipart()
                ? MockMvcRequestBuilders.multipart(uri)
                : (AbstractMockHttpServletRequestBuilder<?>) request(HttpMethod.valueOf(endpoint.method()), uri);
        request = endpoint.details().apply(request, fixture);
        if (!endpoint.api() && !endpoint.method().equals("GET")) {
            request.with(csrf());
        }
        if (role.user != null) {
            request.with(role.user);
        }
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getHeader("Location");
        String what = endpoint.method() + " " + endpoint.path() + " (" + uri + ") as " + role + ": status " + status
                + (location == null ? "" : " -> " + location);

        if (role == Role.ANONYMOUS) {
            if (endpoint.api()) {
                assertThat(status).as(what).isEqualTo(401);
            } else {
                assertThat(status).as(what).isEqualTo(302);
                assertThat(location).as(what).isNotNull().endsWith("/login");
            }
        } else if (endpoint.allowed().contains(role)) {
            assertThat(status).as(what).isNotIn(401, 403).isLessThan(500);
            if (location != null) {
                assertThat(location).as(what).doesNotContain("/login");
            }
        } else {
            assertThat(status).as(what).isEqualTo(403);
        }
    }
}
