package app.pos.reliability;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The loyalty ledger and the customers' stats of a set of members, recomputed in plain SQL from the orders, refunds
 * and entries. Each check lists what is off (empty: all is well), the first 20 at most.
 */
final class LedgerAudit {

    private static final String ORDERS = "(SELECT id FROM orders WHERE customer_id IN (:ids))";

    private final JdbcClient jdbc;
    private final List<UUID> customers;

    LedgerAudit(JdbcClient jdbc, List<UUID> customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    /** Orders without exactly one EARN entry of their own customer. */
    List<String> ordersNotEarningOnce() {
        return jdbc.sql("SELECT o.id, COUNT(e.id) AS earns FROM orders o "
                        + "LEFT JOIN loyalty_entries e ON e.order_id = o.id AND e.type = 'EARN' "
                        + "AND e.customer_id = o.customer_id WHERE o.customer_id IN (:ids) "
                        + "GROUP BY o.id HAVING COUNT(e.id) <> 1 LIMIT 20")
                .param("ids", customers)
                .query((rs, n) -> "order " + rs.getString("id") + ": " + rs.getLong("earns") + " EARN entries")
                .list();
    }

    /**
     * Entries of these customers that are neither an EARN, REDEEM, REVERSAL or RETURN of one of their orders (a
     * refund's: only a REVERSAL, of the refund's order; a refund gives no redeemed points back) nor an ADJUSTMENT of
     * no order.
     */
    List<String> strayEntries() {
        return jdbc.sql("SELECT e.id, e.type, e.order_id, e.refund_id FROM loyalty_entries e "
                        + "LEFT JOIN orders o ON o.id = e.order_id AND o.customer_id = e.customer_id "
                        + "LEFT JOIN order_refunds r ON r.id = e.refund_id "
                        + "WHERE e.customer_id IN (:ids) AND NOT ((e.type = 'ADJUSTMENT' AND e.order_id IS NULL "
                        + "AND e.refund_id IS NULL) OR (e.type IN ('EARN', 'REDEEM', 'REVERSAL', 'RETURN') "
                        + "AND o.id IS NOT NULL AND (e.refund_id IS NULL OR (e.type = 'REVERSAL' "
                        + "AND r.order_id = e.order_id)))) LIMIT 20")
                .param("ids", customers)
                .query((rs, n) -> "entry " + rs.getLong("id") + " " + rs.getString("type") + " of order "
                        + rs.getString("order_id") + ", refund " + rs.getString("refund_id"))
                .list();
    }

    /** Orders whose void REVERSALs are not one if VOIDED and none otherwise. */
    List<String> voidReversalsOff() {
        return jdbc.sql("SELECT o.id, o.status, COUNT(e.id) AS reversals FROM orders o "
                        + "LEFT JOIN loyalty_entries e ON e.order_id = o.id AND e.type = 'REVERSAL' "
                        + "AND e.refund_id IS NULL WHERE o.customer_id IN (:ids) GROUP BY o.id, o.status "
                        + "HAVING COUNT(e.id) <> CASE WHEN o.status = 'VOIDED' THEN 1 ELSE 0 END LIMIT 20")
                .param("ids", customers)
                .query((rs, n) -> "order " + rs.getString("id") + " " + rs.getString("status") + ": "
                        + rs.getLong("reversals") + " void reversals")
                .list();
    }

    /**
     * Refunds without exactly one REVERSAL (every line of these orders earns: the test's rewards take less off than
     * the cheapest order costs, so every refund reverses).
     */
    List<String> refundReversalsOff() {
        return jdbc.sql("SELECT r.id, COUNT(e.id) AS reversals FROM order_refunds r "
                        + "LEFT JOIN loyalty_entries e ON e.refund_id = r.id AND e.type = 'REVERSAL' "
                        + "WHERE r.order_id IN " + ORDERS + " GROUP BY r.id HAVING COUNT(e.id) <> 1 LIMIT 20")
                .param("ids", customers)
                .query((rs, n) -> "refund " + rs.getString("id") + ": " + rs.getLong("reversals") + " reversals")
                .list();
    }

    /** Balances that are not the sum of the entries, lifetime earned that is not the sum of EARN and REVERSAL. */
    List<String> balancesOff() {
        return jdbc
                .sql("SELECT c.id, b.balance, b.lifetime_earned, "
                        + "COALESCE(SUM(e.points), 0) AS points, "
                        + "COALESCE(SUM(e.points) FILTER (WHERE e.type IN ('EARN', 'REVERSAL')), 0) AS earned "
                        + "FROM customers c LEFT JOIN loyalty_balances b ON b.customer_id = c.id "
                        + "LEFT JOIN loyalty_entries e ON e.customer_id = c.id WHERE c.id IN (:ids) "
                        + "GROUP BY c.id, b.balance, b.lifetime_earned")
                .param("ids", customers)
                .query((rs, n) -> {
                    long balance = rs.getLong("balance");
                    long lifetime = rs.getLong("lifetime_earned");
                    return balance == rs.getLong("points") && lifetime == rs.getLong("earned")
                            ? null
                            : "customer " + rs.getString("id") + ": balance " + balance + ", lifetime " + lifetime
                                    + ", entries say " + rs.getLong("points") + " / " + rs.getLong("earned");
                })
                .list()
                .stream()
                .filter(Objects::nonNull)
                .limit(20)
                .toList();
    }

    /**
     * Orders whose EARN and REVERSAL entries (their REDEEM and RETURN are {@link RedemptionAudit}'s) do not net to
     * floor(remaining basis × points per unit × multiplier), 0 when voided. The
     * remaining basis is each earned line's basis less its refunded units' share, rounded as refunds round it
     * (RefundAllocation: the share of the first R of U units is basis × R / U to the cent).
     */
    List<String> orderPointsOff() {
        return jdbc
                .sql("WITH refunded AS (SELECT order_id, line_no, SUM(quantity) AS units FROM order_refund_lines "
                        + "WHERE order_id IN " + ORDERS + " GROUP BY order_id, line_no), "
                        + "remaining AS (SELECT l.order_id, "
                        + "SUM(l.basis - ROUND(l.basis * COALESCE(r.units, 0) / l.units, 2)) AS basis "
                        + "FROM loyalty_earned_lines l LEFT JOIN refunded r ON r.order_id = l.order_id "
                        + "AND r.line_no = l.line_no WHERE l.order_id IN " + ORDERS + " GROUP BY l.order_id), "
                        + "held AS (SELECT order_id, SUM(points) AS points, SUM(basis) AS basis FROM loyalty_entries "
                        + "WHERE type IN ('EARN', 'REVERSAL') AND order_id IN " + ORDERS + " GROUP BY order_id) "
                        + "SELECT o.id, o.status, h.points, h.basis AS held_basis, m.basis AS remaining, "
                        + "CASE WHEN o.status = 'VOIDED' THEN 0 ELSE FLOOR(m.basis * g.points_per_unit * g.multiplier) "
                        + "END AS expected, CASE WHEN o.status = 'VOIDED' THEN 0 ELSE m.basis END AS expected_basis "
                        + "FROM orders o LEFT JOIN loyalty_earnings g ON g.order_id = o.id "
                        + "LEFT JOIN remaining m ON m.order_id = o.id LEFT JOIN held h ON h.order_id = o.id "
                        + "WHERE o.customer_id IN (:ids)")
                .param("ids", customers)
                .query((rs, n) -> {
                    BigDecimal expected = rs.getBigDecimal("expected");
                    BigDecimal expectedBasis = rs.getBigDecimal("expected_basis");
                    boolean ok = expected != null
                            && rs.getObject("points") != null
                            && expected.longValueExact() == rs.getLong("points")
                            && expectedBasis.compareTo(rs.getBigDecimal("held_basis")) == 0;
                    return ok
                            ? null
                            : "order " + rs.getString("id") + " " + rs.getString("status") + ": entries net "
                                    + rs.getObject("points") + " points on " + rs.getBigDecimal("held_basis")
                                    + " basis, expected " + expected + " on " + expectedBasis + " (remaining basis "
                                    + rs.getBigDecimal("remaining") + ")";
                })
                .list()
                .stream()
                .filter(Objects::nonNull)
                .limit(20)
                .toList();
    }

    /** Customers whose stats differ from their completed orders less those orders' refunds. */
    List<String> statsOff() {
        return jdbc
                .sql("SELECT c.id, c.total_spent, c.visit_count, COALESCE(o.spent, 0) AS spent, "
                        + "COALESCE(o.visits, 0) AS visits, COALESCE(r.refunded, 0) AS refunded FROM customers c "
                        + "LEFT JOIN (SELECT customer_id, SUM(total) AS spent, COUNT(*) AS visits FROM orders "
                        + "WHERE status = 'COMPLETED' GROUP BY customer_id) o ON o.customer_id = c.id "
                        + "LEFT JOIN (SELECT o.customer_id, SUM(f.amount) AS refunded FROM order_refunds f "
                        + "JOIN orders o ON o.id = f.order_id WHERE o.status = 'COMPLETED' GROUP BY o.customer_id) r "
                        + "ON r.customer_id = c.id WHERE c.id IN (:ids)")
                .param("ids", customers)
                .query((rs, n) -> {
                    BigDecimal spent = rs.getBigDecimal("spent").subtract(rs.getBigDecimal("refunded"));
                    return spent.compareTo(rs.getBigDecimal("total_spent")) == 0
                                    && rs.getLong("visits") == rs.getLong("visit_count")
                            ? null
                            : "customer " + rs.getString("id") + ": stored " + rs.getBigDecimal("total_spent") + " / "
                                    + rs.getLong("visit_count") + " visits, orders and refunds say " + spent + " / "
                                    + rs.getLong("visits");
                })
                .list()
                .stream()
                .filter(Objects::nonNull)
                .limit(20)
                .toList();
    }

    /** Orders refunded for more than their total, or fully refunded for other than exactly their total. */
    List<String> refundAmountsOff() {
        return jdbc.sql("WITH sold AS (SELECT order_id, SUM(quantity) AS units FROM order_items "
                        + "WHERE order_id IN " + ORDERS + " GROUP BY order_id), "
                        + "back AS (SELECT r.order_id, SUM(r.amount) AS amount, "
                        + "(SELECT SUM(l.quantity) FROM order_refund_lines l WHERE l.order_id = r.order_id) AS units "
                        + "FROM order_refunds r WHERE r.order_id IN " + ORDERS + " GROUP BY r.order_id) "
                        + "SELECT o.id, o.total, b.amount, b.units, s.units AS sold FROM orders o "
                        + "JOIN back b ON b.order_id = o.id JOIN sold s ON s.order_id = o.id "
                        + "WHERE b.amount > o.total OR (b.units = s.units AND b.amount <> o.total) LIMIT 20")
                .param("ids", customers)
                .query((rs, n) -> "order " + rs.getString("id") + " of " + rs.getBigDecimal("total") + ": refunded "
                        + rs.getBigDecimal("amount") + " for " + rs.getLong("units") + " of " + rs.getLong("sold")
                        + " units")
                .list();
    }

    /** The stored orders of these customers, id to idempotency key, and their status. */
    Map<UUID, String> orderKeys() {
        return jdbc
                .sql("SELECT id, idempotency_key FROM orders WHERE customer_id IN (:ids)")
                .param("ids", customers)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("idempotency_key")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<UUID> voidedOrders() {
        return jdbc.sql("SELECT id FROM orders WHERE customer_id IN (:ids) AND status = 'VOIDED'")
                .param("ids", customers)
                .query(UUID.class)
                .list();
    }

    /** The stored refunds of these customers' orders, refund id to order id. */
    Map<UUID, UUID> refunds() {
        return jdbc
                .sql("SELECT id, order_id FROM order_refunds WHERE order_id IN " + ORDERS)
                .param("ids", customers)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Units refunded per order and product, as "order/product" to units. */
    Map<String, Long> refundedUnits() {
        return jdbc
                .sql("SELECT order_id, product_id, SUM(quantity) AS units FROM order_refund_lines "
                        + "WHERE order_id IN " + ORDERS + " GROUP BY order_id, product_id")
                .param("ids", customers)
                .query((rs, n) ->
                        Map.entry(rs.getString("order_id") + "/" + rs.getString("product_id"), rs.getLong("units")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The entries of these customers by type. */
    Map<String, Long> entriesByType() {
        return jdbc
                .sql("SELECT type, COUNT(*) AS n FROM loyalty_entries WHERE customer_id IN (:ids) GROUP BY type")
                .param("ids", customers)
                .query((rs, n) -> Map.entry(rs.getString("type"), rs.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
    }
}
