package app.pos.reliability;

import app.pos.order.RefundAllocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The redemptions, returns and adjustments of a set of members, and the discounts and earn bases of their orders,
 * checked in plain SQL against what the tills were told. Each check lists what is off (empty: all is well), the
 * first 20 at most. The program of the fault test earns before tax on every category, so an order's basis is its
 * subtotal less its discount, split over its lines as {@code Earning.shares} splits it
 * ({@link RefundAllocation#lineShares}); {@link LedgerAudit#orderPointsOff()} then checks each order's net points
 * against the lines' shares stored in {@code loyalty_earned_lines}, which {@link #earnedLinesOff()} checks here.
 */
final class RedemptionAudit {

    private final JdbcClient jdbc;
    private final List<UUID> customers;

    RedemptionAudit(JdbcClient jdbc, List<UUID> customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    /**
     * Orders whose REDEEM and RETURN entries are not what the tills were told: one REDEEM of the reward's points for
     * a confirmed redeeming order and none otherwise; one RETURN of as many points if that order was voided (the
     * program gives them back on a void), none otherwise (a refund gives none back).
     */
    List<String> redemptionsOff(Map<UUID, Long> redeemed) {
        List<String> off = new ArrayList<>();
        jdbc.sql("SELECT o.id, o.status, "
                        + "COUNT(e.id) FILTER (WHERE e.type = 'REDEEM') AS redeems, "
                        + "COALESCE(SUM(e.points) FILTER (WHERE e.type = 'REDEEM'), 0) AS redeemed, "
                        + "COUNT(e.id) FILTER (WHERE e.type = 'RETURN') AS returns, "
                        + "COALESCE(SUM(e.points) FILTER (WHERE e.type = 'RETURN'), 0) AS returned "
                        + "FROM orders o LEFT JOIN loyalty_entries e ON e.order_id = o.id "
                        + "WHERE o.customer_id IN (:ids) GROUP BY o.id, o.status")
                .param("ids", customers)
                .query((rs, n) -> {
                    UUID order = rs.getObject("id", UUID.class);
                    boolean voided = "VOIDED".equals(rs.getString("status"));
                    Long points = redeemed.get(order);
                    List<Long> expected = points == null
                            ? List.of(0L, 0L, 0L, 0L)
                            : List.of(1L, -points, voided ? 1L : 0L, voided ? points : 0L);
                    List<Long> actual = List.of(
                            rs.getLong("redeems"),
                            rs.getLong("redeemed"),
                            rs.getLong("returns"),
                            rs.getLong("returned"));
                    if (!expected.equals(actual)) {
                        off.add("order " + order + " " + rs.getString("status") + ": REDEEM count, points, RETURN "
                                + "count, points " + actual + ", expected " + expected);
                    }
                    return order;
                })
                .list();
        return first20(off);
    }

    /** Orders stored under the key of a request answered 409 "Not enough points". */
    List<String> ordersOfRefusedKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, idempotency_key FROM orders WHERE idempotency_key IN (:keys) LIMIT 20")
                .param("keys", keys)
                .query((rs, n) ->
                        "order " + rs.getString("id") + " stored for refused key " + rs.getString("idempotency_key"))
                .list();
    }

    /**
     * REDEEM entries the balance did not cover when they were made. Every entry of a customer is written while
     * holding the lock on the customer's balance row (the redemption's conditional UPDATE takes it), so the entries'
     * ids follow the order in which the balance moved, and their running sum is the balance before each entry.
     */
    List<String> redemptionsNotCovered() {
        return jdbc.sql("SELECT id, customer_id, points, before FROM (SELECT id, customer_id, type, points, "
                        + "SUM(points) OVER (PARTITION BY customer_id ORDER BY id) - points AS before "
                        + "FROM loyalty_entries WHERE customer_id IN (:ids)) t "
                        + "WHERE type = 'REDEEM' AND before < -points ORDER BY id LIMIT 20")
                .param("ids", customers)
                .query((rs, n) -> "entry " + rs.getLong("id") + " of customer " + rs.getString("customer_id")
                        + " redeemed " + -rs.getLong("points") + " points of a balance of " + rs.getLong("before"))
                .list();
    }

    /** Customers whose ADJUSTMENT entries are not the one set up ({@code points}; none where it is 0). */
    List<String> adjustmentsOff(Map<UUID, Long> setUp) {
        Map<UUID, String> stored = new HashMap<>();
        jdbc.sql("SELECT customer_id, COUNT(*) AS n, SUM(points) AS points FROM loyalty_entries "
                        + "WHERE customer_id IN (:ids) AND type = 'ADJUSTMENT' GROUP BY customer_id")
                .param("ids", customers)
                .query((rs, n) -> stored.put(
                        rs.getObject("customer_id", UUID.class), rs.getLong("n") + " x " + rs.getLong("points")))
                .list();
        List<String> off = new ArrayList<>();
        for (UUID customer : customers) {
            long points = setUp.getOrDefault(customer, 0L);
            String expected = points == 0 ? null : "1 x " + points;
            if (!Objects.equals(expected, stored.get(customer))) {
                off.add("customer " + customer + ": adjustments " + stored.get(customer) + ", set up " + expected);
            }
        }
        return first20(off);
    }

    /** Orders whose discount is not the confirmed reward's (0 without one). */
    List<String> discountsOff(Map<UUID, BigDecimal> discounts) {
        return first20(jdbc
                .sql("SELECT id, discount FROM orders WHERE customer_id IN (:ids)")
                .param("ids", customers)
                .query((rs, n) -> {
                    UUID order = rs.getObject("id", UUID.class);
                    BigDecimal expected = discounts.getOrDefault(order, BigDecimal.ZERO);
                    return expected.compareTo(rs.getBigDecimal("discount")) == 0
                            ? null
                            : "order " + order + ": discount " + rs.getBigDecimal("discount") + ", expected "
                                    + expected;
                })
                .list()
                .stream()
                .filter(Objects::nonNull)
                .toList());
    }

    /**
     * Orders whose earned lines (line, units, share of the basis) and EARN basis are not those of
     * {@code Earning.shares}: the subtotal less the discount, before tax, split over the lines in proportion to their
     * totals; lines with no share earn nothing and are not stored.
     */
    List<String> earnedLinesOff() {
        Map<UUID, List<BigDecimal>> totals = new HashMap<>();
        Map<UUID, List<Integer>> units = new HashMap<>();
        jdbc.sql("SELECT order_id, line_no, quantity, line_total FROM order_items WHERE order_id IN "
                        + "(SELECT id FROM orders WHERE customer_id IN (:ids)) ORDER BY order_id, line_no")
                .param("ids", customers)
                .query((rs, n) -> {
                    UUID order = rs.getObject("order_id", UUID.class);
                    totals.computeIfAbsent(order, o -> new ArrayList<>()).add(rs.getBigDecimal("line_total"));
                    return units.computeIfAbsent(order, o -> new ArrayList<>()).add(rs.getInt("quantity"));
                })
                .list();
        Map<UUID, Map<Integer, String>> stored = new HashMap<>();
        jdbc.sql("SELECT order_id, line_no, units, basis FROM loyalty_earned_lines WHERE order_id IN "
                        + "(SELECT id FROM orders WHERE customer_id IN (:ids))")
                .param("ids", customers)
                .query((rs, n) -> stored.computeIfAbsent(rs.getObject("order_id", UUID.class), o -> new TreeMap<>())
                        .put(rs.getInt("line_no"), rs.getInt("units") + " x " + rs.getBigDecimal("basis")))
                .list();
        List<String> off = new ArrayList<>();
        jdbc.sql("SELECT o.id, o.subtotal, o.discount, e.basis FROM orders o LEFT JOIN loyalty_entries e "
                        + "ON e.order_id = o.id AND e.type = 'EARN' WHERE o.customer_id IN (:ids)")
                .param("ids", customers)
                .query((rs, n) -> {
                    UUID order = rs.getObject("id", UUID.class);
                    BigDecimal basis = rs.getBigDecimal("subtotal")
                            .subtract(rs.getBigDecimal("discount"))
                            .max(BigDecimal.ZERO)
                            .setScale(2, RoundingMode.HALF_EVEN);
                    List<BigDecimal> shares = RefundAllocation.lineShares(basis, totals.get(order));
                    Map<Integer, String> expected = new TreeMap<>();
                    for (int i = 0; i < shares.size(); i++) {
                        if (shares.get(i).signum() != 0) {
                            expected.put(i + 1, units.get(order).get(i) + " x " + shares.get(i));
                        }
                    }
                    Map<Integer, String> actual = stored.getOrDefault(order, Map.of());
                    BigDecimal earned = rs.getBigDecimal("basis");
                    if (!expected.equals(actual) || earned == null || earned.compareTo(basis) != 0) {
                        off.add("order " + order + ": earned lines " + actual + " on basis " + earned + ", expected "
                                + expected + " on " + basis);
                    }
                    return order;
                })
                .list();
        return first20(off);
    }

    private static List<String> first20(List<String> off) {
        return off.size() <= 20 ? off : List.copyOf(off.subList(0, 20));
    }
}
