package app.pos.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import app.pos.customer.CustomerView;
import app.pos.order.OrderView;
import app.pos.order.RefundOrder;
import app.pos.support.Customers;
import app.pos.support.Fixtures;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Sales;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@PostgresIntegrationTest
class ReconciliationPostgresIntegrationTests extends ReconciliationContract {

    /** Sales, voids and refunds of the same customers commit while pages are read: none may show as a mismatch. */
    @Test
    void salesVoidsAndRefundsDuringACheckAreNeverReportedAsMismatches() throws Exception {
        List<UUID> busy = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            busy.add(
                    i % 2 == 0
                            ? member("Busy " + i).id()
                            : Customers.withPhone(customers, Fixtures.uniqueName("Busy " + i))
                                    .id());
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger changes = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<CompletableFuture<Void>> tills = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            tills.add(CompletableFuture.runAsync(
                    () -> {
                        while (running.get()) {
                            UUID customer = busy.get(ThreadLocalRandom.current().nextInt(busy.size()));
                            OrderView order =
                                    Sales.of(latte, 2).forCustomer(customer).placeWith(orders, "cashier");
                            switch (changes.incrementAndGet() % 3) {
                                case 1 -> orders.voidOrder(order.id(), "manager");
                                case 2 ->
                                    refunds.refund(
                                            order.id(),
                                            new RefundOrder(List.of(new RefundOrder.Line(latte.id(), 1)), null),
                                            null,
                                            "manager");
                                default -> {}
                            }
                        }
                    },
                    pool));
        }
        List<ReconciliationReport> reports = new ArrayList<>();
        try {
            while ((changes.get() < 30 || reports.size() < 3) && tills.stream().noneMatch(CompletableFuture::isDone)) {
                reports.add(reconciliation.check(3, Integer.MAX_VALUE));
            }
        } finally {
            running.set(false);
            CompletableFuture.allOf(tills.toArray(CompletableFuture[]::new)).join();
            pool.shutdown();
        }

        assertThat(changes.get()).as("the tills were busy meanwhile").isGreaterThanOrEqualTo(30);
        for (ReconciliationReport report : reports) {
            assertThat(stats(report).keySet()).doesNotContainAnyElementsOf(busy);
            assertThat(points(report).keySet()).doesNotContainAnyElementsOf(busy);
        }
        CustomerView any = customers.get(busy.get(0));
        assertThat(any.visitCount()).isPositive();
    }
}
