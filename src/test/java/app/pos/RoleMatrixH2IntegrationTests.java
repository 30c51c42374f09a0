package app.pos;

import static app.pos.support.Fixtures.uniqueUsername;
import static app.pos.support.Json.object;
import static app.pos.support.Json.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.order.OrderView;
import app.pos.staff.NewStaff;
import app.pos.staff.StaffRole;
import app.pos.staff.StaffService;
import app.pos.support.Customers;
import app.pos.support.Fixtures;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Who may do what, for every page and every API endpoint: a table of (method, path, allowed roles), checked for
 * anonymous, CASHIER, MANAGER and ADMIN. Allowed means "not 401/403" (and not sent to the login page); a logged-in
 * role that is not allowed gets 403; anonymous, unless allowed (the login page), gets 401 from the API and a redirect
 * to the login page from pages. Every request runs against fresh fixtures, so an allowed DELETE or void acts on a
 * real record. A handler without a row fails {@link #everyHandlerHasARowInTheTable()}, so no new endpoint goes
 * untested.
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

    static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
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
            endpoint("GET", "/admin/customers/{customer}/delete", MANAGER_UP),
            endpoint("GET", "/admin/customers/{customer}/data-export", MANAGER_UP),
            endpoint("GET", "/admin/customers/duplicates", MANAGER_UP),
            endpoint("GET", "/admin/customers/merge?a={customer}&b={customer2}", MANAGER_UP),
            endpoint("GET", "/admin/customers/merge?a={customer}&q=role", MANAGER_UP),
            endpoint("GET", "/admin/customers/import", MANAGER_UP),
            endpoint("GET", "/admin/customers/import/report.csv", MANAGER_UP),
            endpoint("GET", "/admin/customers/export.csv", MANAGER_UP),
            endpoint("GET", "/admin/products", MANAGER_UP),
            endpoint("GET", "/admin/products/{product}", MANAGER_UP),
            endpoint("GET", "/admin/staff", ADMIN_ONLY),
            endpoint("GET", "/admin/consent-wordings", ADMIN_ONLY),
            endpoint("GET", "/admin/privacy/settings", ADMIN_ONLY),
            endpoint("GET", "/admin/customers/{customer}/erase", ADMIN_ONLY),
            endpoint("GET", "/admin/privacy", ADMIN_ONLY),
            endpoint("GET", "/admin/loyalty", MANAGER_UP),
            // --- back office forms -------------------------------------------------------------------------
            endpoint(
                    "POST",
                    "/admin/customers/{customer}",
                    MANAGER_UP,
                    (r, f) -> r.param("name", "Role Matrix Renamed")),
            endpoint("POST", "/admin/customers/{customer}/recompute", MANAGER_UP),
            endpoint(
                    "POST",
                    "/admin/customers/{customer}/consents/EMAIL",
                    MANAGER_UP,
                    (r, f) -> r.param("state", "GRANTED")),
            endpoint(
                    "POST",
                    "/admin/consent-wordings/LOYALTY",
                    ADMIN_ONLY,
                    (r, f) -> r.param("text", "Join our club? " + uniqueUsername("role"))),
            endpoint("POST", "/admin/customers/{customer}/delete", MANAGER_UP),
            endpoint(
                    "POST",
                    "/admin/customers/{customer}/erase",
                    ADMIN_ONLY,
                    (r, f) -> r.param("reason", "Role matrix request")),
            endpoint(
                    "POST",
                    "/admin/privacy/retention",
                    ADMIN_ONLY,
                    (r, f) -> r.param("enabled", "false").param("inactiveMonths", "36")),
            endpoint("POST", "/admin/privacy/retention/run", ADMIN_ONLY),
            // adding a row shows the form again without saving, so the program stays as it is
            endpoint("POST", "/admin/loyalty?action=addTier", ADMIN_ONLY),
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
            endpoint(
                    "POST",
                    "/admin/privacy/settings",
                    ADMIN_ONLY,
                    (r, f) -> r.param("cashiersSeeContactDetails", "false")),
            // --- open pages --------------------------------------------------------------------------------
            endpoint("GET", "/login", EVERYONE),
            // --- till pages that need a role ---------------------------------------------------------------
            endpoint("GET", "/", ANY_STAFF),
            endpoint("GET", "/pos", ANY_STAFF),
            endpoint("GET", "/pos/cart", ANY_STAFF),
            endpoint("POST", "/pos/cart/add/{product}", ANY_STAFF),
            endpoint("POST", "/pos/cart/{product}/plus", ANY_STAFF),
            endpoint("POST", "/pos/cart/{product}/minus", ANY_STAFF),
            endpoint("POST", "/pos/cart/{product}/remove", ANY_STAFF),
            endpoint("POST", "/pos/cart/repeat-last", ANY_STAFF),
            endpoint("POST", "/pos/reward/{product}", ANY_STAFF),
            endpoint("POST", "/pos/reward/clear", ANY_STAFF),
            endpoint("GET", "/pos/customers?q=role", ANY_STAFF),
            endpoint("POST", "/pos/customer/{customer}", ANY_STAFF),
            endpoint("POST", "/pos/customer/clear", ANY_STAFF),
            endpoint("POST", "/pos/customer/notes", ANY_STAFF, (r, f) -> r.param("notes", "role matrix")),
            endpoint("GET", "/pos/customer/consents", ANY_STAFF),
            endpoint("GET", "/pos/customer/loyalty", ANY_STAFF),
            endpoint("POST", "/pos/customer/loyalty/enrolment", ANY_STAFF),
            endpoint("POST", "/pos/customer/consents/SMS", ANY_STAFF, (r, f) -> r.param("state", "GRANTED")),
            endpoint("GET", "/pos/customers/new?q=role", ANY_STAFF),
            endpoint(
                    "POST",
                    "/pos/customers",
                    ANY_STAFF,
                    (r, f) -> r.param("name", "Role Till New").param("phone", Fixtures.uniquePhone())),
            endpoint(
                    "POST",
                    "/pos/checkout",
                    ANY_STAFF,
                    (r, f) -> r.param("orderType", "DINE_IN").param("paymentMethod", "CASH")),
            endpoint("POST", "/pos/new-sale", ANY_STAFF),
            endpoint("GET", "/pos/orders", ANY_STAFF),
            endpoint("GET", "/pos/orders/{order}", ANY_STAFF),
            endpoint("GET", "/pos/cash-up", ANY_STAFF),
            endpoint("POST", "/pos/orders/{order}/void", MANAGER_UP),
            endpoint(
                    "POST",
                    "/pos/orders/{order}/refunds",
                    MANAGER_UP,
                    (r, f) -> r.param("product", f.product().id().toString()).param("quantity", "1")),
            endpoint("GET", "/pos/orders/{order}/refunds/00000000-0000-0000-0000-000000000001", ANY_STAFF),
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
            endpoint("GET", "/api/v1/products/{product}", ANY_STAFF),
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
            endpoint(
                    "PATCH",
                    "/api/v1/customers/{customer}",
                    ANY_STAFF,
                    (r, f) -> r.contentType("application/merge-patch+json").content(object("notes", "Role Matrix"))),
            endpoint("DELETE", "/api/v1/customers/{customer}", MANAGER_UP),
            endpoint(
                    "POST",
                    "/api/v1/customers/{customer}/erasure",
                    ADMIN_ONLY,
                    (r, f) -> json(r, object("reason", "Role matrix request"))),
            endpoint("GET", "/api/v1/privacy/retention", ADMIN_ONLY),
            endpoint(
                    "PUT",
                    "/api/v1/privacy/retention",
                    ADMIN_ONLY,
                    (r, f) -> json(r, object("enabled", false, "inactiveMonths", 36))),
            endpoint("GET", "/api/v1/privacy/retention/preview", ADMIN_ONLY),
            endpoint("POST", "/api/v1/privacy/retention/run", ADMIN_ONLY),
            new Endpoint(
                    "POST",
                    "/api/v1/customers/imports",
                    MANAGER_UP,
                    (r, f) -> ((MockMultipartHttpServletRequestBuilder) r)
                            .file(new MockMultipartFile(
                                    "file",
                                    "c.csv",
                                    "text/csv",
                                    ("name\r\n" + uniqueUsername("Role Api Import") + "\r\n")
                                            .getBytes(StandardCharsets.UTF_8)))
                            .param("dryRun", "true"),
                    true),
            endpoint("GET", "/api/v1/customers?q=role", ANY_STAFF),
            endpoint("GET", "/api/v1/customers/{customer}", ANY_STAFF),
            endpoint(
                    "GET",
                    "/api/v1/customers/lookup",
                    ANY_STAFF,
                    (r, f) -> r.param("phone", f.customer().phone())),
            endpoint("GET", "/api/v1/customers/{customer}/orders", ANY_STAFF),
            endpoint("GET", "/api/v1/customers/{customer}/data-export", MANAGER_UP),
            // --- API: consents ----------------------------------------------------------------------------
            endpoint("GET", "/api/v1/customers/{customer}/consents", ANY_STAFF),
            endpoint(
                    "PUT",
                    "/api/v1/customers/{customer}/consents/EMAIL",
                    ANY_STAFF,
                    (r, f) -> json(r, object("state", "GRANTED", "source", "TILL"))),
            endpoint("GET", "/api/v1/customers/{customer}/consents/history", ANY_STAFF),
            endpoint("GET", "/api/v1/privacy/consent-wordings", ANY_STAFF),
            endpoint(
                    "PUT",
                    "/api/v1/privacy/consent-wordings/LOYALTY",
                    ADMIN_ONLY,
                    (r, f) -> json(r, object("text", "Join our club? " + uniqueUsername("role")))),
            // --- API: loyalty ------------------------------------------------------------------------------
            endpoint("GET", "/api/v1/loyalty/program", ANY_STAFF),
            endpoint("PUT", "/api/v1/loyalty/program", ADMIN_ONLY, (r, f) -> json(r, "{}")),
            endpoint("GET", "/api/v1/loyalty/report", MANAGER_UP),
            endpoint("GET", "/api/v1/customers/{customer}/loyalty", ANY_STAFF),
            endpoint("GET", "/api/v1/customers/{customer}/loyalty/entries", ANY_STAFF),
            endpoint(
                    "POST",
                    "/api/v1/customers/{customer}/loyalty/enrolment",
                    ANY_STAFF,
                    (r, f) -> json(r, object("source", "TILL"))),
            endpoint(
                    "POST",
                    "/api/v1/customers/{customer}/loyalty/adjustments",
                    MANAGER_UP,
                    (r, f) -> json(r, object("points", 5, "reason", "Role matrix"))),
            // --- API: orders -------------------------------------------------------------------------------
            endpoint(
                    "POST",
                    "/api/v1/orders",
                    ANY_STAFF,
                    (r, f) -> json(
                            r,
                            Sales.of(f.product(), 1).forCustomer(f.customer()).json())),
            endpoint("GET", "/api/v1/orders/{order}", ANY_STAFF),
            endpoint("POST", "/api/v1/orders/{order}/void", MANAGER_UP),
            endpoint(
                    "POST",
                    "/api/v1/orders/{order}/refunds",
                    MANAGER_UP,
                    (r, f) -> json(
                            r.header("Idempotency-Key", UUID.randomUUID().toString()),
                            object(
                                    "lines",
                                    raw("["
                                            + object(
                                                    "productId",
                                                    f.product().id().toString(),
                                                    "quantity",
                                                    1) + "]")))),
            endpoint("GET", "/api/v1/orders/{order}/refunds/00000000-0000-0000-0000-000000000001", ANY_STAFF),
            endpoint("POST", "/api/v1/admin/legacy-orders/link", MANAGER_UP),
            endpoint("GET", "/api/v1/admin/reconciliation", ADMIN_ONLY),
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
            endpoint("GET", "/api/v1/staff", ADMIN_ONLY),
            endpoint("GET", "/api/v1/staff/{staff}", ADMIN_ONLY),
            // --- API: privacy ------------------------------------------------------------------------------
            endpoint("GET", "/api/v1/privacy/settings", ANY_STAFF),
            endpoint(
                    "PUT",
                    "/api/v1/privacy/settings",
                    ADMIN_ONLY,
                    (r, f) -> json(r, object("cashiersSeeContactDetails", false))),
            endpoint("GET", "/api/v1/privacy/audit?customerId={customer}", ADMIN_ONLY));

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
        ProductView product = Products.create(products, "Role Coffee", category, "3.10");
        CustomerView customer = Customers.withPhone(customers, "Role Matrix One");
        CustomerView customer2 = Customers.withPhone(customers, "Role Matrix Two");
        OrderView order = Sales.of(product, 1).forCustomer(customer).placeWith(orders, "cashier");
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
        AbstractMockHttpServletRequestBuilder<?> request = request(endpoint, uri);
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

        if (role == Role.ANONYMOUS && !endpoint.allowed().contains(Role.ANONYMOUS)) {
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

    AbstractMockHttpServletRequestBuilder<?> request(Endpoint endpoint, URI uri) {
        AbstractMockHttpServletRequestBuilder<?> request = endpoint.multipart()
                ? MockMvcRequestBuilders.multipart(uri)
                : (AbstractMockHttpServletRequestBuilder<?>)
                        MockMvcRequestBuilders.request(HttpMethod.valueOf(endpoint.method()), uri);
        return endpoint.details().apply(request, fixture);
    }

    /**
     * Handlers the table leaves out on purpose, by class: Spring Boot's error page and springdoc's API documents and
     * Swagger UI are framework endpoints, open by design. Every other handler, the app's own above all, needs a row.
     */
    static final Set<String> NOT_IN_THE_TABLE = Set.of(
            "org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController",
            "org.springdoc.webmvc.api.OpenApiWebMvcResource",
            "org.springdoc.webmvc.ui.SwaggerConfigResource",
            "org.springdoc.webmvc.ui.SwaggerWelcomeWebMvc");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    WebApplicationContext context;

    @Test
    void everyHandlerHasARowInTheTable() throws Exception {
        // What the application serves: every pattern and HTTP method of every handler method.
        Set<String> served = new TreeSet<>();
        List<String> unexpected = new ArrayList<>();
        handlerMapping.getHandlerMethods().forEach((info, handler) -> {
            String type = handler.getBeanType().getName();
            if (NOT_IN_THE_TABLE.contains(type)) {
                return;
            }
            if (!type.startsWith("app.pos.")) {
                unexpected.add(info + " of " + type);
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            assertThat(methods)
                    .as("the HTTP methods of %s (one mapping per method)", handler)
                    .isNotEmpty();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    served.add(method + " " + pattern);
                }
            }
        });

        // What the table covers: the handler that each row's request reaches, as the DispatcherServlet finds it.
        Set<String> covered = new TreeSet<>();
        List<String> astray = new ArrayList<>();
        for (Endpoint endpoint : TABLE) {
            MockHttpServletRequest request = request(endpoint, URI.create(fixture.resolve(endpoint.path())))
                    .buildRequest(context.getServletContext());
            ServletRequestPathUtils.parseAndCache(request);
            try {
                if (handlerMapping.getHandler(request) == null) {
                    astray.add(endpoint + " reaches no handler");
                } else {
                    covered.add(endpoint.method() + " "
                            + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
                }
            } catch (Exception e) {
                astray.add(endpoint + " reaches no handler: " + e);
            }
        }

        assertThat(unexpected)
                .as("handlers outside app.pos that are not in NOT_IN_THE_TABLE (add a row, or skip them by name)")
                .isEmpty();
        assertThat(astray).as("rows whose request no handler serves").isEmpty();
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(covered);
        assertThat(missing)
                .as("endpoints and pages without a row in TABLE (add one with the roles allowed)")
                .isEmpty();
    }
}
