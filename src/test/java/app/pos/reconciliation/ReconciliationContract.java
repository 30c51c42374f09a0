package app.pos.reconciliation;

import static app.pos.support.Api.postJson;
import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerMerge;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.CustomerTotals;
import app.pos.order.OrderRefunds;
import app.pos.order.OrderService;
import app.pos.order.OrderView;
import app.pos.order.RefundOrder;
import app.pos.reconciliation.ReconciliationReport.PointsMismatch;
import app.pos.reconciliation.ReconciliationReport.StatsMismatch;
import app.pos.shared.CustomerDetails;
import app.pos.support.Customers;
import app.pos.support.Fixtures;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reconciliation, run on PostgreSQL and H2 by the two subclasses. Other tests share the database (and some
 * write orders by hand), so it never expects the whole shop to be consistent: it checks what it finds about its
 * own customers, and counts relative to a run before its change. What it tampers with it puts back.
 */
abstract class ReconciliationContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderService orders;

    @Autowired
    OrderRefunds refunds;

    @Autowired
    CustomerMerge merge;

    @Autowired
    CustomerTotals totals;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    ReconciliationJob job;

    ProductView latte;
    ProductView muffin;
    final List<UUID> tampered = new ArrayList<>();

    @BeforeEach
    void menuAndProgram() throws Exception {
        String category = uniqueName("Reconciled");
        latte = Products.create(products, "Latte", category, "4.20");
        muffin = Products.create(products, "Muffin", category, "3.35");
        mvc.perform(putJson("/api/v1/loyalty/program", "{\"enabled\":true}").with(admin()))
                .andExpect(status().isOk());
    }

    @AfterEach
    void putBackWhatWasTamperedWith() throws Exception {
        for (UUID id : tampered) {
            customers.recomputeStats(id);
            jdbc.sql("""
                    UPDATE loyalty_balances SET
                        balance = (SELECT COALESCE(SUM(points), 0) FROM loyalty_entries e WHERE e.customer_id = :id),
                        lifetime_earned = (SELECT COALESCE(SUM(points), 0) FROM loyalty_entries e
                                           WHERE e.customer_id = :id AND e.type IN ('EARN', 'REVERSAL'))
                    WHERE customer_id = :id
                    """).param("id", id).update();
        }
        mvc.perform(putJson("/api/v1/loyalty/program", "{}").with(admin())).andExpect(status().isOk());
    }

    CustomerView member(String name) throws Exception {
        CustomerView customer = Customers.withPhone(customers, uniqueName(name));
        mvc.perform(postJson("/api/v1/customers/" + customer.id() + "/loyalty/enrolment", "{}")
                        .with(cashier()))
                .andExpect(status().isOk());
        return customer;
    }

    /** Everything, every mismatch listed, in small pages so that page boundaries are crossed. */
    ReconciliationReport everything() {
        return reconciliation.check(7, Integer.MAX_VALUE);
    }

    static Map<UUID, StatsMismatch> stats(ReconciliationReport report) {
        assertThat(report.statsDifferences()).hasSize(report.statsMismatches());
        return report.statsDifferences().stream()
                .collect(Collectors.toMap(StatsMismatch::customerId, Function.identity()));
    }

    static Map<UUID, PointsMismatch> points(ReconciliationReport report) {
        assertThat(report.pointsDifferences()).hasSize(report.pointsMismatches());
        return report.pointsDifferences().stream()
                .collect(Collectors.toMap(PointsMismatch::customerId, Function.identity()));
    }

    void legacyOrder(String phone, String total, String status, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO orders (id, number, customer_name, customer_number, order_type, payment_method, status,
                                    subtotal, discount, tax, total, created_at)
                VALUES (:id, nextval('order_number_seq'), 'Legacy Lou', :phone, 'DINE_IN', 'CASH', :status,
                        :total, 0, 0, :total, :at)
                """)
                .param("id", UUID.randomUUID())
                .param("phone", phone)
                .param("status", status)
                .param("total", new BigDecimal(total))
                .param("at", at)
                .update();
    }

    @Test
    void ordersVoidsRefundsMergesAndLegacyOrdersLeaveNoMismatch() throws Exception {
        ReconciliationReport before = everything();
        CustomerView ada = member("Ada Reconciled");
        CustomerView bob = Customers.withPhone(customers, uniqueName("Bob Reconciled"));
        CustomerView nobody = Customers.withPhone(customers, uniqueName("Nora No-orders"));
        OrderView kept = Sales.of(latte, 2).and(muffin, 1).forCustomer(ada).placeWith(orders, "cashier");
        OrderView voided = Sales.of(latte, 5).forCustomer(ada).placeWith(orders, "cashier");
        orders.voidOrder(voided.id(), "manager");
        refunds.refund(
                kept.id(), new RefundOrder(List.of(new RefundOrder.Line(latte.id(), 1)), "cold"), null, "manager");
        OrderView bobs = Sales.of(muffin, 3).forCustomer(bob).placeWith(orders, "cashier");
        refunds.refund(
                bobs.id(), new RefundOrder(List.of(new RefundOrder.Line(muffin.id(), 3)), null), null, "manager");
        Sales.of(latte, 1).forCustomer(bob).placeWith(orders, "cashier");
        CustomerView carl = member("Carl Kept");
        CustomerView dup = member("Carl Duplicate");
        Sales.of(latte, 4).forCustomer(carl).placeWith(orders, "cashier");
        Sales.of(muffin, 4).forCustomer(dup).placeWith(orders, "cashier");
        merge.merge(
                new CustomerMerge.Command(
                        carl.id(), dup.id(), new CustomerDetails(carl.name(), carl.phone(), null, null, null)),
                "manager");
        String legacyPhone = Fixtures.uniquePhone();
        legacyOrder(legacyPhone, "12.50", "COMPLETED", OffsetDateTime.parse("2023-05-01T09:00:00Z"));
        legacyOrder(legacyPhone, "3.00", "VOIDED", OffsetDateTime.parse("2023-06-01T09:00:00Z"));
        legacyOrder(ada.phone(), "20.00", "COMPLETED", OffsetDateTime.parse("2022-01-01T09:00:00Z"));
        mvc.perform(post("/api/v1/admin/legacy-orders/link").with(manager())).andExpect(status().isOk());
        CustomerView lou = customers.lookupByPhone(legacyPhone);
        assertThat(customers.get(ada.id()).visitCount())
                .as("ada's own order and her legacy one")
                .isEqualTo(2);

        ReconciliationReport after = everything();

        Set<UUID> ours = Set.of(ada.id(), bob.id(), nobody.id(), lou.id(), carl.id(), dup.id());
        assertThat(stats(after).keySet()).as("no false positives").doesNotContainAnyElementsOf(ours);
        assertThat(points(after).keySet()).doesNotContainAnyElementsOf(ours);
        assertThat(after.statsMismatches()).isEqualTo(before.statsMismatches());
        assertThat(after.pointsMismatches()).isEqualTo(before.pointsMismatches());
        var all = totals.between(null, null);
        for (UUID id : List.of(ada.id(), bob.id(), lou.id(), carl.id())) {
            assertThat(all.get(id))
                    .as("the totals of many customers at once are each one's")
                    .isEqualTo(totals.of(id));
        }
        assertThat(all).doesNotContainKeys(nobody.id(), dup.id());
        assertThat(after.customersChecked()).isEqualTo(before.customersChecked() + 5);
        assertThat(after.loyaltyAccountsChecked()).isGreaterThan(before.loyaltyAccountsChecked());
        assertThat(reconciliation.check(10_000, Integer.MAX_VALUE))
                .as("one big page finds what small ones do")
                .usingRecursiveComparison()
                .ignoringFields("checkedAt", "durationMillis")
                .isEqualTo(after);
    }

    @Test
    void aStatsRowChangedBehindTheOrdersBackIsReportedWithTheCustomerAndBothValues() throws Exception {
        CustomerView ada = Customers.withPhone(customers, uniqueName("Ada Tampered"));
        CustomerView bob = Customers.withPhone(customers, uniqueName("Bob Tampered"));
        CustomerView eve = Customers.withPhone(customers, uniqueName("Eve Untouched"));
        OrderView adas = Sales.of(latte, 1).forCustomer(ada).placeWith(orders, "cashier");
        Sales.of(muffin, 1).forCustomer(bob).placeWith(orders, "cashier");
        Sales.of(muffin, 1).forCustomer(eve).placeWith(orders, "cashier");
        ReconciliationReport before = everything();
        tampered.addAll(List.of(ada.id(), bob.id()));

        jdbc.sql("UPDATE customers SET total_spent = total_spent + 1.00, visit_count = 7 WHERE id = :id")
                .param("id", ada.id())
                .update();
        jdbc.sql("UPDATE customers SET last_visit_at = :at WHERE id = :id")
                .param("id", bob.id())
                .param("at", OffsetDateTime.parse("2020-01-01T00:00:00Z"))
                .update();
        ReconciliationReport after = everything();

        Map<UUID, StatsMismatch> found = stats(after);
        assertThat(after.statsMismatches()).isEqualTo(before.statsMismatches() + 2);
        assertThat(found).containsKeys(ada.id(), bob.id()).doesNotContainKey(eve.id());
        StatsMismatch adasMismatch = found.get(ada.id());
        assertThat(adasMismatch.stored().totalSpent())
                .isEqualByComparingTo(adas.total().add(BigDecimal.ONE));
        assertThat(adasMismatch.stored().visits()).isEqualTo(7);
        assertThat(adasMismatch.expected().totalSpent()).isEqualByComparingTo(adas.total());
        assertThat(adasMismatch.expected().visits()).isEqualTo(1);
        assertThat(found.get(bob.id()).stored().lastVisit().toInstant())
                .isEqualTo(OffsetDateTime.parse("2020-01-01T00:00:00Z").toInstant());
        assertThat(found.get(bob.id()).expected().visits()).isEqualTo(1);
        assertThat(after.pointsMismatches()).isEqualTo(before.pointsMismatches());
    }

    @Test
    void aLoyaltyBalanceOrLifetimeChangedBehindTheLedgersBackIsReportedWithTheCustomer() throws Exception {
        CustomerView ada = member("Ada Points");
        CustomerView bob = member("Bob Points");
        CustomerView eve = member("Eve Points");
        Sales.of(latte, 3).forCustomer(ada).placeWith(orders, "cashier");
        OrderView bobs = Sales.of(latte, 3).forCustomer(bob).placeWith(orders, "cashier");
        orders.voidOrder(bobs.id(), "manager");
        Sales.of(muffin, 3).forCustomer(bob).placeWith(orders, "cashier");
        Sales.of(latte, 3).forCustomer(eve).placeWith(orders, "cashier");
        ReconciliationReport before = everything();
        assertThat(points(before).keySet()).doesNotContain(ada.id(), bob.id(), eve.id());
        tampered.addAll(List.of(ada.id(), bob.id()));

        jdbc.sql("UPDATE loyalty_balances SET balance = balance + 5 WHERE customer_id = :id")
                .param("id", ada.id())
                .update();
        jdbc.sql("UPDATE loyalty_balances SET lifetime_earned = lifetime_earned + 12 WHERE customer_id = :id")
                .param("id", bob.id())
                .update();
        ReconciliationReport after = everything();

        Map<UUID, PointsMismatch> found = points(after);
        assertThat(after.pointsMismatches()).isEqualTo(before.pointsMismatches() + 2);
        assertThat(found).containsKeys(ada.id(), bob.id()).doesNotContainKey(eve.id());
        assertThat(found.get(ada.id()))
                .as("12.60 before tax: 12 points, stored 17")
                .isEqualTo(new PointsMismatch(ada.id(), 17, 12, 12, 12));
        assertThat(found.get(bob.id()))
                .as("the voided order's 12 points went and came back; the muffins earned 10")
                .isEqualTo(new PointsMismatch(bob.id(), 10, 10, 22, 10));
        assertThat(after.statsMismatches()).isEqualTo(before.statsMismatches());
    }

    @Test
    void theApiRunsItForAnAdminAndTheDashboardShowsTheLastRun() throws Exception {
        CustomerView ada = Customers.withPhone(customers, uniqueName("Ada Dashboard"));
        Sales.of(latte, 1).forCustomer(ada).placeWith(orders, "cashier");
        tampered.add(ada.id());
        jdbc.sql("UPDATE customers SET visit_count = visit_count + 1 WHERE id = :id")
                .param("id", ada.id())
                .update();

        var result = mvc.perform(get("/api/v1/admin/reconciliation").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customersChecked").isNumber())
                .andExpect(jsonPath("$.statsMismatches").isNumber())
                .andExpect(jsonPath("$.pointsMismatches").isNumber())
                .andExpect(jsonPath("$.checkedAt").isString())
                .andExpect(jsonPath("$.statsDifferences").isArray())
                .andReturn();
        int statsMismatches = app.pos.support.Json.read(result, "$.statsMismatches");
        assertThat(statsMismatches).isPositive();
        mvc.perform(get("/api/v1/admin/reconciliation").with(manager())).andExpect(status().isForbidden());
        ReconciliationRun apiRun = reconciliation.last().orElseThrow();
        assertThat(apiRun.startedBy()).isEqualTo("admin");
        assertThat(apiRun.statsMismatches()).isEqualTo(statsMismatches);

        job.run();
        ReconciliationRun nightly = reconciliation.last().orElseThrow();
        assertThat(nightly.startedBy()).as("the nightly job").isNull();
        assertThat(nightly.statsMismatches()).isPositive();
        Element shown = dashboard().getElementById("reconciliation");
        assertThat(shown.getElementById("reconciliation-result").text())
                .contains("Warning: " + nightly.statsMismatches() + " customers")
                .contains(nightly.pointsMismatches() + " loyalty balances");
        assertThat(shown.getElementById("reconciliation-when").text())
                .contains(nightly.customersChecked() + " customers");

        jdbc.sql("""
                INSERT INTO reconciliation_runs (checked_at, duration_ms, customers_checked, loyalty_accounts_checked,
                                                 stats_mismatches, points_mismatches)
                VALUES (:at, 1200, 123456, 789, 0, 0)
                """).param("at", OffsetDateTime.parse("2026-01-02T04:15:00Z")).update();
        Element consistent = dashboard().getElementById("reconciliation");
        assertThat(consistent.getElementById("reconciliation-result").text()).startsWith("No mismatches");
        assertThat(consistent.getElementById("reconciliation-result").attr("role"))
                .isEmpty();
        assertThat(consistent.getElementById("reconciliation-when").text()).contains("123456 customers");
    }

    org.jsoup.nodes.Document dashboard() throws Exception {
        String html = mvc.perform(get("/admin").with(manager()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }
}
