package app.pos.order;

import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the orders say each customer's statistics should be, for many customers at once: total spent (completed
 * orders, less their refunds), visits (completed orders) and last visit. Legacy orders count as soon as they are
 * linked to a customer, like any other order; voided orders do not count, nor their refunds.
 */
@Service
public class CustomerTotals {

    private final CustomerTotalsRepository totals;
    private final CustomerOrderRepository orders;

    CustomerTotals(CustomerTotalsRepository totals, CustomerOrderRepository orders) {
        this.totals = totals;
        this.orders = orders;
    }

    /**
     * The totals of every customer with an id in {@code (after, last]} who has a completed order (a null bound is
     * open); a customer missing from the map has none. Ids are compared by the database.
     */
    @Transactional(readOnly = true)
    public Map<UUID, CustomerOrders.Totals> between(UUID after, UUID last) {
        return totals.between(after, last);
    }

    /** One customer's totals, as {@link CustomerOrders#completedTotals} computes them. */
    @Transactional(readOnly = true)
    public CustomerOrders.Totals of(UUID customerId) {
        return orders.completedTotals(customerId);
    }
}
