package app.pos.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.shared.CustomerDetails;
import app.pos.staff.NewStaff;
import app.pos.staff.StaffRole;
import app.pos.staff.StaffService;
import app.pos.support.DatabaseState;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Property-style robustness of every POST/PUT/PATCH endpoint of the API: thousands of malformed and hostile requests,
 * generated from a fixed seed (printed; override with {@code -Dhostile.seed=N}), each sent as the role allowed to
 * call the endpoint. Properties: no request is answered with a 5xx (or escapes as an exception), none is refused
 * for authentication or authorization (the request really reached the endpoint), and a rejected request (4xx)
 * leaves the database exactly as it was. Valid payloads may be generated too and may be accepted.
 */
@PostgresIntegrationTest
class HostileInputPostgresIntegrationTests {

    private static final long SEED = Long.getLong("hostile.seed", 20_260_607L);
    private static final int CASES_PER_ENDPOINT = 350;
    private static final AtomicInteger SENT = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    @Autowired
    StaffService staff;

    @Autowired
    OrderService orders;

    ProductView product;
    CustomerView customer;
    UUID staffMember;
    List<UUID> ordersToVoid;
    final List<String> createdStaff = new ArrayList<>();

    @BeforeAll
    static void seed() {
        System.out.println("[hostile] seed " + SEED + " (rerun with -Dhostile.seed=" + SEED + ")");
    }

    @AfterAll
    static void total() {
        System.out.println("[hostile] " + SENT.get() + " requests sent in total");
    }

    @BeforeEach
    void targets() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        product = Products.create(products, "Hostile Tea " + run, "Hostile", "2.50");
        customer = customers.create(new CustomerDetails("Hostile Hannah " + run, null, null, "1 Test Street"));
        staffMember = staff.create(new NewStaff("hostile-target-" + run, "hostile-target-password", StaffRole.CASHIER))
                .id();
        ordersToVoid = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ordersToVoid.add(Sales.of(product, 1)
                    .forCustomer(customer)
                    .placeWith(orders, "hostile")
                    .id());
        }
    }

    @AfterEach
    void retireCreatedStaff() {
        // Generated payloads may create staff users, some of them ADMINs; leave none active for other test classes.
        createdStaff.add(staffMember.toString());
        for (String id : createdStaff) {
            jdbc.sql("UPDATE staff_users SET active = FALSE WHERE id = :id")
                    .param("id", UUID.fromString(id))
                    .update();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HostileEndpoint.class)
    void hostileRequestsAreRefusedCleanlyAndChangeNothing(HostileEndpoint endpoint) throws Exception {
        HostilePayloads generator = new HostilePayloads(
                new Random(SEED * 31 + endpoint.ordinal()),
                endpoint,
                new HostilePayloads.Targets(product.id(), customer.id(), ordersToVoid));
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();

        // A valid request first: the role and the targets are right, so the hostile ones are judged by the endpoint.
        int valid = send(endpoint, generator.valid(), failures, statuses);
        assertThat(valid).as("a valid request to %s", endpoint).isBetween(200, 299);

        // The two mandated extremes, then the generated cases.
        List<HostilePayloads.Payload> payloads = new ArrayList<>();
        payloads.add(generator.deeplyNested(2_000, "[", "]", false));
        payloads.add(generator.deeplyNested(2_000, "{\"a\":", "}", true));
        payloads.add(generator.deeplyNested(2_000, "[", "]", true));
        payloads.addAll(generator.everyFieldMissingAndOfEveryWrongType());
        for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
            payloads.add(generator.next());
        }
        for (HostilePayloads.Payload payload : payloads) {
            send(endpoint, payload, failures, statuses);
        }
        HostilePayloads.Payload oversized = generator.oversized();
        int status = send(endpoint, oversized, failures, statuses);
        if (status != 413) {
            failures.add(endpoint + " answered " + status + " instead of 413 to " + oversized.shown());
        }

        System.out.printf(
                "[hostile] %s: %d requests in %d ms, statuses %s%n",
                endpoint, payloads.size() + 2, (System.nanoTime() - started) / 1_000_000, statuses);
        assertThat(failures)
                .as(
                        "%d of %d requests to %s broke a property (seed %d):%n%s",
                        failures.size(),
                        payloads.size() + 2,
                        endpoint,
                        SEED,
                        String.join("\n", failures.subList(0, Math.min(40, failures.size()))))
                .isEmpty();
        assertThat(statuses.keySet()).as("statuses of %s", endpoint).anyMatch(s -> s >= 400);
    }

    private int send(
            HostileEndpoint endpoint,
            HostilePayloads.Payload payload,
            List<String> failures,
            Map<Integer, Integer> statuses) {
        SENT.incrementAndGet();
        DatabaseState before = DatabaseState.of(jdbc);
        String id = payload.id() != null
                ? payload.id()
                : switch (endpoint) {
                    case UPDATE_PRODUCT -> product.id().toString();
                    case UPDATE_CUSTOMER, PATCH_CUSTOMER, RECORD_CONSENT ->
                        customer.id().toString();
                    case UPDATE_STAFF -> staffMember.toString();
                    case VOID_ORDER -> ordersToVoid.get(0).toString();
                    default -> null;
                };
        MockHttpServletRequestBuilder builder =
                id == null ? request(endpoint.method, endpoint.path) : request(endpoint.method, endpoint.path, id);
        builder.with(endpoint.role()).content(payload.body());
        if (payload.contentType() != null) {
            builder.header("Content-Type", payload.contentType());
        }
        payload.headers().forEach(builder::header);
        int status;
        MvcResult result;
        try {
            result = mvc.perform(builder).andReturn();
            status = result.getResponse().getStatus();
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            failures.add(endpoint + " threw " + e + " (root cause " + root + " at "
                    + Arrays.stream(root.getStackTrace())
                            .limit(12)
                            .map(String::valueOf)
                            .toList() + ") for " + payload.shown());
            statuses.merge(-1, 1, Integer::sum);
            return -1;
        }
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500) {
            failures.add(
                    endpoint + " answered " + status + " " + HostilePayloads.shown(result) + " to " + payload.shown());
        }
        if (status == 401 || status == 403) {
            failures.add(endpoint + " answered " + status + " (the request never reached the endpoint) to "
                    + payload.shown());
        }
        if (status >= 400) {
            DatabaseState after = DatabaseState.of(jdbc);
            if (!before.equals(after)) {
                failures.add(endpoint + " rejected (" + status + ") but changed the database from " + before + " to "
                        + after + ": " + payload.shown());
            }
        } else if (status == 201 && endpoint == HostileEndpoint.CREATE_STAFF) {
            String location = result.getResponse().getHeader("Location");
            if (location != null) {
                createdStaff.add(location.substring(location.lastIndexOf('/') + 1));
            }
        }
        return status;
    }
}
