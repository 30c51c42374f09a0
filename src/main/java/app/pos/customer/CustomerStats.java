package app.pos.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics orders maintain on a customer: total spent, visit count, last visit. Every change is one
 * atomic UPDATE relative to the stored value (never read-modify-write), and runs in the caller's transaction,
 * so a stats change commits or rolls back with the order that caused it.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class CustomerStats {

    private final CustomerRepository customers;

    CustomerStats(CustomerRepository customers) {
        this.customers = customers;
    }

    /** The seed's {@code updateCustomerStats}: one more visit worth {@code amount}, made at {@code at}. */
    public void recordVisit(UUID customerId, BigDecimal amount, OffsetDateTime at) {
        if (!customers.addVisit(customerId, amount, at)) {
            throw CustomerNotFound.byId(customerId);
        }
    }

    /**
     * Takes back exactly what {@link #recordVisit} added. The UPDATE locks the customer's row, so the caller can
     * then compute the new last visit from the remaining orders without racing a concurrent sale.
     */
    public void reverseVisit(UUID customerId, BigDecimal amount) {
        if (!customers.removeVisit(customerId, amount)) {
            throw CustomerNotFound.byId(customerId);
        }
    }

    public void setLastVisit(UUID customerId, OffsetDateTime lastVisit) {
        customers.setLastVisit(customerId, lastVisit);
    }

    /**
     * Replaces the stats with values recomputed from the orders, under a row lock.
     *
     * @return whether the stored values were different (were "off")
     */
    public boolean replace(UUID customerId, BigDecimal totalSpent, int visitCount, OffsetDateTime lastVisit) {
        CustomerView current = customers.lockById(customerId).orElseThrow(() -> CustomerNotFound.byId(customerId));
        boolean off = current.totalSpent().compareTo(totalSpent) != 0
                || current.visitCount() != visitCount
                || !sameInstant(current.lastVisitAt(), lastVisit);
        if (off) {
            customers.replaceStats(customerId, totalSpent, visitCount, lastVisit);
        }
        return off;
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }
}
