package app.pos.customer;

import java.util.UUID;

/**
 * A customer was erased (GDPR Art. 17): their record is gone and no table holds their contact details any more.
 * The id only, never a name or number, since an event may be stored. Published in the erasure's transaction.
 */
public record CustomerErased(UUID customerId) {}
