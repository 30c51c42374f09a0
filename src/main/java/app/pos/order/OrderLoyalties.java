package app.pos.order;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The loyalty section of orders ({@link OrderView#loyalty()}), from the feature that keeps the points ledger, which
 * implements it. One query for any number of orders.
 */
public interface OrderLoyalties {

    /** The section of each of these orders that has one (a member's order while the program was on). */
    Map<UUID, OrderView.Loyalty> of(List<UUID> orderIds);
}
