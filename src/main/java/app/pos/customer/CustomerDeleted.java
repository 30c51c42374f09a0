package app.pos.customer;

import java.util.UUID;

/** A customer record was deleted; their orders stay, unlinked, with the snapshot they were sold under. Published in the change's transaction. */
public record CustomerDeleted(UUID customerId) {}
