package app.pos.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What checkout needs from the loyalty feature, which implements it: the discount a reward gives on an order. The
 * order feature stays below loyalty this way (loyalty listens to order events). The points are deducted by loyalty
 * when it hears {@link OrderPlaced} with the reward, in the order's transaction, before the order's own points are
 * earned: what the order earns never pays for its reward.
 */
public interface OrderRewards {

    /**
     * A reward checked for an order: what it costs and the discount it gives.
     *
     * @param discount never more than the subtotal of the lines the reward applies to, never 0
     */
    record Applied(UUID rewardId, String name, long points, BigDecimal discount) {}

    /**
     * The reward applied to these lines for this customer; throws a 422 problem (field {@code rewardId}) when it
     * cannot be: no customer, not a member, the program off, an unknown or retired reward, its free product not in
     * the order. Whether the balance covers it is decided when the points are deducted (a 409 then).
     *
     * @param customerId null for a walk-in sale
     */
    Applied apply(UUID rewardId, UUID customerId, List<OrderPlaced.Line> lines);
}
