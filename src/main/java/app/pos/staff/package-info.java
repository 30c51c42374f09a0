/**
 * Staff users, their roles (CASHIER &lt; MANAGER &lt; ADMIN) and the security configuration: who may call what.
 * Owns the {@code staff_users} and {@code login_failures} tables. Creates the first ADMIN on first start; slows
 * down password guessing (LoginThrottle).
 *
 * <p>API: {@link app.pos.staff.StaffService} and its records. Publishes no events; depends on {@code shared}
 * (and {@code web} for its pages).
 */
@ApplicationModule(allowedDependencies = {"shared", "web"})
package app.pos.staff;

import org.springframework.modulith.ApplicationModule;
