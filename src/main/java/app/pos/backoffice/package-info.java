/**
 * The back office's customer management: list with filters and keyset paging, profiles, duplicates and merge,
 * CSV import and export. Owns the {@code customer_merges} record table. Calls
 * {@link app.pos.customer.CustomerService} for customers and {@link app.pos.order.OrderService} for their orders;
 * it sits above both so that neither has to know the other's pages.
 */
package app.pos.backoffice;
