/**
 * Staff users, their roles (CASHIER &lt; MANAGER &lt; ADMIN) and the security configuration: who may call what.
 * Owns the {@code staff_users} table. Creates the first ADMIN on first start. Calls no other feature.
 */
package app.pos.staff;
