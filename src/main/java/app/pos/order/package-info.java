/**
 * Orders: server-side pricing, checkout with idempotency keys, voids, what a customer's orders say about them,
 * the sales report and cash-up, and the legacy orders of an older system. Owns the {@code orders}, {@code order_items},
 * {@code order_refunds} and {@code order_refund_lines} tables and the order-number sequence.
 *
 * <p>API: {@link app.pos.order.OrderService}, {@link app.pos.order.OrderRefunds} (refunds of some units), {@link app.pos.order.OrderPricing} (the one pricing
 * implementation), {@link app.pos.order.CustomerOrders}, {@link app.pos.order.CustomerTotals} (what many customers' orders and
 * refunds add up to, for the reconciliation), {@link app.pos.order.SalesReport},
 * {@link app.pos.order.LegacyOrders}, {@link app.pos.order.OrderSnapshots} (removes an erased customer's contact
 * details from their orders) and their records.
 *
 * <p>Events, each published inside the transaction that causes it:
 * <ul>
 *   <li>{@link app.pos.order.OrderPlaced}: ids, totals, lines with product and category, order type, payment,
 *       time and staff, and the reward it redeems with its points;
 *   <li>{@link app.pos.order.OrderVoided}: the order, its customer and the total it had added;
 *   <li>{@link app.pos.order.OrderRefunded}: the order, the refund, its customer, the amount given back and the
 *       refunded lines (line number, product, quantity, units refunded before, amount).
 * </ul>
 *
 * <p>Depends on {@code catalog} (prices) and {@code shared}. It does not depend on {@code customer}: checkout reads
 * and creates customers through the port {@link app.pos.order.OrderCustomers}, which the customer feature
 * implements, so that the customer feature (and later loyalty, privacy, marketing) can listen to order events
 * without a cycle. In the same way a refund shows the loyalty points it took back through the port
 * {@link app.pos.order.RefundPoints}, which the loyalty feature implements. {@link app.pos.order.RefundAllocation}
 * is public so that loyalty allocates an order's earn basis over lines and units exactly as refunds allocate the
 * amount.
 * In the same way the loyalty feature implements {@link app.pos.order.OrderRewards} (a reward's
 * discount at checkout) and {@link app.pos.order.OrderLoyalties} (the {@code loyalty} section of an order).
 */
@ApplicationModule(allowedDependencies = {"catalog", "shared"})
package app.pos.order;

import org.springframework.modulith.ApplicationModule;
