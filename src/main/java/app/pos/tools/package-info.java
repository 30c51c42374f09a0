/**
 * Operational tools that run instead of the POS when asked for on the command line: the data generator that
 * fills a PostgreSQL database with a realistic shop history for benchmarks. Writes through PostgreSQL's COPY
 * (bulk loading is what COPY is for); derives what other features derive through their own code (the catalog's
 * menu, {@link app.pos.order.OrderPricing}, {@link app.pos.customer.SearchColumns},
 * {@link app.pos.shared.PhoneNumbers}).
 */
@ApplicationModule(allowedDependencies = {"catalog", "customer", "order", "shared"})
package app.pos.tools;

import org.springframework.modulith.ApplicationModule;
