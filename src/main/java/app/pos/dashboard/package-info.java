/**
 * The back office dashboard: today's and the last 30 days' sales figures and one chart. Owns no table;
 * calls {@link app.pos.order.SalesReport}.
 */
@ApplicationModule(allowedDependencies = {"order", "shared", "web"})
package app.pos.dashboard;

import org.springframework.modulith.ApplicationModule;
