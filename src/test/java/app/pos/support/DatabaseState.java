package app.pos.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of everything a request could write: row counts and the sums of the customer statistics.
 * Equal before and after a rejected request means nothing was half-written.
 */
public record DatabaseState(List<Object> values) {

    public static DatabaseState of(JdbcClient jdbc) {
        return new DatabaseState(jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM customers) AS customers,
                       (SELECT COUNT(*) FROM orders) AS orders,
                       (SELECT COUNT(*) FROM order_items) AS items,
                       (SELECT COUNT(*) FROM products) AS products,
                       (SELECT COUNT(*) FROM staff_users) AS staff,
                       (SELECT COALESCE(SUM(total_spent), 0) FROM customers) AS spent,
                       (SELECT COALESCE(SUM(visit_count), 0) FROM customers) AS visits,
                       (SELECT COUNT(*) FROM orders WHERE status = 'VOIDED') AS voided,
                       (SELECT MAX(updated_at) FROM customers) AS last_update,
                       (SELECT COUNT(*) FROM customer_external_ids) AS external_ids,
                       (SELECT COUNT(*) FROM customer_marketing_consents) AS consents,
                       (SELECT MAX(recorded_at) FROM customer_marketing_consents) AS last_consent
                """)
                .query((rs, n) -> List.<Object>of(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getBigDecimal(6).stripTrailingZeros(),
                        rs.getLong(7),
                        rs.getLong(8),
                        String.valueOf(rs.getObject(9)),
                        rs.getLong(10),
                        rs.getLong(11),
                        String.valueOf(rs.getObject(12))))
                .single());
    }
}
