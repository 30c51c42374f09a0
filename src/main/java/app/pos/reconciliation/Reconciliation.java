package app.pos.reconciliation;

import app.pos.customer.StoredStats;
import app.pos.loyalty.LoyaltyReconciliation;
import app.pos.order.CustomerOrders;
import app.pos.order.CustomerTotals;
import app.pos.reconciliation.ReconciliationReport.PointsMismatch;
import app.pos.reconciliation.ReconciliationReport.StatsMismatch;
import app.pos.shared.Money;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks every customer's stored statistics against their orders and refunds, and every loyalty account against
 * its ledger. Walks the customers in id order, a page ({@code pos.reconciliation.page-size}, 10,000) at a time; each
 * page is one short read-only transaction in a REPEATABLE READ snapshot, in which the three owners answer for the
 * same id range: a sale commits either wholly before or wholly after the snapshot, so it cannot show as a mismatch,
 * and no lock is taken, so sales never wait. A mismatch is then checked again on its own, in a new snapshot, and
 * reported only if it is still there (a belt to the snapshot's braces, on a database whose snapshot is weaker).
 */
@Service
public class Reconciliation {

    /** Mismatches found in a page that are checked again one by one; beyond it, they count as found. */
    static final int RECHECKED = 10_000;

    private final StoredStats stored;
    private final CustomerTotals totals;
    private final LoyaltyReconciliation loyalty;
    private final ReconciliationRuns runs;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate write;
    private final Clock clock;
    private final int pageSize;

    Reconciliation(
            StoredStats stored,
            CustomerTotals totals,
            LoyaltyReconciliation loyalty,
            ReconciliationRuns runs,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${pos.reconciliation.page-size:10000}") int pageSize) {
        this.stored = stored;
        this.totals = totals;
        this.loyalty = loyalty;
        this.runs = runs;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.write = new TransactionTemplate(transactions);
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** Checks everything and stores the result; {@code startedBy} is the staff user, null for the nightly job. */
    public ReconciliationReport run(String startedBy) {
        ReconciliationReport report = check(pageSize, ReconciliationReport.LISTED);
        write.executeWithoutResult(tx -> runs.add(ReconciliationRun.of(report, startedBy)));
        return report;
    }

    /** The newest stored run, if there was one. */
    public Optional<ReconciliationRun> last() {
        return runs.last();
    }

    private record Page(int customers, UUID last, List<StatsMismatch> stats, LoyaltyReconciliation.Check points) {}

    /** Checks everything, {@code pageSize} customers per snapshot, listing at most {@code listed} of each kind. */
    ReconciliationReport check(int pageSize, int listed) {
        OffsetDateTime startedAt = OffsetDateTime.now(clock);
        long start = System.nanoTime();
        int customers = 0;
        int accounts = 0;
        List<StatsMismatch> stats = new ArrayList<>();
        List<PointsMismatch> points = new ArrayList<>();
        int statsCount = 0;
        int pointsCount = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            Page page = snapshot.execute(tx -> page(from, pageSize));
            customers += page.customers();
            accounts += page.points().accountsChecked();
            for (StatsMismatch candidate : page.stats()) {
                Optional<StatsMismatch> confirmed =
                        statsCount < RECHECKED ? recheck(candidate.customerId()) : Optional.of(candidate);
                if (confirmed.isPresent() && statsCount++ < listed) {
                    stats.add(confirmed.get());
                }
            }
            for (LoyaltyReconciliation.Mismatch candidate : page.points().mismatches()) {
                Optional<LoyaltyReconciliation.Mismatch> confirmed = pointsCount < RECHECKED
                        ? snapshot.execute(tx -> loyalty.check(candidate.customerId()))
                        : Optional.of(candidate);
                if (confirmed.isPresent() && pointsCount++ < listed) {
                    points.add(points(confirmed.get()));
                }
            }
            if (page.last() == null) {
                break;
            }
            after = page.last();
        }
        return new ReconciliationReport(
                startedAt,
                (System.nanoTime() - start) / 1_000_000,
                customers,
                accounts,
                statsCount,
                pointsCount,
                stats,
                points);
    }

    /**
     * The customers after {@code after}, and the loyalty accounts of the same id range: up to the page's last
     * customer, or without end on the last page (so accounts of customers no longer on file are checked too).
     */
    private Page page(UUID after, int pageSize) {
        List<StoredStats.Row> rows = stored.page(after, pageSize);
        UUID last = rows.size() < pageSize ? null : rows.get(rows.size() - 1).customerId();
        Map<UUID, CustomerOrders.Totals> expected = totals.between(after, last);
        List<StatsMismatch> off = new ArrayList<>();
        for (StoredStats.Row row : rows) {
            CustomerOrders.Totals should = expected.get(row.customerId());
            StatsMismatch mismatch = compare(row, should);
            if (mismatch != null) {
                off.add(mismatch);
            }
        }
        return new Page(rows.size(), last, off, loyalty.check(after, last));
    }

    private Optional<StatsMismatch> recheck(UUID customerId) {
        return snapshot.execute(tx -> stored.of(customerId).map(row -> compare(row, totals.of(customerId))));
    }

    /** The mismatch, or null when the stored row says what the orders say (no orders: zero, zero, none). */
    private static StatsMismatch compare(StoredStats.Row row, CustomerOrders.Totals should) {
        ReconciliationReport.Stats expected = should == null
                ? new ReconciliationReport.Stats(Money.ZERO, 0, null)
                : new ReconciliationReport.Stats(should.totalSpent(), should.visits(), should.lastVisit());
        ReconciliationReport.Stats actual =
                new ReconciliationReport.Stats(row.totalSpent(), row.visits(), row.lastVisit());
        boolean same = actual.totalSpent().compareTo(expected.totalSpent()) == 0
                && actual.visits() == expected.visits()
                && sameInstant(actual.lastVisit(), expected.lastVisit());
        return same ? null : new StatsMismatch(row.customerId(), actual, expected);
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }

    private static PointsMismatch points(LoyaltyReconciliation.Mismatch m) {
        return new PointsMismatch(
                m.customerId(),
                m.storedBalance(),
                m.ledgerBalance(),
                m.storedLifetimeEarned(),
                m.ledgerLifetimeEarned());
    }
}
