package app.pos.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import app.pos.customer.CustomerView;
import app.pos.support.PostgresIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The contract on PostgreSQL, and two instances running the expiry at once. */
@PostgresIntegrationTest
class LoyaltyExpiryPostgresIntegrationTests extends LoyaltyExpiryContract {

    @Autowired
    PointsExpiryJob job;

    @Test
    void twoRunsAtOnceWriteEachExpiryOnce() throws Exception {
        expireAfter(12);
        List<CustomerView> members = new ArrayList<>();
        at(day(0));
        for (int i = 0; i < 12; i++) {
            CustomerView member = member("Ada Twice " + i);
            earn(member, 10 + i);
            members.add(member);
        }
        at(expiryOf(day(0), 12));

        // A sale holds the first balance a run would lock until both runs wait for it: they overlap for sure.
        UUID first = members.stream().map(CustomerView::id).min(UUID::compareTo).orElseThrow();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> sale = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> {
                    ledger.lock(first);
                    held.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        held.await();
        CompletableFuture<Void> runs = CompletableFuture.runAsync(() -> atOnce(expiry::run));
        waitUntilWaitingForLocks(2);
        release.countDown();
        sale.join();
        runs.join();

        for (int i = 0; i < members.size(); i++) {
            assertThat(expiries(members.get(i))).as("member " + i).containsExactly(-(10L + i));
            assertThat(balance(members.get(i))).isZero();
        }
    }

    private void waitUntilWaitingForLocks(int sessions) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            long waiting = jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                            + "AND datname = current_database()")
                    .query(Long.class)
                    .single();
            if (waiting >= sessions) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the two runs never waited for the held balance");
    }

    @Test
    void onTwoInstancesOnlyOneRunsTheDailyJob() throws Exception {
        expireAfter(12);
        releaseLock();
        at(day(0));
        CustomerView ada = member("Ada Locked");
        earn(ada, 10);
        at(expiryOf(day(0), 12));

        atOnce(job::run);

        assertThat(runs()).as("one of the two concurrent ones").isEqualTo(1);
        assertThat(expiries(ada)).containsExactly(-10L);
        job.run();
        assertThat(runs())
                .as("still locked: a second start the same night does nothing")
                .isEqualTo(1);
        releaseLock();
    }

    private static void atOnce(Runnable run) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> instances = List.of(1, 2).stream()
                .map(i -> CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    run.run();
                }))
                .toList();
        start.countDown();
        CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).join();
    }

    private long runs() {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_expiry_runs")
                .query(Long.class)
                .single();
    }

    /** Ends ShedLock's lock as the night after would. */
    private void releaseLock() {
        jdbc.sql("UPDATE shedlock SET lock_until = TIMESTAMP '2000-01-01 00:00:00' WHERE name = :name")
                .param("name", PointsExpiryJob.LOCK)
                .update();
    }
}
