/**
 * The back office dashboard: today's and the last 30 days' sales figures and one chart, and the last
 * reconciliation's result. Owns no table; calls {@link app.pos.order.SalesReport} and
 * {@link app.pos.reconciliation.Reconciliation}.
 */
@ApplicationModule(allowedDependencies = {"order", "reconciliation", "shared", "web"})
package app.pos.dashboard;

import org.springframework.modulith.ApplicationModule;
