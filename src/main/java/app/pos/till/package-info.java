/**
 * The cashier screen ("till"): menu grid, cart, customer panel, checkout, receipt, today's orders (the business
 * day's), one order's page with its receipt to reprint, and the end-of-day cash-up
 * ({@link app.pos.order.SalesReport#cashUp}).
 * Owns no table: the cart and the selected customer live in the staff member's session. Calls
 * {@link app.pos.catalog.ProductService}, {@link app.pos.customer.CustomerService},
 * {@link app.pos.order.OrderService}, {@link app.pos.order.OrderPricing} (the one pricing implementation),
 * {@link app.pos.loyalty.LoyaltyAccounts} (the selected customer's loyalty box and joining the program), and for
 * loyalty rewards {@link app.pos.loyalty.LoyaltyRewards} (what the customer can afford) and
 * {@link app.pos.order.OrderRewards} (the discount, as checkout prices it).
 */
@ApplicationModule(allowedDependencies = {"catalog", "customer", "order", "loyalty", "shared", "web"})
package app.pos.till;

import org.springframework.modulith.ApplicationModule;
