package app.pos.staff;

/** Roles in increasing power: each role may do everything the roles before it may. */
public enum StaffRole {
    CASHIER,
    MANAGER,
    ADMIN;

    String authority() {
        return "ROLE_" + name();
    }
}
