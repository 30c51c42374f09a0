/**
 * Reconciliation: the proof that the numbers kept by atomic updates are the numbers their sources give. Every
 * customer's stored statistics (total spent, visits, last visit) are checked against what their orders and refunds
 * add up to, and every loyalty balance and lifetime earned against its ledger entries. Runs nightly (one instance,
 * under a ShedLock lock) and when an ADMIN asks ({@code GET /api/v1/admin/reconciliation}); owns the
 * {@code reconciliation_runs} table (the result of each run: when, how long, customers checked, mismatches).
 *
 * <p>API: {@link app.pos.reconciliation.Reconciliation} (run a check, the last run) with
 * {@link app.pos.reconciliation.ReconciliationReport} and {@link app.pos.reconciliation.ReconciliationRun}.
 *
 * <p>Reads no other feature's tables: asks each owner for its side, a page of customer ids at a time, in one
 * read-only snapshot per page: {@code customer} ({@link app.pos.customer.StoredStats}), {@code order}
 * ({@link app.pos.order.CustomerTotals}) and {@code loyalty} ({@link app.pos.loyalty.LoyaltyReconciliation},
 * which compares its two tables itself). Depends on those and {@code shared}.
 */
@ApplicationModule(allowedDependencies = {"customer", "order", "loyalty", "shared"})
package app.pos.reconciliation;

import org.springframework.modulith.ApplicationModule;
