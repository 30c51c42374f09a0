package app.pos.privacy;

import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditLog;
import app.pos.catalog.ProductService;
import app.pos.customer.CustomerErasure;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.shared.CustomerDetails;
import app.pos.support.Api;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import app.pos.support.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The retention policy on PostgreSQL: its API and validation, the dry run, a run that erases exactly the customers
 * with no visit and no change for N months (made in 1901 with the test clock, and erased at 1,200 months: no other
 * test's customer is that old), the audit entries, and the daily job that two instances start at once but only one
 * runs (ShedLock).
 */
@PostgresIntegrationTest
class RetentionPostgresIntegrationTests {

    private static final Instant LONG_AGO = Instant.parse("1901-03-01T10:00:00Z");

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

    @Autowired
    Retention retention;

    @Autowired
    RetentionJob job;

    @Autowired
    AuditLog audit;

    @Autowired
    TestClock clock;

    @Autowired
    CustomerErasure erasure;

    @BeforeEach
    @AfterEach
    void defaults() {
        ErasureFixture.retentionAsNew(jdbc, erasure, clock);
        releaseLock();
    }

    @Test
    void thePolicyIsReadAndChangedByAnAdminOnlyAndValidated() throws Exception {
        mvc.perform(get("/api/v1/privacy/retention").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.inactiveMonths").value(36))
                .andExpect(jsonPath("$.lastRunAt").hasJsonPath())
                .andExpect(jsonPath("$.lastRunErased").hasJsonPath());
        for (var who : List.of(cashier(), manager())) {
            mvc.perform(get("/api/v1/privacy/retention").with(who)).andExpect(status().isForbidden());
            mvc.perform(Api.putJson("/api/v1/privacy/retention", "{\"enabled\": true, \"inactiveMonths\": 24}")
                            .with(who))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/privacy/retention/run").with(who)).andExpect(status().isForbidden());
        }
        for (String bad : new String[] {
            "{\"enabled\": true, \"inactiveMonths\": 0}",
            "{\"enabled\": true, \"inactiveMonths\": 1201}",
            "{\"enabled\": true}",
            "{\"inactiveMonths\": 12}",
            "{\"enabled\": true, \"inactiveMonths\": \"many\"}"
        }) {
            mvc.perform(Api.putJson("/api/v1/privacy/retention", bad).with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(Api.putJson("/api/v1/privacy/retention", "{\"enabled\": true, \"inactiveMonths\": 0}")
                        .with(admin()))
                .andExpect(jsonPath("$.errors[0].field").value("inactiveMonths"));
        assertThat(retention.policy().inactiveMonths()).as("nothing changed").isEqualTo(36);

        mvc.perform(Api.putJson("/api/v1/privacy/retention", "{\"enabled\": true, \"inactiveMonths\": 24}")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.inactiveMonths").value(24));
        assertThat(retention.policy().enabled()).isTrue();
    }

    @Test
    void aRunErasesThoseWithNoVisitAndNoChangeForNMonthsAndThePreviewSaysWhoBeforehand() throws Exception {
        String tag = ErasureFixture.tag();
        clock.set(LONG_AGO);
        CustomerView never = create("Olga Oldest" + tag);
        CustomerView visitedLongAgo = create("Victor Visited" + tag);
        CustomerView changedSince = create("Chen Changed" + tag);
        CustomerView visitedSince = create("Vera Visitor" + tag);
        var latte = Products.create(products, "Latte", "Retention " + tag, "4.20");
        Sales.of(latte, 1).forCustomer(visitedLongAgo.id()).placeWith(orders, "cashier");
        clock.reset();
        customers.update(changedSince.id(), new CustomerDetails(changedSince.name() + " Jr", null, null, null));
        Sales.of(latte, 1).forCustomer(visitedSince.id()).placeWith(orders, "cashier");
        CustomerView recent = create("Rita Recent" + tag);
        jdbc.sql("UPDATE retention_policy SET inactive_months = 1200 WHERE id = 1")
                .update();

        mvc.perform(get("/api/v1/privacy/retention/preview").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(2))
                .andExpect(jsonPath("$.sample.length()").value(2))
                .andExpect(jsonPath("$.sample[*].maskedName", containsInAnyOrder("O. O. •••", "V. V. •••")));
        assertThat(customers.find(never.id())).as("a preview erases nothing").isPresent();

        mvc.perform(post("/api/v1/privacy/retention/run").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.erased").value(2));

        assertThat(customers.find(never.id())).isEmpty();
        assertThat(customers.find(visitedLongAgo.id())).isEmpty();
        assertThat(customers.find(changedSince.id())).as("changed since").isPresent();
        assertThat(customers.find(visitedSince.id())).as("visited since").isPresent();
        assertThat(customers.find(recent.id())).isPresent();
        mvc.perform(get("/api/v1/customers/" + never.id()).with(cashier())).andExpect(status().isGone());
        assertThat(audit.about(never.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.CUSTOMER_ERASED);
            assertThat(e.detail()).isEqualTo("retention");
            assertThat(e.staff()).isEqualTo("admin");
        });
        assertThat(retention.policy().lastRunErased()).isEqualTo(2);
        assertThat(retention.lastRuns(1)).singleElement().satisfies(r -> {
            assertThat(r.erased()).isEqualTo(2);
            assertThat(r.inactiveMonths()).isEqualTo(1200);
            assertThat(r.startedBy()).isEqualTo("admin");
        });
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'RETENTION_RUN' ORDER BY id DESC LIMIT 1")
                        .query(String.class)
                        .single())
                .isEqualTo("erased 2 (inactive 1200 months)");
        mvc.perform(get("/api/v1/privacy/retention/preview").with(admin()))
                .andExpect(jsonPath("$.count").value(0));
    }

    @Test
    void theDailyJobDoesNothingWhileThePolicyIsOffAndTwoInstancesStartingItAtOnceRunItOnce() throws Exception {
        String tag = ErasureFixture.tag();
        clock.set(LONG_AGO);
        List<CustomerView> old =
                List.of(create("Ann Ancient" + tag), create("Bob Bygone" + tag), create("Cy Crusty" + tag));
        clock.reset();
        jdbc.sql("UPDATE retention_policy SET inactive_months = 1200 WHERE id = 1")
                .update();
        long runsBefore = runs();

        job.run();
        assertThat(old).allSatisfy(c -> assertThat(customers.find(c.id())).isPresent());
        assertThat(runs()).as("off: no run").isEqualTo(runsBefore);
        releaseLock();

        jdbc.sql("UPDATE retention_policy SET enabled = TRUE WHERE id = 1").update();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> instances = List.of(1, 2).stream()
                .map(i -> CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    job.run();
                }))
                .toList();
        start.countDown();
        CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).join();

        assertThat(runs() - runsBefore).as("one of the two concurrent ones").isEqualTo(1);
        assertThat(old).allSatisfy(c -> assertThat(customers.find(c.id())).isEmpty());
        assertThat(retention.lastRuns(1)).singleElement().satisfies(r -> {
            assertThat(r.erased()).isEqualTo(3);
            assertThat(r.startedBy()).isEqualTo(AuditLog.SYSTEM);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'retention'")
                        .query(Long.class)
                        .single())
                .as("the lock row ShedLock took")
                .isEqualTo(1);

        job.run();
        assertThat(runs() - runsBefore)
                .as("still locked: a second start the same night does nothing")
                .isEqualTo(1);
    }

    private CustomerView create(String name) {
        return customers.create(new CustomerDetails(name, uniquePhone(), null, null));
    }

    /** Ends ShedLock's lock as the night after would (it keeps the row, and knows it exists). */
    private void releaseLock() {
        jdbc.sql("UPDATE shedlock SET lock_until = TIMESTAMP '2000-01-01 00:00:00'")
                .update();
    }

    private long runs() {
        return jdbc.sql("SELECT COUNT(*) FROM retention_runs").query(Long.class).single();
    }
}
