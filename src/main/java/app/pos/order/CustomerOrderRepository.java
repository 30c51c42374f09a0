package app.pos.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders as one customer's: totals, insights, and moving or linking orders to a customer. */
@Repository
class CustomerOrderRepository {

    private final JdbcClient jdbc;
    private final RefundRepository refunds;

    CustomerOrderRepository(JdbcClient jdbc, RefundRepository refunds) {
        this.jdbc = jdbc;
        this.refunds = refunds;
    }

    /** What a customer's completed orders add up to: the source of truth for their statistics. */
    CustomerOrders.Totals completedTotals(UUID customerId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(total), 0)
                       - COALESCE((SELECT SUM(r.amount) FROM order_refunds r JOIN orders o ON o.id = r.order_id
                                   WHERE o.customer_id = :customerId AND o.status = 'COMPLETED'), 0) AS spent,
                       COUNT(*) AS visits, MAX(created_at) AS last_visit
                FROM orders WHERE customer_id = :customerId AND status = 'COMPLETED'
                """)
                .param("customerId", customerId)
                .query((rs, n) -> new CustomerOrders.Totals(
                        rs.getBigDecimal("spent").setScale(2),
                        rs.getInt("visits"),
                        rs.getObject("last_visit", OffsetDateTime.class)))
                .single();
    }

    long countLinked(UUID customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE customer_id = :customerId")
                .param("customerId", customerId)
                .query(Long.class)
                .single();
    }

    /** When the customer's newest completed order was placed; empty when they have none (left). */
    Optional<OffsetDateTime> lastCompletedAt(UUID customerId) {
        List<OffsetDateTime> newest = jdbc.sql("""
                        SELECT created_at FROM orders WHERE customer_id = :customerId AND status = 'COMPLETED'
                        ORDER BY created_at DESC LIMIT 1
                        """)
                .param("customerId", customerId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .list();
        return newest.stream().findFirst();
    }

    /** What the customer buys most, by quantity over their completed orders. */
    List<CustomerOrders.Favourite> favourites(UUID customerId, int limit) {
        return jdbc.sql("""
                SELECT i.product_id, MAX(i.product_name) AS name, SUM(i.quantity) AS quantity
                FROM order_items i JOIN orders o ON o.id = i.order_id
                WHERE o.customer_id = :customerId AND o.status = 'COMPLETED'
                GROUP BY i.product_id
                ORDER BY quantity DESC, name
                LIMIT :limit
                """)
                .param("customerId", customerId)
                .param("limit", limit)
                .query((rs, n) -> new CustomerOrders.Favourite(
                        rs.getObject("product_id", UUID.class), rs.getString("name"), rs.getLong("quantity")))
                .list();
    }

    record Sale(OffsetDateTime at, BigDecimal total) {}

    /** The customer's completed orders since {@code from}: when and how much, for per-month charts. */
    List<Sale> completedSince(UUID customerId, OffsetDateTime from) {
        return jdbc.sql("""
                SELECT created_at, total FROM orders
                WHERE customer_id = :customerId AND status = 'COMPLETED' AND created_at >= :from
                """)
                .param("customerId", customerId)
                .param("from", from)
                .query((rs, n) -> new Sale(rs.getObject("created_at", OffsetDateTime.class), rs.getBigDecimal("total")))
                .list();
    }

    Optional<OffsetDateTime> firstCompletedAt(UUID customerId) {
        List<OffsetDateTime> first = jdbc.sql("""
                        SELECT created_at FROM orders WHERE customer_id = :customerId AND status = 'COMPLETED'
                        ORDER BY created_at LIMIT 1
                        """)
                .param("customerId", customerId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .list();
        return first.stream().findFirst();
    }

    List<CustomerOrders.Address> deliveryAddresses(UUID customerId) {
        return jdbc.sql("""
                SELECT delivery_address, COUNT(*) AS times, MAX(created_at) AS last_used FROM orders
                WHERE customer_id = :customerId AND delivery_address IS NOT NULL
                GROUP BY delivery_address ORDER BY last_used DESC
                """)
                .param("customerId", customerId)
                .query((rs, n) -> new CustomerOrders.Address(
                        rs.getString("delivery_address"),
                        rs.getLong("times"),
                        rs.getObject("last_used", OffsetDateTime.class)))
                .list();
    }

    /**
     * Every order of the customer with its lines, oldest first, in one query (orders joined to their lines, one row
     * per line), handed to {@code sink} one order at a time: no query per order however many they have.
     */
    void eachWithLines(UUID customerId, Consumer<OrderView> sink) {
        Map<UUID, List<RefundView>> refunded = refunds.refundsOfCustomer(customerId);
        Consumer<OrderView> withRefunds =
                order -> sink.accept(order.withRefunds(refunded.getOrDefault(order.id(), List.of())));
        eachWithLinesOnly(customerId, withRefunds);
    }

    private void eachWithLinesOnly(UUID customerId, Consumer<OrderView> sink) {
        List<OrderView> current = new ArrayList<>(1);
        List<OrderView.Line> lines = new ArrayList<>();
        jdbc.sql("SELECT " + OrderRepository.COLUMNS + ", i.line_no, i.product_id, i.product_name, i.unit_price, "
                        + "i.quantity, i.line_total FROM orders o LEFT JOIN order_items i ON i.order_id = o.id "
                        + "WHERE o.customer_id = :customerId ORDER BY o.created_at, o.number, i.line_no")
                .param("customerId", customerId)
                .query((ResultSet rs) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    if (!current.isEmpty() && !current.get(0).id().equals(id)) {
                        sink.accept(current.remove(0).withItems(lines));
                        lines.clear();
                    }
                    if (current.isEmpty()) {
                        current.add(OrderRepository.map(rs, 0));
                    }
                    if (rs.getObject("line_no") != null) {
                        lines.add(new OrderView.Line(
                                rs.getObject("product_id", UUID.class),
                                rs.getString("product_name"),
                                rs.getBigDecimal("unit_price"),
                                rs.getInt("quantity"),
                                rs.getBigDecimal("line_total")));
                    }
                });
        if (!current.isEmpty()) {
            sink.accept(current.get(0).withItems(lines));
        }
    }

    /** Moves every order of one customer to another (a merge). */
    int reassign(UUID from, UUID to) {
        return jdbc.sql("UPDATE orders SET customer_id = :to WHERE customer_id = :from")
                .param("from", from)
                .param("to", to)
                .update();
    }

    /**
     * Orders from an older system: a customer number on the order but no link to a customer. Orders placed in
     * this POS are never candidates, so deleting a customer does not let the backfill bring them back.
     */
    List<LegacyOrders.Unlinked> findUnlinkedWithContact() {
        return jdbc.sql("""
                SELECT id, customer_name, customer_number, customer_address FROM orders
                WHERE customer_id IS NULL AND customer_number IS NOT NULL AND placed_in_pos = FALSE
                ORDER BY created_at DESC, number DESC
                """)
                .query((rs, n) -> new LegacyOrders.Unlinked(
                        rs.getObject("id", UUID.class),
                        rs.getString("customer_name"),
                        rs.getString("customer_number"),
                        rs.getString("customer_address")))
                .list();
    }

    int linkToCustomer(Collection<UUID> orderIds, UUID customerId) {
        return jdbc.sql("UPDATE orders SET customer_id = :customerId WHERE id IN (:ids) AND customer_id IS NULL")
                .param("customerId", customerId)
                .param("ids", orderIds)
                .update();
    }
}
