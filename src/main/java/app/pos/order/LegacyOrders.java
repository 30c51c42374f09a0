package app.pos.order;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders imported from an older system ({@code placed_in_pos = false}): a customer name and number on the order
 * but no link to a customer. The customer feature's backfill finds them and links them to customers.
 */
@Service
public class LegacyOrders {

    private final CustomerOrderRepository orders;

    LegacyOrders(CustomerOrderRepository orders) {
        this.orders = orders;
    }

    /** A legacy order not linked to a customer yet, with the contact it was sold under. */
    public record Unlinked(UUID id, String customerName, String customerNumber, String customerAddress) {}

    /**
     * Every legacy order with a customer number and no customer, newest first. Orders placed in this POS are never
     * candidates, so deleting a customer does not let the backfill bring them back.
     */
    @Transactional(readOnly = true)
    public List<Unlinked> unlinked() {
        return orders.findUnlinkedWithContact();
    }

    /** Links those of the orders still unlinked to the customer; returns how many it linked. */
    @Transactional
    public int link(Collection<UUID> orderIds, UUID customerId) {
        return orders.linkToCustomer(orderIds, customerId);
    }
}
