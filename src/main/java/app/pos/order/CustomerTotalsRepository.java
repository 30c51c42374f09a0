package app.pos.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Completed orders and their refunds summed per customer over a range of customer ids: two grouped scans of the
 * range of {@code idx_orders_customer_created}, which on PostgreSQL covers status, total and id (V29): index-only
 * scans, whatever the order of the orders in the table (the refunds are joined by hash).
 */
@Repository
class CustomerTotalsRepository {

    private final JdbcClient jdbc;

    CustomerTotalsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, CustomerOrders.Totals> between(UUID after, UUID last) {
        StringBuilder range = new StringBuilder("o.status = 'COMPLETED' AND o.customer_id IS NOT NULL");
        Map<String, Object> params = new HashMap<>();
        if (after != null) {
            range.append(" AND o.customer_id > :after");
            params.put("after", after);
        }
        if (last != null) {
            range.append(" AND o.customer_id <= :last");
            params.put("last", last);
        }
        Map<UUID, BigDecimal> refunded = new HashMap<>();
        jdbc.sql(
                        "SELECT o.customer_id, SUM(r.amount) AS refunded FROM order_refunds r JOIN orders o ON o.id = r.order_id"
                                + " WHERE " + range + " GROUP BY o.customer_id")
                .params(params)
                .query(rs -> {
                    refunded.put(rs.getObject("customer_id", UUID.class), rs.getBigDecimal("refunded"));
                });
        Map<UUID, CustomerOrders.Totals> totals = new HashMap<>();
        jdbc.sql("SELECT o.customer_id, SUM(o.total) AS spent, COUNT(*) AS visits, MAX(o.created_at) AS last_visit"
                        + " FROM orders o WHERE " + range + " GROUP BY o.customer_id")
                .params(params)
                .query(rs -> {
                    UUID id = rs.getObject("customer_id", UUID.class);
                    BigDecimal spent = rs.getBigDecimal("spent")
                            .subtract(refunded.getOrDefault(id, BigDecimal.ZERO))
                            .setScale(2);
                    totals.put(
                            id,
                            new CustomerOrders.Totals(
                                    spent, rs.getInt("visits"), rs.getObject("last_visit", OffsetDateTime.class)));
                });
        return totals;
    }
}
