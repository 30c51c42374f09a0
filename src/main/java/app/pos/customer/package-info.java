/**
 * Customers: records, phone normalization, search as the cashier types, find-or-create, and the statistics
 * (total spent, visit count, last visit) that orders maintain. Owns the {@code customers} table.
 * Public API: {@link app.pos.customer.CustomerService}, {@link app.pos.customer.CustomerStats},
 * {@link app.pos.customer.PhoneNumbers} and the records they take and return. Calls no other feature;
 * order history per customer is served by the order feature, which owns orders.
 */
package app.pos.customer;
