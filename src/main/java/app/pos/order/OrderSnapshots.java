package app.pos.order;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact details an order keeps of its customer (name, number and address at the time of sale, the delivery
 * address and the order note, the hash of the request that placed it, and the reasons of its refunds), removed for
 * an erased customer. Numbers, dates, lines, totals, tax and payment
 * stay, so revenue, reports and receipts by number do not change. Set-based: one statement per call.
 */
@Service
public class OrderSnapshots {

    private static final String SCRUB = "UPDATE orders SET customer_name = NULL, customer_number = NULL, "
            + "customer_address = NULL, delivery_address = NULL, note = NULL, request_hash = NULL ";

    private final JdbcClient jdbc;

    OrderSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes the snapshots of every order of these customers; returns how many orders it scrubbed. */
    @Transactional
    public int scrubCustomers(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return 0;
        }
        jdbc.sql("UPDATE order_refunds SET reason = NULL, request_hash = NULL "
                        + "WHERE order_id IN (SELECT id FROM orders WHERE customer_id IN (:ids))")
                .param("ids", List.copyOf(customerIds))
                .update();
        return jdbc.sql(SCRUB + "WHERE customer_id IN (:ids)")
                .param("ids", List.copyOf(customerIds))
                .update();
    }

    /** Removes the snapshots of these orders (legacy orders not linked to anyone that name an erased customer). */
    @Transactional
    public int scrubOrders(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return 0;
        }
        jdbc.sql("UPDATE order_refunds SET reason = NULL, request_hash = NULL WHERE order_id IN (:ids)")
                .param("ids", List.copyOf(orderIds))
                .update();
        return jdbc.sql(SCRUB + "WHERE id IN (:ids)")
                .param("ids", List.copyOf(orderIds))
                .update();
    }
}
