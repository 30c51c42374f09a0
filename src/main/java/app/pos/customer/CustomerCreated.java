package app.pos.customer;

import java.util.UUID;

/** A customer record was created (at the till, in the back office, by an import or by an order's inline customer). Published in the change's transaction. */
public record CustomerCreated(UUID customerId) {}
