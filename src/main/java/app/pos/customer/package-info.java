/**
 * Customers: records, search as the cashier types, find-or-create, the statistics (total spent, visit count,
 * last visit) that follow their orders, possible duplicates and merge, the CSV import's row rules, and the
 * backfill that links legacy orders to customers. Owns the {@code customers}, {@code customer_merges},
 * {@code customer_external_ids} (other systems' ids of our customers, per source) and
 * {@code customer_marketing_consents} (what imported files said of marketing consent, per source and channel)
 * and {@code contact_masking_settings} (whether cashiers see full contact details) tables.
 *
 * <p>API: {@link app.pos.customer.CustomerService}, {@link app.pos.customer.CustomerMerge},
 * {@link app.pos.customer.CustomerImport} (with {@link app.pos.customer.ImportFile},
 * {@link app.pos.customer.ImportMapping}, {@link app.pos.customer.ImportFileProblem} and
 * {@link app.pos.customer.CsvReader}), {@link app.pos.customer.SearchColumns},
 * {@link app.pos.customer.ContactMasking} (what of a customer's contact details the current staff user sees, for
 * pages and API alike, and the cashier's search limit) with {@link app.pos.customer.PrivacySettings}, and the
 * records they take and return. Implements the order feature's port {@link app.pos.order.OrderCustomers}.
 *
 * <p>Events, each published inside the transaction of the change:
 * {@link app.pos.customer.CustomerCreated}, {@link app.pos.customer.CustomerUpdated},
 * {@link app.pos.customer.CustomersMerged} (kept id, removed id) and {@link app.pos.customer.CustomerDeleted}.
 *
 * <p>Listens to {@link app.pos.order.OrderPlaced} and {@link app.pos.order.OrderVoided} synchronously, in the
 * order's transaction ({@code CustomerStats}): the statistics commit or roll back with the order or void.
 *
 * <p>Depends on {@code order} (its events, the port, and the orders' totals), {@code audit} (merges are recorded)
 * and {@code shared}.
 */
@ApplicationModule(allowedDependencies = {"audit", "order", "shared"})
package app.pos.customer;

import org.springframework.modulith.ApplicationModule;
