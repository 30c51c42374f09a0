package app.pos.order;

import app.pos.shared.CustomerDetails;
import java.util.Optional;
import java.util.UUID;

/**
 * What checkout needs from the feature that keeps customer records, which implements it. The order feature
 * stays below the customer feature this way: customers depend on orders (their statistics follow order events),
 * orders know customers only through this port.
 */
public interface OrderCustomers {

    /** The customer as an order records them at the time of sale. */
    record Snapshot(UUID id, String name, String phone, String address) {}

    /** The customer with this id, or empty. */
    Optional<Snapshot> find(UUID id);

    /** The customer with this id; throws the customer feature's not-found problem when there is none. */
    Snapshot get(UUID id);

    /**
     * The customer these details name, matched or created, in the caller's transaction (the order's).
     *
     * @param fieldPrefix prefix for field names in validation errors, such as {@code "customer."}
     */
    Snapshot findOrCreate(CustomerDetails details, String fieldPrefix);

    /**
     * The order as the current staff user may see it: the customer feature masks the customer's phone and address
     * snapshot for a CASHIER (the delivery address stays: the cashier hands the order over).
     */
    default OrderView shownToCurrentStaff(OrderView order) {
        return order;
    }
}
