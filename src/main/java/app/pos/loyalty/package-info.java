/**
 * Loyalty: the program (one per shop, an ADMIN's settings: points per currency unit, earn basis, excluded
 * categories, tiers, rewards) and the points ledger. Members are customers whose {@code LOYALTY} consent is
 * granted. Owns the {@code loyalty_program}, {@code loyalty_tiers}, {@code loyalty_rewards},
 * {@code loyalty_excluded_categories}, {@code loyalty_entries} (every change of a balance, signed),
 * {@code loyalty_balances} (balance, lifetime earned and tier per customer, each change one atomic UPDATE in the
 * transaction of its entry), {@code loyalty_tier_changes}, {@code loyalty_earnings}, {@code loyalty_earned_lines}
 * and {@code loyalty_expiry_runs} tables. They hold customer ids and numbers only, no
 * personal data, so an erasure leaves them as they are.
 *
 * <p>API: {@link app.pos.loyalty.LoyaltyPrograms} (the program, {@link app.pos.loyalty.LoyaltyProgram}),
 * {@link app.pos.loyalty.LoyaltyAccounts} (a customer's summary, entries, enrolment and adjustments),
 * {@link app.pos.loyalty.LoyaltyRewards} (the rewards a customer can afford), with
 * {@link app.pos.loyalty.RewardRefused}, and {@link app.pos.loyalty.LoyaltyReport} (the liability,
 * {@link app.pos.loyalty.LoyaltyLiability}: outstanding points, their value and members per tier, counted through
 * {@code customer}'s {@code Consents.countGranted}). The back office's page ({@code /admin/loyalty}) is in
 * {@code web}, a sub-package that uses only this API. Implements the order feature's ports
 * {@link app.pos.order.OrderRewards} (a reward's discount, {@code Redemption}), {@link app.pos.order.OrderLoyalties}
 * (an order's loyalty section) and {@link app.pos.order.RefundPoints} (the points a refund took back, for its view).
 * {@link app.pos.loyalty.LoyaltyReconciliation} checks each balance and lifetime earned against the account's
 * entries, for the reconciliation.
 *
 * <p>Listens to {@link app.pos.order.OrderPlaced} and {@link app.pos.order.OrderVoided} synchronously, in the
 * order's transaction: a redeemed reward's points are deducted ({@code Redemption}, one conditional UPDATE) before
 * the order's points are earned ({@code Earning}); a void reverses what was earned and gives back what was redeemed
 * when the program says so. All of it commits or rolls back with the order or void. Listens to
 * {@link app.pos.order.OrderRefunded} in the refund's transaction ({@code RefundReversal}), which takes back what the
 * refunded units earned, by the rate and basis shares kept when the order earned ({@code loyalty_earnings},
 * {@code loyalty_earned_lines}).
 * Adds the {@code loyalty} section to a customer's data export ({@link app.pos.customer.DataExportSection}).
 * A daily job ({@code PointsExpiryJob}, one instance by ShedLock, with the application's scheduling configuration)
 * writes off points older than {@code pointsExpireAfterMonths}, first in first out ({@code ExpiryLots}).
 *
 * <p>Depends on {@code customer} (consents, existence, the export section), {@code order} (its events),
 * {@code catalog} (checking excluded categories and free products), {@code shared} and {@code web}.
 */
@ApplicationModule(allowedDependencies = {"customer", "order", "catalog", "audit", "shared", "web"})
package app.pos.loyalty;

import org.springframework.modulith.ApplicationModule;
