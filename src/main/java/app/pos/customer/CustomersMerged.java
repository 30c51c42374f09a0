package app.pos.customer;

import java.util.UUID;

/**
 * Two records of one person became one: {@code removedId}'s orders now belong to {@code keptId}, and the removed
 * record is gone (no {@link CustomerDeleted} is published for it). Published in the merge's transaction.
 */
public record CustomersMerged(UUID keptId, UUID removedId) {}
