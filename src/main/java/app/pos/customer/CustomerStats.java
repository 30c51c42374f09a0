package app.pos.customer;

import app.pos.order.CustomerOrders;
import app.pos.order.OrderPlaced;
import app.pos.order.OrderRefunded;
import app.pos.order.OrderVoided;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics orders maintain on a customer: total spent, visit count, last visit. They follow the order
 * events synchronously, inside the order's transaction, so a stats change commits or rolls back with the order
 * or void that caused it. Every change is one atomic UPDATE relative to the stored value (never
 * read-modify-write).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class CustomerStats {

    private final CustomerRepository customers;
    private final StatsRepository stats;
    private final CustomerOrders orders;

    CustomerStats(CustomerRepository customers, StatsRepository stats, CustomerOrders orders) {
        this.customers = customers;
        this.stats = stats;
        this.orders = orders;
    }

    /** The seed's {@code updateCustomerStats}: one more visit worth the order's total, made when it was placed. */
    @EventListener
    @Order(0) // before loyalty: customer row, then balance, as a merge locks them
    void on(OrderPlaced placed) {
        if (placed.customerId() != null) {
            recordVisit(placed.customerId(), placed.total(), placed.placedAt());
        }
    }

    /**
     * Takes back exactly what the order added. The UPDATE locks the customer's row, so the new last visit can then
     * be computed from the remaining orders without racing a concurrent sale.
     */
    @EventListener
    @Order(0) // before loyalty: customer row, then balance, as a merge locks them
    void on(OrderVoided voided) {
        if (voided.customerId() != null) {
            if (!stats.removeVisit(voided.customerId(), voided.total())) {
                throw CustomerNotFound.byId(voided.customerId());
            }
            stats.setLastVisit(
                    voided.customerId(), orders.lastVisit(voided.customerId()).orElse(null));
        }
    }

    /** A refund takes its amount off the spend; the order still was a visit. */
    @EventListener
    @Order(0) // before loyalty: customer row, then balance, as a merge locks them
    void on(OrderRefunded refunded) {
        if (refunded.customerId() != null && !stats.subtractSpent(refunded.customerId(), refunded.amount())) {
            throw CustomerNotFound.byId(refunded.customerId());
        }
    }

    private void recordVisit(UUID customerId, BigDecimal amount, OffsetDateTime at) {
        if (!stats.addVisit(customerId, amount, at)) {
            throw CustomerNotFound.byId(customerId);
        }
    }

    /**
     * Replaces the stats with the values the customer's completed orders give, under a row lock.
     *
     * @return whether the stored values were different (were "off")
     */
    boolean recompute(UUID customerId) {
        CustomerView current = customers.lockById(customerId).orElseThrow(() -> CustomerNotFound.byId(customerId));
        CustomerOrders.Totals totals = orders.completedTotals(customerId);
        boolean off = current.totalSpent().compareTo(totals.totalSpent()) != 0
                || current.visitCount() != totals.visits()
                || !sameInstant(current.lastVisitAt(), totals.lastVisit());
        if (off) {
            stats.replaceStats(customerId, totals.totalSpent(), totals.visits(), totals.lastVisit());
        }
        return off;
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }
}
