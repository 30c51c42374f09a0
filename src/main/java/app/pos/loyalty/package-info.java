/**
 * Loyalty: the program (one per shop, an ADMIN's settings: points per currency unit, earn basis, excluded
 * categories, tiers, rewards) and the points ledger. Members are customers whose {@code LOYALTY} consent is
 * granted. Owns the {@code loyalty_program}, {@code loyalty_tiers}, {@code loyalty_rewards},
 * {@code loyalty_excluded_categories}, {@code loyalty_entries} (every change of a balance, signed),
 * {@code loyalty_balances} (balance, lifetime earned and tier per customer, each change one atomic UPDATE in the
 * transaction of its entry) and {@code loyalty_tier_changes} tables. They hold customer ids and numbers only, no
 * personal data, so an erasure leaves them as they are.
 *
 * <p>API: {@link app.pos.loyalty.LoyaltyPrograms} (the program, {@link app.pos.loyalty.LoyaltyProgram}) and
 * {@link app.pos.loyalty.LoyaltyAccounts} (a customer's summary, entries, enrolment and adjustments) and
 * {@link app.pos.loyalty.LoyaltyReconciliation} (each balance and lifetime earned against the account's entries, for
 * the reconciliation).
 *
 * <p>Listens to {@link app.pos.order.OrderPlaced} and {@link app.pos.order.OrderVoided} synchronously, in the
 * order's transaction ({@code Earning}): points earned or reversed commit or roll back with the order or void.
 * Adds the {@code loyalty} section to a customer's data export ({@link app.pos.customer.DataExportSection}).
 *
 * <p>Depends on {@code customer} (consents, existence, the export section), {@code order} (its events),
 * {@code catalog} (checking excluded categories and free products), {@code shared} and {@code web}.
 */
@ApplicationModule(allowedDependencies = {"customer", "order", "catalog", "audit", "shared", "web"})
package app.pos.loyalty;

import org.springframework.modulith.ApplicationModule;
