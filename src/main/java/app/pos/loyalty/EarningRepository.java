package app.pos.loyalty;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an order earned on, kept from the moment it earned ({@code loyalty_earnings}, {@code loyalty_earned_lines}),
 * and what its entries still hold, so that a refund reverses by the rules the order earned under, not today's.
 */
@Repository
class EarningRepository {

    private final JdbcClient jdbc;

    EarningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rate an order earned at: points per currency unit and the tier multiplier it then had. */
    record Rate(BigDecimal pointsPerUnit, BigDecimal multiplier) {}

    /** An eligible order line: its units and its share of the order's earn basis. */
    record Line(int lineNo, int units, BigDecimal basis) {}

    /** The points and basis an order's EARN and REVERSAL entries add up to (redemptions not included). */
    record Held(long points, BigDecimal basis) {}

    void record(UUID orderId, Rate rate, List<Line> lines) {
        jdbc.sql("INSERT INTO loyalty_earnings (order_id, points_per_unit, multiplier) VALUES (:order, :ppu, :mult)")
                .param("order", orderId)
                .param("ppu", rate.pointsPerUnit())
                .param("mult", rate.multiplier())
                .update();
        for (Line line : lines) {
            jdbc.sql("INSERT INTO loyalty_earned_lines (order_id, line_no, units, basis) "
                            + "VALUES (:order, :lineNo, :units, :basis)")
                    .param("order", orderId)
                    .param("lineNo", line.lineNo())
                    .param("units", line.units())
                    .param("basis", line.basis())
                    .update();
        }
    }

    Optional<Rate> rate(UUID orderId) {
        return jdbc.sql("SELECT points_per_unit, multiplier FROM loyalty_earnings WHERE order_id = :order")
                .param("order", orderId)
                .query((rs, n) -> new Rate(rs.getBigDecimal("points_per_unit"), rs.getBigDecimal("multiplier")))
                .optional();
    }

    /** The order's eligible lines by line number. */
    Map<Integer, Line> lines(UUID orderId) {
        Map<Integer, Line> lines = new HashMap<>();
        jdbc.sql("SELECT line_no, units, basis FROM loyalty_earned_lines WHERE order_id = :order")
                .param("order", orderId)
                .query((ResultSet rs) -> {
                    lines.put(
                            rs.getInt("line_no"),
                            new Line(rs.getInt("line_no"), rs.getInt("units"), rs.getBigDecimal("basis")));
                });
        return lines;
    }

    Held held(UUID orderId) {
        return jdbc.sql("SELECT COALESCE(SUM(points), 0) AS points, COALESCE(SUM(basis), 0) AS basis "
                        + "FROM loyalty_entries WHERE order_id = :order AND type IN ('EARN', 'REVERSAL')")
                .param("order", orderId)
                .query((rs, n) -> new Held(rs.getLong("points"), rs.getBigDecimal("basis")))
                .single();
    }

    /** What each of these refunds' REVERSAL took back (positive), by refund; refunds without one are absent. */
    Map<UUID, Integer> reversedBy(Collection<UUID> refundIds) {
        Map<UUID, Integer> reversed = new HashMap<>();
        if (refundIds.isEmpty()) {
            return reversed;
        }
        // cause_id is the refund id for a refund's entry: the lookup uses the unique index on (cause_id, type)
        jdbc.sql("SELECT refund_id, points FROM loyalty_entries WHERE cause_id IN (:ids) AND type = 'REVERSAL' "
                        + "AND refund_id IS NOT NULL")
                .param("ids", List.copyOf(refundIds))
                .query((ResultSet rs) -> {
                    reversed.put(rs.getObject("refund_id", UUID.class), Math.toIntExact(-rs.getLong("points")));
                });
        return reversed;
    }

    boolean hasRefundEntry(UUID refundId) {
        return !reversedBy(List.of(refundId)).isEmpty();
    }
}
