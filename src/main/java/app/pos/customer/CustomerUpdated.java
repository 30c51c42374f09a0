package app.pos.customer;

import java.util.UUID;

/** A customer's contact details changed (an edit, a merge's chosen values, or blanks an order filled in). Published in the change's transaction. */
public record CustomerUpdated(UUID customerId) {}
