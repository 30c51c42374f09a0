/**
 * Customers: records, search as the cashier types, find-or-create, the statistics (total spent, visit count,
 * last visit) that follow their orders, possible duplicates and merge, the CSV import's row rules, and the
 * backfill that links legacy orders to customers. Owns the {@code customers} (with the profile fields birthday and
 * anniversary), {@code customer_tags}, {@code customer_merges},
 * {@code customer_external_ids} (other systems' ids of our customers, per source) and
 * {@code customer_marketing_consents} (what imported files said of marketing consent, per source and channel)
 * tables, and consent: {@code consent_wordings} (the versioned text shown when asking), {@code customer_consents}
 * (the current state per customer and channel) and {@code customer_consent_history} (every decision),
 * and {@code contact_masking_settings} (whether cashiers see full contact details).
 *
 * <p>API: {@link app.pos.customer.CustomerService}, {@link app.pos.customer.CustomerMerge},
 * {@link app.pos.customer.CustomerImport} (with {@link app.pos.customer.ImportFile},
 * {@link app.pos.customer.ImportMapping}, {@link app.pos.customer.ImportFileProblem} and
 * {@link app.pos.customer.CsvReader}), {@link app.pos.customer.SearchColumns},
 * {@link app.pos.customer.CustomerDataExport} (everything held about one customer, {@link app.pos.customer.CustomerData},
 * GDPR Art. 15 and 20; other features add their part by implementing {@link app.pos.customer.DataExportSection}),
 * {@link app.pos.customer.Consents} (record, current state, history, {@code hasGranted}, {@code countGranted}) with
 * {@link app.pos.customer.ConsentChannel}, {@link app.pos.customer.ConsentState},
 * {@link app.pos.customer.ConsentSource}, {@link app.pos.customer.ConsentItem} and
 * {@link app.pos.customer.ConsentInput}, {@link app.pos.customer.ConsentWordings} (the versioned wordings),
 * {@link app.pos.customer.PersonalMentions} (whether a kept free text names the customer),
 * {@link app.pos.customer.StoredStats} (the stored statistics in id order, for the reconciliation),
 * {@link app.pos.customer.ContactMasking} (what of a customer's contact details the current staff user sees, for
 * pages and API alike, and the cashier's search limit) with {@link app.pos.customer.PrivacySettings}, and
 * the records they take and return. Implements the order feature's port {@link app.pos.order.OrderCustomers}.
 *
 * <p>Events, each published inside the transaction of the change:
 * {@link app.pos.customer.CustomerCreated}, {@link app.pos.customer.CustomerUpdated},
 * {@link app.pos.customer.CustomersMerged} (kept id, removed id), {@link app.pos.customer.CustomerDeleted} and
 * {@link app.pos.customer.ConsentChanged} (customer, channel, state, source).
 *
 * <p>Listens to {@link app.pos.order.OrderPlaced} and {@link app.pos.order.OrderVoided} synchronously, in the
 * order's transaction ({@code CustomerStats}): the statistics commit or roll back with the order or void.
 *
 * <p>Depends on {@code order} (its events, the port, the orders' totals and, for the data export, every order),
 * {@code audit} (each consent change and merge is an audit entry; the data export records itself and lists the entries
 * about the customer) and {@code shared}.
 */
@ApplicationModule(allowedDependencies = {"audit", "order", "shared"})
package app.pos.customer;

import org.springframework.modulith.ApplicationModule;
