package app.pos.customer;

/** The customer that find-or-create settled on, and whether it had to create them. */
record CustomerMatch(CustomerView customer, boolean created) {}
