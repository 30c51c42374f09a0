/**
 * Orders: server-side pricing, checkout with idempotency keys, voids, order history per customer, and the
 * legacy backfill that links old orders to customers. Owns the {@code orders} and {@code order_items} tables
 * and the order-number sequence. Calls {@link app.pos.catalog.ProductService} to price,
 * {@link app.pos.customer.CustomerService} to resolve customers and {@link app.pos.customer.CustomerStats}
 * to keep their statistics in the same transaction as the order.
 */
package app.pos.order;
